package playbook

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// manyMistakes returns a playbook whose steps 1 to n each have an unknown
// phase, on lines 8, 11, 14 and so on.
func manyMistakes(n int) string {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, "  - id: s%d\n    title: {en: Step, ja: 手順}\n    phase: nope\n", i+1)
	}
	return b.String()
}

// TestErrorsBounded: a file with more mistakes than MaxErrors keeps the
// first MaxErrors by position, counts the rest, and says so after them.
func TestErrorsBounded(t *testing.T) {
	_, err := Parse("p.yaml", []byte(manyMistakes(2000)))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse() error = %v, want an ErrorList", err)
	}
	if len(list) != MaxErrors || list.Total() != 2000 {
		t.Fatalf("kept %d of %d problems, want %d of 2000", len(list), list.Total(), MaxErrors)
	}
	for i, e := range list {
		if want := (Pos{8 + 3*i, 12}); e.Pos != want {
			t.Fatalf("problem %d at %v, want %v: the first ones by position", i+1, e.Pos, want)
		}
	}
	msg := err.Error()
	if got := strings.Count(msg, "unknown phase"); got != MaxErrors {
		t.Errorf("the message shows %d problems, want %d", got, MaxErrors)
	}
	if want := "\n… and 1,950 more problems"; !strings.HasSuffix(msg, want) {
		t.Errorf("the message ends %q, want %q", msg[len(msg)-60:], want)
	}
	if got, want := list.Summary(), "2,000 problems in p.yaml"; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}

// TestErrorsShareOneSource: every error points into one copy of the
// file, which is what keeps memory from growing as errors x file size.
func TestErrorsShareOneSource(t *testing.T) {
	_, err := Parse("p.yaml", []byte(manyMistakes(200)))
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("Parse() error = %v, want an ErrorList", err)
	}
	src := list[0].src
	start := uintptr(unsafe.Pointer(unsafe.StringData(src.text)))
	for _, e := range list {
		if e.src != src {
			t.Fatalf("%v has a source of its own", e)
		}
		if p := uintptr(unsafe.Pointer(unsafe.StringData(e.Line))); p < start || p+uintptr(len(e.Line)) > start+uintptr(len(src.text)) {
			t.Fatalf("the line of %v is a copy, not a part of the source", e)
		}
	}
}

// TestErrorsFirstByPosition: a problem found late (a reference checked
// once the whole file is read) but early in the file is among those kept,
// in front of the problems found before it.
func TestErrorsFirstByPosition(t *testing.T) {
	src := head + okStep + "    after: [nope]\n" + strings.TrimPrefix(manyMistakes(60), head)
	_, err := Parse("p.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != MaxErrors || list.Total() != 61 {
		t.Fatalf("got %d of %d problems, want %d of 61", len(list), list.Total(), MaxErrors)
	}
	if got, want := list[0].Error(), `p.yaml:9:13: unknown step "nope"`; got != want {
		t.Errorf("first problem %q, want %q", got, want)
	}
	if got, want := list[MaxErrors-1].Pos, (Pos{12 + 3*(MaxErrors-2), 12}); got != want {
		t.Errorf("last problem kept at %v, want %v", got, want)
	}
}

// TestLongLineClipped: a source line longer than maxShown characters is
// shown cut around the column, so that many errors on one long line do not
// print it whole each time.
func TestLongLineClipped(t *testing.T) {
	line := strings.Repeat("0123456789", 200)
	tests := []struct {
		col        int
		shown      string
		caretAfter int
	}{
		{3, line[:500] + "…", 2},
		{1001, "…" + line[900:1400] + "…", 101},
		{1999, "…" + line[1500:], 499},
	}
	for _, tt := range tests {
		e := &Error{File: "p.yaml", Pos: Pos{1, tt.col}, Msg: "m", Line: line}
		want := fmt.Sprintf("p.yaml:1:%d: m\n    %s\n    %s^", tt.col, tt.shown, strings.Repeat(" ", tt.caretAfter))
		if got := e.Detail(); got != want {
			t.Errorf("Detail() at column %d =\n%s\nwant:\n%s", tt.col, got, want)
		}
	}
}

// TestListTooLong: a list longer than acctguard reads is one problem, and
// the file is not checked past it.
func TestListTooLong(t *testing.T) {
	src := head + strings.Repeat("  - {}\n", maxEntries+5)
	_, err := Parse("p.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse() error = %v, want an ErrorList", err)
	}
	if got, want := list[0].Error(), "p.yaml:6:3: steps has 10,005 entries, more than the 10,000 acctguard reads"; got != want {
		t.Errorf("first problem %q, want %q", got, want)
	}
	if got, want := list.Total(), 1+3*maxEntries; got != want {
		t.Errorf("%d problems, want %d: one, and three for each step read", got, want)
	}
}

// TestFileTooLarge: text larger than a playbook file can be, such as one
// saved from an editor, is refused before it is parsed.
func TestFileTooLarge(t *testing.T) {
	src := head + "# " + strings.Repeat("x", maxFileSize) + "\n"
	_, err := Parse("p.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("Parse() error = %v, want one problem", err)
	}
	if got, want := list[0].Error(), "p.yaml:1:1: file is larger than 512 KiB, too large for a playbook"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
