package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/prompt"
)

// hostilePlaybook holds control characters written with YAML escapes, as
// a playbook shared by someone else might.
const hostilePlaybook = `schema: 1
id: hostile
title: "Bank \e]0;pwned\a card"
steps:
  - id: turn-on-2sv
    title: "Turn on \e[2J2-step verification"
    phase: recover
    critical: true
    why: "It \u202estops\u202c an intruder. It takes five minutes."
`

// rawControl reports whether s holds a character that would drive a
// terminal or reorder text; \n is fine.
func rawControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return (r < 0x20 && r != '\n') || (0x7f <= r && r <= 0x9f) || (0x202a <= r && r <= 0x202e)
	})
}

// On a terminal, respond and status show a skip reason and playbook
// texts with their control characters as \x1b and the like.
func TestHostileTextOnATerminal(t *testing.T) {
	opts, out, _ := respondSetup(t, i18n.English, "Skip this step", "later\x1b]0;pwned\a\x1b[2J")
	opts.Catalogue.Builtin = fstest.MapFS{"hostile.yaml": {Data: []byte(hostilePlaybook)}}
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Incident 1 · Bank \\x1b]0;pwned\\x07 card · opened Thu 26 Nov 21:00\n",
		"[1/1] Recover · Turn on \\x1b[2J2-step verification  ★ first hour\n     Why: It \\u202estops\\u202c an intruder. It takes five minutes.\n",
		"This is one of the urgent steps. It \\u202estops\\u202c an intruder. It will come\nback",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("respond:\n%s\nwant it to contain:\n%s", out, want)
		}
	}

	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(false, true)
	sopts := &statusOptions{IO: ios, Store: opts.Store, Catalogue: opts.Catalogue, Now: opts.Now, Lang: i18n.English}
	if err := runStatus(sopts); err != nil {
		t.Fatal(err)
	}
	want := `Incident 1 · Bank \x1b]0;pwned\x07 card · opened Thu 26 Nov 21:00
[####################] 1 of 1 steps finished

Skipped
  ★ Turn on \x1b[2J2-step verification  later\x1b]0;pwned\x07\x1b[2J
`
	if out.String() != want || rawControl(out.String()) {
		t.Errorf("status:\n%s\nwant:\n%s", out, want)
	}

	// A week later the step comes back, with the reason it was skipped.
	out.Reset()
	opts.IO = ios
	opened := opts.Now()
	opts.Now = func() time.Time { return opened.Add(7*24*time.Hour + time.Minute) }
	opts.Prompter = &prompt.Fake{Out: out, Answers: []string{"No, carry on", "Stop for now"}}
	ios.SetTTY(true, true)
	if err := runRespond(opts); err != nil {
		t.Fatal(err)
	}
	want = "Skipped on Thu 26 Nov 21:00 (later\\x1b]0;pwned\\x07\\x1b[2J); it is back for the\nweekly re-check.\n"
	if !strings.Contains(out.String(), want) || rawControl(strings.ReplaceAll(out.String(), "\x1b]0;pwned\a\x1b[2J", "")) {
		t.Errorf("a week later:\n%s\nwant:\n%s", out, want)
	}
}

// The table of playbook list on a terminal shows a title's control
// characters, and the alignment counts what is shown.
func TestPlaybookListShowsControlCharacters(t *testing.T) {
	f, out, _ := testFactory(t, nil)
	f.IO.SetTTY(false, true)
	user := f.Catalogue().UserDir
	if err := os.MkdirAll(user, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "hostile.yaml"), []byte(hostilePlaybook), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Run(f, []string{"playbook", "list"}); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	want := `ID       TITLE                       FROM      STEPS
card     Card stolen                 built-in  1
hostile  Bank \x1b]0;pwned\x07 card  user      1
`
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

// A playbook file with a raw control character is broken; the errors that
// show its line show the character as a control picture (␛, one column,
// so that the caret under the line still points at it), whichever command
// reads it.
func TestBrokenPlaybookErrorsShowControlCharacters(t *testing.T) {
	src := "schema: 1 # \x1b]0;pwned\a\nid: raw\ntitle: Bank\nsteps:\n  - {id: a, title: \"A \x1b[2J\", phase: verify}\n"
	for _, args := range [][]string{
		{"playbook", "validate", "FILE"},
		{"playbook", "import", "FILE"},
		{"playbook", "list"},
		{"playbook", "show", "raw"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			f, out, errOut := testFactory(t, nil)
			user := f.Catalogue().UserDir
			if err := os.MkdirAll(user, 0o700); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(user, "raw.yaml")
			if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			for i, a := range args {
				if a == "FILE" {
					args[i] = file
				}
			}
			code := Run(f, args)
			if code == 0 && args[1] != "list" {
				t.Errorf("exit code 0 for a broken playbook")
			}
			if strings.ContainsAny(out.String()+errOut.String(), "\x1b\a") {
				t.Errorf("raw control characters in the output:\nstdout %q\nstderr %q", out, errOut)
			}
			// The list gives only the first message, without the line.
			if args[1] != "list" && !strings.Contains(errOut.String(), "U+001B\n    schema: 1 # ␛]0;pwned␇\n") {
				t.Errorf("the escape is not shown:\nstdout %q\nstderr %q", out, errOut)
			}
		})
	}
}
