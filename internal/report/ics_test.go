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
			events := cal.Events()
			if len(events) != len(r.FollowUps) {
				t.Fatalf("%d events, want one per follow-up: %d", len(events), len(r.FollowUps))
			}
			uids := map[string]bool{}
			for i, ev := range events {
				f := r.FollowUps[i]
				start, err := ev.DateTimeStart(time.UTC)
				if err != nil || !start.Equal(f.At) {
					t.Errorf("event %d starts %v (%v), want %v", i, start, err, f.At)
				}
				if p := ev.Props.Get(ical.PropDateTimeStart); !strings.HasSuffix(p.Value, "Z") {
					t.Errorf("event %d DTSTART %q is not UTC", i, p.Value)
				}
				end, err := ev.DateTimeEnd(time.UTC)
				if err != nil || end.Sub(start) != 30*time.Minute {
					t.Errorf("event %d ends %v after its start (%v)", i, end.Sub(start), err)
				}
				stamp, err := ev.Props.DateTime(ical.PropDateTimeStamp, time.UTC)
				if err != nil || !stamp.Equal(r.GeneratedAt) {
					t.Errorf("event %d DTSTAMP %v (%v), want %v", i, stamp, err, r.GeneratedAt)
				}
				uid, _ := ev.Props.Text(ical.PropUID)
				if uid == "" || uids[uid] {
					t.Errorf("event %d UID %q is empty or not unique", i, uid)
				}
				uids[uid] = true

				title := f.Title
				if f.Of > 0 {
					title = msgf(lang, "ics.repeat", f.Title, f.Occurrence, f.Of)
				}
				if s, _ := ev.Props.Text(ical.PropSummary); s != msgf(lang, "ics.summary", title) {
					t.Errorf("event %d SUMMARY = %q", i, s)
				}
				desc, _ := ev.Props.Text(ical.PropDescription)
				for _, want := range []string{"acctguard respond --incident 3", f.Title, r.Incident.PlaybookTitle} {
					if !strings.Contains(desc, want) {
						t.Errorf("event %d DESCRIPTION lacks %q:\n%s", i, want, desc)
					}
				}
				if f.Gate && !strings.Contains(desc, msgf(lang, "ics.gate", "")) {
					t.Errorf("gate's DESCRIPTION does not say it is available from then:\n%s", desc)
				}

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
				if d, _ := alarm.Text(ical.PropDescription); d == "" {
					t.Errorf("DISPLAY alarm without DESCRIPTION")
				}
			}
		})
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
		if s, _ := cal.Events()[0].Props.Text(ical.PropSummary); s != "acctguard："+r.FollowUps[0].Title {
			t.Errorf("pad %d: SUMMARY read back as %q", pad, s)
		}
	}
}

func TestICSEscapesText(t *testing.T) {
	r := fixture(i18n.English)
	r.FollowUps = r.FollowUps[:1]
	r.FollowUps[0].Title = "a\\b; c, d\ne"
	data := render(t, ICS, r)
	if !bytes.Contains(data, []byte(`SUMMARY:acctguard: a\\b\; c\, d\ne`)) {
		t.Errorf("SUMMARY not escaped:\n%s", data)
	}
	ev := decodeICS(t, data).Events()[0]
	if s, _ := ev.Props.Text(ical.PropSummary); s != "acctguard: a\\b; c, d\ne" {
		t.Errorf("SUMMARY read back as %q", s)
	}
	desc, _ := ev.Props.Text(ical.PropDescription)
	if want := "Can be done from this time: a\\b; c, d\ne (step 8)\nIncident 3: Amazon account takeover\nRun: acctguard respond --incident 3"; desc != want {
		t.Errorf("DESCRIPTION read back as\n%q, want\n%q", desc, want)
	}
}

func TestICSWithoutFollowUps(t *testing.T) {
	r := fixture(i18n.English)
	r.FollowUps = nil
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
	later.GeneratedAt = later.GeneratedAt.Add(48 * time.Hour)
	later.FollowUps[0].At = later.FollowUps[0].At.Add(time.Hour)
	b := uids(later)
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("UIDs changed:\n%v\n%v", a, b)
	}
	want := []string{
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
