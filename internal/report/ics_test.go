package report

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/acctguard/acctguard/internal/i18n"
)

// decodeICS parses a calendar with go-ical, an independent reader, and
// has it encode the result again: its encoder checks what RFC 5545
// requires of each component (PRODID and VERSION once, DTSTAMP and UID
// once per event, not both DTEND and DURATION, at least one component).
func decodeICS(t *testing.T, data []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v\n%s", err, data)
	}
	if err := ical.NewEncoder(io.Discard).Encode(cal); err != nil {
		t.Fatalf("calendar breaks RFC 5545: %v", err)
	}
	return cal
}

// remindEvent is what a test knows of one event read back.
type remindEvent struct {
	uid, summary, description string
	start                     time.Time
}

// readEvents reads the events back with go-ical and checks what every
// event must be: at the remind time in the report's zone, not before the
// report was made, 30 minutes long, stamped with the report's time, an
// alarm at its start, a unique UID.
func readEvents(t *testing.T, r *Report, hour, minute int) []remindEvent {
	t.Helper()
	cal := decodeICS(t, render(t, ICS, r))
	var out []remindEvent
	uids := map[string]bool{}
	for i, ev := range cal.Events() {
		start, err := ev.DateTimeStart(time.UTC)
		if err != nil {
			t.Fatalf("event %d: DTSTART: %v", i, err)
		}
		if p := ev.Props.Get(ical.PropDateTimeStart); !strings.HasSuffix(p.Value, "Z") {
			t.Errorf("event %d DTSTART %q is not UTC", i, p.Value)
		}
		local := start.In(r.Location)
		if local.Hour() != hour || local.Minute() != minute || local.Second() != 0 {
			t.Errorf("event %d starts at %s, want %02d:%02d local", i, local.Format("2006-01-02 15:04:05 MST"), hour, minute)
		}
		if start.Before(r.GeneratedAt) {
			t.Errorf("event %d starts %s, before the report was made (%s)", i, local, r.GeneratedAt.In(r.Location))
		}
		end, err := ev.DateTimeEnd(time.UTC)
		if err != nil || end.Sub(start) != 30*time.Minute {
			t.Errorf("event %d ends %v after its start (%v)", i, end.Sub(start), err)
		}
		stamp, err := ev.Props.DateTime(ical.PropDateTimeStamp, time.UTC)
		if err != nil || !stamp.Equal(r.GeneratedAt) {
			t.Errorf("event %d DTSTAMP %v (%v), want %v", i, stamp, err, r.GeneratedAt)
		}
		e := remindEvent{start: start}
		e.uid, _ = ev.Props.Text(ical.PropUID)
		e.summary, _ = ev.Props.Text(ical.PropSummary)
		e.description, _ = ev.Props.Text(ical.PropDescription)
		if e.uid == "" || uids[e.uid] {
			t.Errorf("event %d UID %q is empty or not unique", i, e.uid)
		}
		uids[e.uid] = true
		if len(ev.Children) != 1 || ev.Children[0].Name != ical.CompAlarm {
			t.Fatalf("event %d has no VALARM", i)
		}
		alarm := ev.Children[0].Props
		if a, _ := alarm.Text(ical.PropAction); a != "DISPLAY" {
			t.Errorf("alarm ACTION = %q", a)
		}
		if trig, err := alarm.Get(ical.PropTrigger).Duration(); err != nil || trig != 0 {
			t.Errorf("alarm TRIGGER = %v (%v), want at the start", trig, err)
		}
		if d, _ := alarm.Text(ical.PropDescription); d != e.summary {
			t.Errorf("alarm DESCRIPTION = %q, want the summary %q", d, e.summary)
		}
		out = append(out, e)
	}
	return out
}

// todoEvents are the "still to do" events among events.
func todoEvents(events []remindEvent) []remindEvent {
	var out []remindEvent
	for _, e := range events {
		if strings.HasSuffix(e.uid, "-todo@acctguard") {
			out = append(out, e)
		}
	}
	return out
}

func TestICSEventsParse(t *testing.T) {
	for _, lang := range i18n.Supported {
		t.Run(string(lang), func(t *testing.T) {
			r := fixture(lang)
			cal := decodeICS(t, render(t, ICS, r))
			if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
				t.Errorf("VERSION = %q", v)
			}
			if p, _ := cal.Props.Text(ical.PropProductID); p == "" {
				t.Errorf("no PRODID")
			}
			events := readEvents(t, r, 9, 0)
			// One "still to do" event first, then one per follow-up.
			if len(events) != 1+len(r.FollowUps) {
				t.Fatalf("%d events, want the to-do and one per follow-up: %d", len(events), 1+len(r.FollowUps))
			}
			todo := events[0]
			if todo.uid != "acctguard-3-todo@acctguard" {
				t.Errorf("first event UID = %q, want the to-do", todo.uid)
			}
			if want := jstAt(11, 27, 9, 0); !todo.start.Equal(want) {
				t.Errorf("to-do at %v, want the next morning %v", todo.start, want)
			}
			if n := len(todoEvents(events)); n != 1 {
				t.Errorf("%d to-do events, want 1", n)
			}
			if want := msgf(lang, "ics.todo", 4); todo.summary != want {
				t.Errorf("to-do SUMMARY = %q, want %q", todo.summary, want)
			}
			for _, id := range []string{"sign-out-all-devices", "turn-on-2sv", "report-phishing-message", "consult-police"} {
				var s Step
				for _, p := range r.Phases {
					for _, st := range p.Steps {
						if st.ID == id {
							s = st
						}
					}
				}
				if want := "\n- " + msgf(lang, "step-ref", s.Title, s.Number) + "\n"; !strings.Contains(todo.description, want) {
					t.Errorf("to-do DESCRIPTION lacks %q:\n%s", want, todo.description)
				}
			}
			if !strings.HasSuffix(todo.description, "\n"+msgf(lang, "ics.run", "acctguard respond --incident 3")) {
				t.Errorf("to-do DESCRIPTION does not end with the command:\n%s", todo.description)
			}

			// Each follow-up at 09:00 on the day it falls due, or the next
			// day when it falls due after 09:00.
			wantStarts := []time.Time{
				jstAt(11, 27, 9, 0), // due 00:57
				jstAt(12, 1, 9, 0),  // due 30 Nov 22:50
				jstAt(12, 8, 9, 0),
				jstAt(12, 15, 9, 0),
				jstAt(12, 22, 9, 0),
				jstAt(12, 29, 9, 0),
			}
			for i, ev := range events[1:] {
				f := r.FollowUps[i]
				if !ev.start.Equal(wantStarts[i]) {
					t.Errorf("follow-up %d (due %v) at %v, want %v", i, f.At, ev.start.In(jst), wantStarts[i])
				}
				if ev.start.Before(f.At) {
					t.Errorf("follow-up %d reminds at %v, before it can be done (%v)", i, ev.start, f.At)
				}
				title := f.Title
				if f.Of > 0 {
					title = msgf(lang, "ics.repeat", f.Title, f.Occurrence, f.Of)
				}
				if ev.summary != msgf(lang, "ics.summary", title) {
					t.Errorf("event %d SUMMARY = %q", i, ev.summary)
				}
				key := "ics.step"
				if f.Gate {
					key = "ics.gate"
				}
				n := map[string]int{"reset-password-after-wait": 8, "recheck-after-a-week": 20, "weekly-recheck": 21}[f.StepID]
				want := strings.Join([]string{
					msgf(lang, key, msgf(lang, "step-ref", title, n)),
					f.What,
					msgf(lang, "ics.incident", 3, r.Incident.PlaybookTitle),
					msgf(lang, "ics.run", "acctguard respond --incident 3"),
				}, "\n")
				if ev.description != want {
					t.Errorf("event %d DESCRIPTION =\n%s\nwant\n%s", i, ev.description, want)
				}
			}
		})
	}
}

// --remind-at 18:30: every event moves to 18:30, the to-do too; a
// follow-up due before 18:30 is reminded of that day.
func TestICSRemindAt(t *testing.T) {
	r := fixture(i18n.English)
	r.RemindAt, _ = Clock(18, 30)
	events := readEvents(t, r, 18, 30)
	want := []time.Time{
		jstAt(11, 27, 18, 30), // to-do: 21:00 has passed 18:30
		jstAt(11, 27, 18, 30), // due 00:57
		jstAt(12, 1, 18, 30),  // due 30 Nov 22:50
		jstAt(12, 8, 18, 30),
		jstAt(12, 15, 18, 30),
		jstAt(12, 22, 18, 30),
		jstAt(12, 29, 18, 30),
	}
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	for i, ev := range events {
		if !ev.start.Equal(want[i]) {
			t.Errorf("event %d at %v, want %v", i, ev.start.In(jst), want[i])
		}
	}

	// A remind time not yet passed: the to-do is today. At the very
	// minute counts as not passed.
	for _, c := range []struct{ hour, minute int }{{21, 30}, {21, 0}} {
		r.RemindAt, _ = Clock(c.hour, c.minute)
		if todo := todoEvents(readEvents(t, r, c.hour, c.minute)); len(todo) != 1 || !todo[0].start.Equal(jstAt(11, 26, c.hour, c.minute)) {
			t.Errorf("remind at %s: to-do %v, want today", r.RemindAt, todo)
		}
	}

	r.RemindAt, _ = Clock(0, 0)
	events = readEvents(t, r, 0, 0)
	if !events[1].start.Equal(jstAt(11, 28, 0, 0)) {
		t.Errorf("remind at midnight: a follow-up due at 00:57 at %v, want the next midnight", events[1].start.In(jst))
	}
}

// Nothing due: no to-do event, only the follow-ups ahead.
func TestICSNothingDue(t *testing.T) {
	r := fixture(i18n.English)
	for i := range r.Phases {
		for j := range r.Phases[i].Steps {
			switch s := &r.Phases[i].Steps[j]; s.State {
			case "due", "overdue", "later":
				s.State = "done"
			}
		}
	}
	events := readEvents(t, r, 9, 0)
	if todo := todoEvents(events); len(todo) != 0 {
		t.Errorf("a to-do event when nothing is due: %+v", todo)
	}
	if len(events) != len(r.FollowUps) {
		t.Errorf("%d events, want one per follow-up: %d", len(events), len(r.FollowUps))
	}
}

// The report's follow-ups hold the steps due now, at the times gone when
// they fell due (18 of them at the start of a response): they are in the
// one to-do event, each step once, and nothing is in the past. A
// follow-up whose time has come is listed even when its step is not due
// by its state.
func TestICSPastFollowUpsAreOneToDo(t *testing.T) {
	r := fixture(i18n.English)
	past := []FollowUp{
		{StepID: "turn-on-2sv", Title: "Turn on 2-step verification", At: jstAt(11, 23, 22, 50)},
		{StepID: "consult-police", Title: "Consult the police cyber-crime desk", At: jstAt(11, 23, 22, 50)},
		{StepID: "sign-out-all-devices", Title: "Sign out of Amazon on all devices", At: jstAt(11, 24, 4, 35)},
		{StepID: "check-card-next-day", Title: "Check your card activity the next day", At: jstAt(11, 26, 19, 57)},
		{StepID: "report-phishing-message", Title: "Report the fake message to Amazon", At: jstAt(11, 26, 20, 30)},
		// Due the very minute the report is made.
		{StepID: "report-phishing-message", Title: "Report the fake message to Amazon", At: r.GeneratedAt},
	}
	r.FollowUps = append(past, r.FollowUps...)
	events := readEvents(t, r, 9, 0)
	if len(events) != 7 {
		t.Fatalf("%d events, want the to-do and the 6 follow-ups ahead", len(events))
	}
	todo := todoEvents(events)
	if len(todo) != 1 {
		t.Fatalf("%d to-do events, want 1", len(todo))
	}
	want := "Steps you can do now, including any overdue or put off:\n" +
		"- Sign out of Amazon on all devices (step 14)\n" +
		"- Turn on 2-step verification (step 15)\n" +
		"- Report the fake message to Amazon (step 17)\n" +
		"- Consult the police cyber-crime desk (step 18)\n" +
		"- Check your card activity the next day (step 19)\n" +
		"Incident 3: Amazon account takeover\n" +
		"Run: acctguard respond --incident 3"
	if todo[0].description != want {
		t.Errorf("to-do DESCRIPTION =\n%s\nwant\n%s", todo[0].description, want)
	}
	if todo[0].summary != "acctguard: 5 steps still to do" {
		t.Errorf("to-do SUMMARY = %q", todo[0].summary)
	}

	// One step: said so in the singular.
	one := fixture(i18n.Japanese)
	one.Phases = nil
	one.FollowUps = []FollowUp{{StepID: "turn-on-2sv", Title: "2段階認証を設定する", At: jstAt(11, 23, 22, 50)}}
	events = readEvents(t, one, 9, 0)
	if len(events) != 1 {
		t.Fatalf("one step due: %d events, want 1", len(events))
	}
	if events[0].summary != "acctguard：まだ済んでいない手順（1件）" {
		t.Errorf("one step due: SUMMARY %q", events[0].summary)
	}
	if want := "今できる手順（予定より遅れているもの、あとに回したものも含む）：\n- 2段階認証を設定する\n案件3：Amazonアカウントの乗っ取り\n次のコマンドで進めてください：acctguard respond --incident 3"; events[0].description != want {
		t.Errorf("one step due: DESCRIPTION\n%s\nwant\n%s", events[0].description, want)
	}
}

// The remind time is a time on the clock, on days of 23 or 25 hours too:
// in London, summer time ends at 02:00 on Sunday 25 October 2026.
func TestICSDaylightSaving(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, london)
	}
	r := fixture(i18n.English)
	r.Location = london
	r.Phases = nil
	r.GeneratedAt = at(10, 24, 20, 0) // Saturday, summer time
	r.FollowUps = []FollowUp{
		{StepID: "a", Title: "Late on Saturday", At: at(10, 24, 22, 10)},
		{StepID: "b", Title: "Early on Sunday", At: at(10, 25, 5, 40)},
		{StepID: "c", Title: "Sunday afternoon", At: at(10, 25, 14, 0)},
		{StepID: "d", Title: "Spring", At: time.Date(2027, 3, 27, 22, 10, 0, 0, london)},
	}
	events := readEvents(t, r, 9, 0)
	want := []string{
		"2026-10-25T09:00:00Z", // 09:00 GMT on Sunday, not 08:00
		"2026-10-25T09:00:00Z",
		"2026-10-26T09:00:00Z",
		"2027-03-28T08:00:00Z", // 09:00 BST on the Sunday summer time starts
	}
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	for i, ev := range events {
		if got := ev.start.UTC().Format(time.RFC3339); got != want[i] {
			t.Errorf("%s: at %s, want %s", r.FollowUps[i].Title, got, want[i])
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	if got := (TimeOfDay{}).String(); got != "09:00" {
		t.Errorf("zero TimeOfDay = %s, want 09:00", got)
	}
	for _, c := range []struct {
		hour, minute int
		ok           bool
		want         string
	}{
		{0, 0, true, "00:00"}, {9, 5, true, "09:05"}, {23, 59, true, "23:59"},
		{24, 0, false, "09:00"}, {12, 60, false, "09:00"}, {-1, 0, false, "09:00"},
	} {
		got, ok := Clock(c.hour, c.minute)
		if ok != c.ok || got.String() != c.want {
			t.Errorf("Clock(%d, %d) = %s, %v; want %s, %v", c.hour, c.minute, got, ok, c.want, c.ok)
		}
	}
}

// Each physical line: at most 75 octets, CRLF at its end, valid UTF-8
// on its own (a fold never cuts a character), continuation lines
// starting with a space.
func checkICSLines(t *testing.T, data []byte) (folded int) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("calendar does not end with CRLF")
	}
	lines := bytes.SplitAfter(data, []byte("\r\n"))
	for i, line := range lines {
		if len(line) == 0 {
			continue
		}
		content, ok := bytes.CutSuffix(line, []byte("\r\n"))
		if !ok {
			t.Errorf("line %d does not end with CRLF: %q", i+1, line)
		}
		if bytes.ContainsAny(content, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, content)
		}
		if len(content) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(content), content)
		}
		if !utf8.Valid(content) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, content)
		}
		if len(content) > 0 && !utf8.RuneStart(content[0]) {
			t.Errorf("line %d starts inside a UTF-8 character", i+1)
		}
		if bytes.HasPrefix(content, []byte(" ")) {
			folded++
			if prev := lines[i-1]; utf8.RuneCount(prev) > 0 && len(prev)-2 < 70 && !bytes.HasPrefix(content, []byte(" \\")) {
				// A fold well before the limit would be wasteful; a
				// character of 3-4 octets or an escape explains a
				// few octets short.
				t.Errorf("line %d folded early, after %d octets", i, len(prev)-2)
			}
		}
	}
	return folded
}

func TestICSLines(t *testing.T) {
	for _, lang := range i18n.Supported {
		r := fixture(lang)
		if lang == i18n.Japanese {
			if s := msgf(lang, "ics.summary", r.FollowUps[0].Title); len("SUMMARY:"+s) <= 75 {
				t.Fatalf("fixture's Japanese SUMMARY is only %d octets; it must need folding", len(s))
			}
		}
		if folded := checkICSLines(t, render(t, ICS, r)); folded == 0 {
			t.Errorf("%s: no line was folded; the fixture no longer tests folding", lang)
		}
	}
}

// Folding at every possible offset: pad a Japanese title one octet at a
// time, so a fold lands at each place inside a three-octet character.
func TestICSFoldingNeverSplitsACharacter(t *testing.T) {
	for pad := range 6 {
		r := fixture(i18n.Japanese)
		for i := range r.FollowUps {
			r.FollowUps[i].Title = strings.Repeat("x", pad) + "「パスワードをお忘れですか？」から再設定する；カンマ,セミコロン;と\\も"
		}
		data := render(t, ICS, r)
		checkICSLines(t, data)
		cal := decodeICS(t, data)
		if s, _ := cal.Events()[1].Props.Text(ical.PropSummary); s != "acctguard："+r.FollowUps[0].Title {
			t.Errorf("pad %d: SUMMARY read back as %q", pad, s)
		}
	}
}

func TestICSEscapesText(t *testing.T) {
	r := fixture(i18n.English)
	r.FollowUps = r.FollowUps[:1]
	r.FollowUps[0].Title = "a\\b; c, d\ne"
	r.FollowUps[0].What = "- Check a, b; c\\d"
	data := render(t, ICS, r)
	if !bytes.Contains(data, []byte(`SUMMARY:acctguard: a\\b\; c\, d\ne`)) {
		t.Errorf("SUMMARY not escaped:\n%s", data)
	}
	ev := decodeICS(t, data).Events()[1]
	if s, _ := ev.Props.Text(ical.PropSummary); s != "acctguard: a\\b; c, d\ne" {
		t.Errorf("SUMMARY read back as %q", s)
	}
	desc, _ := ev.Props.Text(ical.PropDescription)
	if want := "Can be done now: a\\b; c, d\ne (step 8)\n- Check a, b; c\\d\nIncident 3: Amazon account takeover\nRun: acctguard respond --incident 3"; desc != want {
		t.Errorf("DESCRIPTION read back as\n%q, want\n%q", desc, want)
	}
}

func TestICSWithoutFollowUps(t *testing.T) {
	r := fixture(i18n.English)
	r.FollowUps = nil
	r.Phases = nil
	data := render(t, ICS, r)
	checkICSLines(t, data)
	cal := decodeICS(t, data)
	if n := len(cal.Events()); n != 0 {
		t.Errorf("%d events, want none", n)
	}
}

// The same follow-up gets the same UID in every export, even when its
// time moved, so a calendar updates the event instead of adding another.
func TestICSUIDsAreStable(t *testing.T) {
	uids := func(r *Report) []string {
		var out []string
		for _, ev := range decodeICS(t, render(t, ICS, r)).Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			out = append(out, uid)
		}
		return out
	}
	a := uids(fixture(i18n.English))
	later := fixture(i18n.Japanese)
	later.GeneratedAt = later.GeneratedAt.Add(time.Hour)
	later.FollowUps[0].At = later.FollowUps[0].At.Add(time.Hour)
	b := uids(later)
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("UIDs changed:\n%v\n%v", a, b)
	}
	want := []string{
		"acctguard-3-todo@acctguard",
		"acctguard-3-reset-password-after-wait-1@acctguard",
		"acctguard-3-recheck-after-a-week-1@acctguard",
		"acctguard-3-weekly-recheck-1@acctguard",
		"acctguard-3-weekly-recheck-2@acctguard",
		"acctguard-3-weekly-recheck-3@acctguard",
		"acctguard-3-weekly-recheck-4@acctguard",
	}
	if strings.Join(a, " ") != strings.Join(want, " ") {
		t.Errorf("UIDs = %v, want %v", a, want)
	}

	dup := fixture(i18n.English)
	dup.FollowUps = append(dup.FollowUps, dup.FollowUps[0])
	seen := map[string]bool{}
	for _, uid := range uids(dup) {
		if seen[uid] {
			t.Errorf("duplicate follow-up gave a duplicate UID %q", uid)
		}
		seen[uid] = true
	}
}
