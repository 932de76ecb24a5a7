package playbook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/wrap"
)

// MaxErrors is how many problems of one file are kept and shown: the first
// ones by position. The rest are only counted. A file with more mistakes
// than this was not written by hand, and keeping every one would cost
// memory and screens in proportion to the file.
const MaxErrors = 50

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

	// msg and hint are Msg and Hint as format and values, to be written
	// in another language (see messages.go).
	msg, hint text

	// src is what every error of one file shares; nil for an Error made
	// by hand.
	src *source
	// seq is the order the error was found in, which orders errors at the
	// same position.
	seq int
}

// Error returns "file:line:col: message" on one line.
func (e *Error) Error() string { return e.In(i18n.English) }

// In returns "file:line:col: message" with the message in l.
func (e *Error) In(l i18n.Lang) string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.msg.in(l, e.Msg))
}

// MsgIn is the message alone, without its position, in l.
func (e *Error) MsgIn(l i18n.Lang) string { return e.msg.in(l, e.Msg) }

// HintIn is the hint in l, "" for none.
func (e *Error) HintIn(l i18n.Lang) string { return e.hint.in(l, e.Hint) }

// hintf sets the hint, and returns e.
func (e *Error) hintf(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	e.hint = text{format, args}
	return e
}

// Detail returns the message, the offending line with a caret under the
// column, and the hint when there is one.
func (e *Error) Detail() string { return e.DetailIn(i18n.English) }

// DetailIn is Detail with the message and the hint in l.
func (e *Error) DetailIn(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(e.In(l))
	if e.Line != "" {
		line, col := clipLine(e.Line, e.Pos.Col)
		b.WriteString("\n    ")
		b.WriteString(line)
		b.WriteString("\n    ")
		b.WriteString(caretPad(line, col))
		b.WriteString("^")
	}
	if e.Hint != "" {
		b.WriteString("\n    ")
		b.WriteString(texts.Get(l, "playbook.hint"))
		b.WriteString(e.hint.in(l, e.Hint))
	}
	return b.String()
}

// maxShown is how many characters of a source line are shown; a longer
// line is cut to that many around the column, with "…" where it was cut.
// The longest line of the built-in playbooks has 412.
const maxShown = 500

// clipLine cuts line to maxShown characters around column col, and returns
// the column in what it returns.
func clipLine(line string, col int) (string, int) {
	n := utf8.RuneCountInString(line)
	if n <= maxShown {
		return line, col
	}
	first := min(max(col-1-maxShown/5, 0), n-maxShown) // in characters
	start, end, i := len(line), len(line), 0
	for off := range line {
		if i == first {
			start = off
		}
		if i == first+maxShown {
			end = off
			break
		}
		i++
	}
	out := line[start:end]
	if end < len(line) {
		out += "…"
	}
	if first > 0 {
		return "…" + out, col - first + 1
	}
	return out, col
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

// ErrorList is the problems found in one file, sorted by position: every
// one, or the first MaxErrors when there are more.
type ErrorList []*Error

// Error returns every problem kept with its line and caret, one after
// another, and how many more there are.
func (l ErrorList) Error() string { return l.In(i18n.English) }

// In is Error in lang.
func (l ErrorList) In(lang i18n.Lang) string {
	parts := make([]string, len(l), len(l)+1)
	for i, e := range l {
		parts[i] = e.DetailIn(lang)
	}
	if more := l.Total() - len(l); more > 0 {
		if lang == i18n.Japanese {
			parts = append(parts, texts.M("playbook.more", grouped(more)).In(lang))
		} else {
			parts = append(parts, "… and "+countOf(more, "more problem"))
		}
	}
	return strings.Join(parts, "\n")
}

// Total returns how many problems the file has, kept or not.
func (l ErrorList) Total() int {
	if len(l) > 0 && l[0].src != nil {
		return max(len(l), l[0].src.problems)
	}
	return len(l)
}

// Summary says how many problems the file has: "28,633 problems in FILE".
func (l ErrorList) Summary() string { return l.SummaryIn(i18n.English) }

// SummaryIn is Summary in lang.
func (l ErrorList) SummaryIn(lang i18n.Lang) string {
	if lang == i18n.Japanese {
		if len(l) == 0 {
			return texts.M("playbook.no-problems").In(lang)
		}
		return texts.M("playbook.problems-in", l[0].File, grouped(l.Total())).In(lang)
	}
	if len(l) == 0 {
		return "no problems"
	}
	return countOf(l.Total(), "problem") + " in " + l[0].File
}

func (l ErrorList) sort() {
	sort.Slice(l, func(i, j int) bool { return l[i].before(l[j]) })
}

// before orders errors by position, then in the order they were found.
func (e *Error) before(o *Error) bool {
	if e.Pos.Line != o.Pos.Line {
		return e.Pos.Line < o.Pos.Line
	}
	if e.Pos.Col != o.Pos.Col {
		return e.Pos.Col < o.Pos.Col
	}
	return e.seq < o.seq
}

// countOf says "1 problem" or "28,633 problems".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return grouped(n) + " " + noun + "s"
}

// grouped writes n with its digits in groups of three: 28,633.
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
