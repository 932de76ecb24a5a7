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
