package playbook_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/playbooks"
)

// FuzzParse feeds the decoder arbitrary bytes: it must never panic, and
// every error it returns must carry a position inside the file.
func FuzzParse(f *testing.F) {
	builtin, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(builtin)
	broken, _ := filepath.Glob("testdata/broken/*.yaml")
	for _, name := range broken {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(""))
	f.Add([]byte("schema: 1\nid: x\ntitle: x\nsteps: []\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := playbook.Parse("f.yaml", src)
		if err == nil {
			if p == nil || p.ID == "" || len(p.Steps) == 0 {
				t.Fatalf("no error, but no usable playbook: %+v", p)
			}
			return
		}
		var list playbook.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not a non-empty ErrorList: %v", err)
		}
		lines := splitLines(src)
		for _, e := range list {
			if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Line > len(lines) {
				t.Fatalf("error outside the file (%d lines): %v", len(lines), e)
			}
			if prefix := fmt.Sprintf("f.yaml:%d:%d: ", e.Pos.Line, e.Pos.Col); !strings.HasPrefix(e.Error(), prefix) {
				t.Fatalf("error %q does not start with %q", e.Error(), prefix)
			}
			if line := lines[e.Pos.Line-1]; readable(line) && e.Line != line {
				t.Fatalf("error %v shows line %q, want %q", e, e.Line, line)
			}
			// The YAML reader's own UTF-8 and control-character messages
			// say where it stopped reading, not where the byte is: each
			// must have been replaced by one of ours, which all do.
			ours := strings.HasPrefix(e.Msg, "invalid UTF-8 byte 0x") || e.Msg == "the file is UTF-16 text, not UTF-8"
			if strings.Contains(e.Msg, "UTF-8") && !ours || strings.Contains(e.Msg, "control characters") {
				t.Fatalf("a byte the YAML reader refused is not reported where it is: %v", e)
			}
		}
	})
}

// FuzzWithID changes the id of arbitrary bytes, as "playbook new --from"
// does with a playbook of the user's: it must never panic, and a valid
// playbook must stay valid, under the new id, with the same steps.
func FuzzWithID(f *testing.F) {
	f.Add([]byte(playbook.Template("my-bank", "en")))
	f.Add([]byte("schema: 1\nid: x # the id\ntitle: T\nsteps: [{id: a, title: A, phase: verify}]\n"))
	f.Add([]byte("schema: 1\r\nid: \"x\"\r\ntitle: T\r\nsteps: [{id: a, title: A, phase: verify}]\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := playbook.WithID(src, "new-id")
		before, perr := playbook.Parse("f.yaml", src)
		if perr != nil {
			return
		}
		if err != nil {
			t.Fatalf("a valid playbook, and WithID failed: %v", err)
		}
		after, err := playbook.Parse("f.yaml", got)
		if err != nil {
			t.Fatalf("WithID made a valid playbook invalid:\n%s\n%v", got, err)
		}
		if after.ID != "new-id" || len(after.Steps) != len(before.Steps) {
			t.Fatalf("WithID gave id %q and %d steps, want new-id and %d:\n%s", after.ID, len(after.Steps), len(before.Steps), got)
		}
	})
}

// lineBreak is a line break as YAML counts them: CR LF, LF, CR, NEL, LS
// or PS.
var lineBreak = regexp.MustCompile("\r\n|[\n\r\u0085\u2028\u2029]")

// splitLines returns the lines of src as the YAML parser numbers them,
// without their line breaks or the byte order mark at the start.
func splitLines(src []byte) []string {
	return lineBreak.Split(strings.TrimPrefix(string(src), "\uFEFF"), -1)
}

// readable reports whether line is valid UTF-8 without control characters,
// and so is shown as it is.
func readable(line string) bool {
	return utf8.ValidString(line) && !strings.ContainsFunc(line, func(r rune) bool {
		return unicode.IsControl(r) && r != '\t' || r == 0xFFFE || r == 0xFFFF
	})
}

// TestBrokenExamples pins what the broken examples, which also seed the
// fuzzer, report, in order of position.
func TestBrokenExamples(t *testing.T) {
	want := map[string][]string{
		"five-mistakes.yaml": {
			`7:12: title of step "call-bank" has no text in ja`,
			`10:5: unknown key "titel" in step "check"`,
			`11:12: unknown phase "followup" in step "check"`,
			`12:12: delay of step "check": "1 day" is not a duration`,
			`13:13: unknown step "call-bnak"`,
		},
		"syntax.yaml": {`6:5: invalid YAML: found unexpected end of stream`},
		"references.yaml": {
			`9:16: unknown contact "nobody"`,
			`13:13: steps wait for each other in a loop: a -> b -> a`,
			`14:12: when of step "b" uses "a", which is not a question`,
		},
		"anchors.yaml": {
			`3:8: anchor &t is not allowed in a playbook`,
			`6:12: alias *t is not allowed in a playbook`,
			`8:5: question step "a" is missing "question"`,
			`9:14: step "a" has fewer than two options`,
		},
	}
	for name, msgs := range want {
		src, err := os.ReadFile(filepath.Join("testdata/broken", name))
		if err != nil {
			t.Fatal(err)
		}
		_, err = playbook.Parse(name, src)
		var list playbook.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: got %v, want errors", name, err)
		}
		var got []string
		for _, e := range list {
			got = append(got, strings.TrimPrefix(e.Error(), name+":"))
		}
		if strings.Join(got, "\n") != strings.Join(msgs, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(msgs, "\n"))
		}
	}
}
