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
