//go:build !windows

package editor

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommand(t *testing.T) {
	has := func(string) (string, error) { return "/usr/bin/nano", nil }
	hasNot := func(string) (string, error) { return "", errors.New("not found") }
	tests := []struct {
		env  map[string]string
		look func(string) (string, error)
		want string
	}{
		{map[string]string{"ACCTGUARD_EDITOR": "micro", "VISUAL": "vim", "EDITOR": "ed"}, has, "micro"},
		{map[string]string{"VISUAL": "vim", "EDITOR": "ed"}, has, "vim"},
		{map[string]string{"EDITOR": "code --wait"}, has, "code|--wait"},
		{map[string]string{"EDITOR": `"/opt/My Editor/bin/ed" -n`}, has, "/opt/My Editor/bin/ed|-n"},
		{map[string]string{}, has, "nano"},
		{map[string]string{}, hasNot, "vi"},
	}
	for _, tt := range tests {
		got, err := Command(func(k string) string { return tt.env[k] }, tt.look)
		if err != nil || strings.Join(got, "|") != tt.want {
			t.Errorf("Command(%v) = %q, %v; want %q", tt.env, got, err, tt.want)
		}
	}
	if _, err := Command(func(string) string { return `"unclosed` }, has); err == nil {
		t.Error("an unreadable ACCTGUARD_EDITOR was accepted")
	}
}

// script is an editor made of shell commands; the file is "$1", and each
// run of the editor counts itself in "$COUNT".
func script(t *testing.T, body string) []string {
	t.Helper()
	t.Setenv("COUNT", filepath.Join(t.TempDir(), "count"))
	return []string{"sh", "-c", `n=$(cat "$COUNT" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$COUNT"; ` + body, "editor"}
}

// noTitle flags text without a "title:" line, at line 1.
func noTitle(text []byte) []Problem {
	if bytes.Contains(text, []byte("title:")) {
		return nil
	}
	return []Problem{{Line: 1, Text: `missing "title"`}, {Text: "a second problem"}}
}

func newLoop(t *testing.T, argv []string) *Loop {
	return &Loop{Editor: argv, Dir: t.TempDir(), Check: noTitle, Stdout: os.Stderr, Stderr: os.Stderr}
}

func TestEditSaved(t *testing.T) {
	l := newLoop(t, script(t, `echo "why: added" >> "$1"`))
	l.Intro = []string{"editing t"}
	orig := []byte("# my own note\nid: t\ntitle: T\n")
	got, outcome, err := l.Edit("t.yaml", orig)
	if err != nil || outcome != Saved {
		t.Fatalf("outcome %v, err %v", outcome, err)
	}
	if want := "# my own note\nid: t\ntitle: T\nwhy: added\n"; string(got) != want {
		t.Errorf("got %q, want %q: the intro is gone, the person's comment kept", got, want)
	}
	assertNoTempFiles(t, l.Dir)
}

func TestEditReopensWithProblemsUntilFixed(t *testing.T) {
	// First run: remove the title. Second run: the header must be there,
	// then put the title back below it.
	l := newLoop(t, script(t, `if [ $n = 1 ]; then sed -i '/title/d' "$1"; else cp "$1" "$COUNT.seen"; echo "title: Fixed" >> "$1"; fi`))
	orig := []byte("# keep me\nid: t\ntitle: T\n")
	got, outcome, err := l.Edit("t.yaml", orig)
	if err != nil || outcome != Saved {
		t.Fatalf("outcome %v, err %v", outcome, err)
	}
	if want := "# keep me\nid: t\ntitle: Fixed\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	seen, err := os.ReadFile(os.Getenv("COUNT") + ".seen")
	if err != nil {
		t.Fatal(err)
	}
	want := `# acctguard: the file has 2 mistakes; fix them and save, or empty the file to cancel.
# acctguard: line 5: missing "title"
# acctguard: a second problem
# acctguard:
# keep me
id: t
`
	if string(seen) != want {
		t.Errorf("second round showed:\n%s\nwant:\n%s", seen, want)
	}
}

func TestEditUnchangedAndEmptied(t *testing.T) {
	l := newLoop(t, script(t, `true`))
	orig := []byte("id: t\ntitle: T\n")
	if got, outcome, err := l.Edit("t.yaml", orig); err != nil || outcome != Unchanged || !bytes.Equal(got, orig) {
		t.Errorf("unchanged: %q, %v, %v", got, outcome, err)
	}
	l = newLoop(t, script(t, `: > "$1"`))
	if _, outcome, err := l.Edit("t.yaml", orig); err != nil || outcome != Emptied {
		t.Errorf("emptied: %v, %v", outcome, err)
	}
	assertNoTempFiles(t, l.Dir)
}

func TestEditorFailureKeepsTheText(t *testing.T) {
	l := newLoop(t, script(t, `echo "typed: before the crash" >> "$1"; exit 3`))
	_, _, err := l.Edit("t.yaml", []byte("id: t\n"))
	var failed *FailedError
	if !errors.As(err, &failed) {
		t.Fatalf("err = %v, want FailedError", err)
	}
	kept, rerr := os.ReadFile(failed.Path)
	if rerr != nil || !strings.Contains(string(kept), "typed: before the crash") {
		t.Errorf("kept file %s: %q, %v", failed.Path, kept, rerr)
	}
	if fi, _ := os.Stat(failed.Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("temp file mode %v, want 0600", fi.Mode().Perm())
	}
	if !strings.Contains(err.Error(), failed.Path) {
		t.Errorf("error %q does not name the kept file", err)
	}
}

func TestStripHeaderKeepsOwnComments(t *testing.T) {
	in := "# acctguard: old\n# acctguard:\n# acctguard is great, says me\nid: t\n"
	if got := string(StripHeader([]byte(in))); got != "# acctguard is great, says me\nid: t\n" {
		t.Errorf("StripHeader = %q", got)
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("temp files left in %s: %v", dir, entries)
	}
}
