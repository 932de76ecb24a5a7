package playbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/acctguard/acctguard/internal/wrap"
)

// Error is one problem in a playbook file, at a position.
type Error struct {
	File string
	Pos  Pos
	Msg  string
	Hint string
	// Line is the source line the position points into, shown under the message.
	Line string
	// MissingLangs lists, for a text that lacks languages of languages:,
	// which ones.
	MissingLangs []string

	// src is what every error of one file shares; nil for an Error made
	// by hand.
	src *source
}

// Error returns "file:line:col: message" on one line.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Detail returns the message, the offending line with a caret under the
// column, and the hint when there is one.
func (e *Error) Detail() string {
	var b strings.Builder
	b.WriteString(e.Error())
	if e.Line != "" {
		b.WriteString("\n    ")
		b.WriteString(e.Line)
		b.WriteString("\n    ")
		b.WriteString(caretPad(e.Line, e.Pos.Col))
		b.WriteString("^")
	}
	if e.Hint != "" {
		b.WriteString("\n    hint: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// caretPad returns the blanks that put a caret under column col of line,
// keeping tabs and giving wide (East Asian) characters two cells.
func caretPad(line string, col int) string {
	var b strings.Builder
	i := 0
	for _, r := range line {
		if i >= col-1 {
			break
		}
		i++
		switch {
		case r == '\t':
			b.WriteByte('\t')
		default:
			b.WriteString(strings.Repeat(" ", wrap.RuneWidth(r)))
		}
	}
	return b.String()
}

// ErrorList is every problem found in one file, sorted by position.
type ErrorList []*Error

// Error returns every problem with its line and caret, one after another.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Detail()
	}
	return strings.Join(parts, "\n")
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Pos.Line != l[j].Pos.Line {
			return l[i].Pos.Line < l[j].Pos.Line
		}
		return l[i].Pos.Col < l[j].Pos.Col
	})
}
