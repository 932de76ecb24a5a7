package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/wrap"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var renderers = []struct {
	ext    string
	render func(io.Writer, *Report) error
}{
	{"md", Markdown},
	{"txt", Text},
	{"json", JSON},
	{"ics", ICS},
	{"html", HTML},
}

func render(t *testing.T, f func(io.Writer, *Report) error, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares each format in each language with testdata; run
// "go test ./internal/report/ -update" to rewrite the files, then read
// them: they are what a card issuer or a police officer reads.
func TestGolden(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, rr := range renderers {
			name := "report." + string(lang) + "." + rr.ext + ".golden"
			t.Run(name, func(t *testing.T) {
				got := render(t, rr.render, fixture(lang))
				golden(t, name, got)
			})
		}
	}
}

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run with -update and review the diff\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + wl + "\ngot:  " + gl
		}
	}
	return ""
}

// Everything the person typed appears in the Markdown and text reports
// exactly, and nothing is lost: notes, answers, reasons.
func TestUserTextAppearsVerbatim(t *testing.T) {
	for _, lang := range i18n.Supported {
		r := fixture(lang)
		var typed []string
		for _, e := range r.Timeline {
			typed = append(typed, e.Note, e.Answer, e.Reason)
		}
		txt := string(render(t, Text, r))
		// Wrapping breaks lines; compare without the breaks and the
		// indentation that follows them.
		unwrapped := regexp.MustCompile(`\n *`).ReplaceAllString(txt, "")
		md := string(render(t, Markdown, r))
		page := html.UnescapeString(string(render(t, HTML, r)))
		for _, s := range typed {
			if s == "" {
				continue
			}
			for _, line := range strings.Split(s, "\n") {
				if !strings.Contains(strings.ReplaceAll(unwrapped, " ", ""), strings.ReplaceAll(line, " ", "")) {
					t.Errorf("%s text report lacks %q", lang, line)
				}
				if !strings.Contains(mdUnescape(md), line) {
					t.Errorf("%s Markdown report lacks %q", lang, line)
				}
				if !strings.Contains(page, line) {
					t.Errorf("%s printable page lacks %q", lang, line)
				}
			}
		}
	}
}

func mdUnescape(s string) string {
	return regexp.MustCompile(`\\([[:punct:]])`).ReplaceAllString(s, "$1")
}

func TestTextFitsSeventyTwoColumns(t *testing.T) {
	for _, lang := range i18n.Supported {
		txt := string(render(t, Text, fixture(lang)))
		for i, line := range strings.Split(txt, "\n") {
			if wrap.Width(line) > textWidth && !strings.Contains(line, "://") {
				t.Errorf("%s line %d is %d cells wide: %q", lang, i+1, wrap.Width(line), line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s line %d ends in a blank: %q", lang, i+1, line)
			}
		}
	}
}

// A Japanese report is Japanese throughout: no English heading or label
// slips in.
func TestJapaneseReportHasNoEnglishLabels(t *testing.T) {
	r := fixture(i18n.Japanese)
	for _, f := range []func(io.Writer, *Report) error{Markdown, Text, HTML} {
		out := string(render(t, f, r))
		for key, m := range messages.All() {
			en := m.En
			if en == m.Ja || strings.HasPrefix(key, "ics.") || len(en) < 6 {
				continue
			}
			if probe := strings.SplitN(en, "%", 2)[0]; len(probe) >= 6 && strings.Contains(out, probe) {
				t.Errorf("Japanese report contains the English %q (%s)", probe, key)
			}
		}
	}
}

func TestEmptyReport(t *testing.T) {
	r := &Report{
		Lang:        "en",
		GeneratedAt: jstAt(11, 26, 21, 0),
		Location:    jst,
		Incident:    Incident{ID: 1, PlaybookID: "amazon-takeover", Lang: "en", OpenedAt: jstAt(11, 26, 20, 0)},
	}
	md := string(render(t, Markdown, r))
	for _, want := range []string{"- Playbook: amazon-takeover\n", "Nothing has been recorded yet.", "Nothing is open."} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	var got map[string]any
	if err := json.Unmarshal(render(t, JSON, r), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"timeline", "phases", "removed", "follow_ups", "contacts", "sources"} {
		if list, ok := got[key].([]any); !ok || len(list) != 0 {
			t.Errorf("%s = %#v, want []", key, got[key])
		}
	}
	inc := got["incident"].(map[string]any)
	for _, key := range []string{"playbook_version", "service", "closed_at"} {
		if v, ok := inc[key]; !ok || v != nil {
			t.Errorf("incident.%s = %#v, want null", key, v)
		}
	}
}

func TestJSONShape(t *testing.T) {
	out := render(t, JSON, fixture(i18n.English))
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	snake := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !snake.MatchString(k) {
					t.Errorf("%s.%s is not snake_case", path, k)
				}
				if strings.HasSuffix(k, "_at") && x != nil {
					s, _ := x.(string)
					tm, err := time.Parse(time.RFC3339, s)
					if err != nil || !strings.HasSuffix(s, "+09:00") {
						t.Errorf("%s.%s = %v, want RFC 3339 in +09:00", path, k, x)
					}
					_ = tm
				}
				walk(path+"."+k, x)
			}
		case []any:
			for _, x := range v {
				walk(path+"[]", x)
			}
		}
	}
	walk("", got)

	// Spot checks of what the shape promises.
	steps := got["phases"].([]any)[1].(map[string]any)["steps"].([]any)
	na := steps[1].(map[string]any)
	if na["state"] != "not-applicable" || na["finished_at"] != nil || na["answer"] != nil {
		t.Errorf("not-applicable step = %v", na)
	}
	if notes, ok := na["notes"].([]any); !ok || len(notes) != 0 {
		t.Errorf("notes of a step without notes = %#v, want []", na["notes"])
	}
	fu := got["follow_ups"].([]any)
	if first := fu[0].(map[string]any); first["occurrence"] != nil || first["of"] != nil || first["gate"] != true {
		t.Errorf("first follow-up = %v, want a gate happening once", first)
	}
	if last := fu[5].(map[string]any); last["occurrence"] != 4.0 || last["of"] != 4.0 {
		t.Errorf("last follow-up = %v, want repeat 4 of 4", last)
	}
	removed := got["timeline"].([]any)[8].(map[string]any)
	if removed["in_playbook"] != false || removed["step_number"] != nil || removed["step_title"] != nil {
		t.Errorf("timeline entry of a removed step = %v", removed)
	}
	if got["incident"].(map[string]any)["closed_at"] != nil {
		t.Errorf("closed_at of an open incident is not null")
	}
}

func TestClosedIncidentAndOtherZones(t *testing.T) {
	r := fixture(i18n.English)
	closed := jstAt(12, 30, 9, 15)
	r.Incident.ClosedAt = &closed
	r.Location = time.UTC
	md := string(render(t, Markdown, r))
	for _, want := range []string{"- Closed: Wed 30 Dec 2026 00:15\n", "- Time zone: UTC\n", "- Opened: Mon 23 Nov 2026 13:50\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	r.Location = time.FixedZone("", -5*3600)
	if md := string(render(t, Markdown, r)); !strings.Contains(md, "- Time zone: UTC-05:00\n") {
		t.Errorf("zone without a name not shown as an offset")
	}
	r.Location = nil // treated as UTC rather than failing
	if md := string(render(t, Markdown, r)); !strings.Contains(md, "- Time zone: UTC\n") {
		t.Errorf("no location not shown as UTC")
	}
}

func TestNilReport(t *testing.T) {
	for _, rr := range renderers {
		if err := rr.render(io.Discard, nil); err == nil {
			t.Errorf("%s of nil: no error", rr.ext)
		}
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteErrorsAreReturned(t *testing.T) {
	for _, rr := range renderers {
		if err := rr.render(failingWriter{}, fixture(i18n.English)); !errors.Is(err, errDiskFull) {
			t.Errorf("%s: error = %v, want %v", rr.ext, err, errDiskFull)
		}
	}
}

// Control characters in what the person typed must not reach a terminal.
func TestControlCharactersAreNeutralised(t *testing.T) {
	r := fixture(i18n.English)
	r.Phases[0].Steps[1].Notes = []string{"before\x1b[31mred\x07after\r\nnext line"}
	r.FollowUps[0].Title += "\x1b[2J"
	for _, f := range []func(io.Writer, *Report) error{Markdown, Text, ICS, HTML} {
		out := render(t, f, r)
		if bytes.ContainsAny(out, "\x1b\x07") {
			t.Errorf("output holds a control character")
		}
	}
	txt := string(render(t, Text, r))
	if !strings.Contains(txt, `Note: before\x1b[31mred\x07after`+"\n") || !strings.Contains(txt, "next line") {
		t.Errorf("note not kept with its line break:\n%s", txt)
	}
}

// States and records the fixture does not show.
func TestLessCommonStates(t *testing.T) {
	r := fixture(i18n.English)
	follow := &r.Phases[4].Steps
	(*follow)[2].Completions = 3 // weekly-recheck, done three times
	r.Phases[0].Steps[3].Reason = ""
	r.Phases[2].Steps = append(r.Phases[2].Steps, Step{ID: "remove-connected-sites", Number: 22, Title: "Remove connected sites", State: "waiting"})
	r.Timeline = append(r.Timeline, Entry{At: jstAt(11, 26, 20, 55), Action: "close"})
	r.FollowUps = append([]FollowUp{{StepID: "recheck-after-a-week", Title: "One week later", At: jstAt(11, 26, 9, 0)}}, r.FollowUps...)
	txt := string(render(t, Text, r))
	for _, want := range []string{
		"       Skipped: Mon 23 Nov 2026 23:12\n       Reason: none given\n",
		"        Waiting for the steps it depends on\n        Done 3 times so far\n",
		"Waiting for other steps\n~~~~~~~~~~~~~~~~~~~~~~~\n\n- Remove connected sites (step 22)\n  Waiting for the steps it depends on\n",
		"Thu 26 Nov 2026 09:00\n  One week later (step 20)\n  This time has passed\n",
		"Thu 26 Nov 2026 20:55\n  Incident closed\n",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text report lacks\n%s", want)
		}
	}
}

// TestLetterGolden compares each letter, in each language, as text (read
// out on the phone) and Markdown, with testdata.
func TestLetterGolden(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, reader := range Readers {
			for _, rr := range renderers[:2] {
				name := "letter." + reader + "." + string(lang) + "." + rr.ext + ".golden"
				t.Run(name, func(t *testing.T) {
					r := fixture(lang)
					r.For = reader
					got := render(t, rr.render, r)
					golden(t, name, got)
				})
			}
		}
	}
}

// A letter shows what was not recorded as such, never as an empty line.
func TestLetterSaysWhatIsNotRecorded(t *testing.T) {
	r := fixture(i18n.English)
	r.For, r.Cover, r.Charges = "card-issuer", Cover{}, nil
	got := string(render(t, Text, r))
	for _, want := range []string{"Name:      (not recorded)", "Card:      (not recorded)", "No charges or orders have been recorded."} {
		if !strings.Contains(got, want) {
			t.Errorf("letter lacks %q:\n%s", want, got)
		}
	}
}
