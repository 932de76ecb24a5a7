package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/acctguard/acctguard/internal/wrap"
)

// textWidth is the width of a plain-text report, in terminal cells: it
// fits a terminal and an email body without the mail program rewrapping.
const textWidth = 72

// Text writes the report as plain text, for a terminal or an email body:
// the same content as Markdown, without markup or colour, wrapped at 72
// columns where possible (a long URL is left whole). Japanese characters
// count two columns.
func Text(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	x := &textWriter{d: build(r)}
	x.document()
	_, err := w.Write(x.b.Bytes())
	return err
}

type textWriter struct {
	b bytes.Buffer
	d *document
}

func (x *textWriter) document() {
	x.heading(x.d.title, "=")
	x.fields(x.d.header)
	for _, s := range x.d.sections {
		x.heading(s.heading, "-")
		x.para(s.intro)
		x.fields(s.fields)
		for _, bl := range s.blocks {
			x.heading(bl.heading, "~")
			x.para(bl.intro)
			x.items(bl)
		}
	}
}

func (x *textWriter) blank() {
	if x.b.Len() > 0 {
		x.b.WriteByte('\n')
	}
}

// line writes one line without trailing blanks.
func (x *textWriter) line(s string) {
	x.b.WriteString(strings.TrimRight(s, " "))
	x.b.WriteByte('\n')
}

// wrapped writes s wrapped to the report's width, first before its first
// line and rest before the others; the two must be equally wide.
func (x *textWriter) wrapped(first, rest, s string) {
	width := textWidth - wrap.Width(first)
	if width < 20 {
		width = 20
	}
	for i, ln := range wrap.Wrap(plain(s), width) {
		if i == 0 {
			x.line(first + ln)
		} else {
			x.line(rest + ln)
		}
	}
}

func (x *textWriter) heading(s, underline string) {
	if s == "" {
		return
	}
	x.blank()
	s = strings.ReplaceAll(clean(s), "\n", " ")
	x.line(s)
	x.line(strings.Repeat(underline, wrap.Width(s)))
}

func (x *textWriter) para(s string) {
	if s == "" {
		return
	}
	x.blank()
	x.wrapped("", "", s)
}

// fields writes label-value lines with the values lined up.
func (x *textWriter) fields(fs []field) {
	if len(fs) == 0 {
		return
	}
	x.blank()
	col := 0
	for _, f := range fs {
		col = max(col, wrap.Width(clean(f.label)+x.d.colon))
	}
	for _, f := range fs {
		label := clean(f.label) + x.d.colon
		x.wrapped(label+pad(col-wrap.Width(label)), pad(col), f.value)
	}
}

func (x *textWriter) items(bl block) {
	if bl.table != nil {
		bl.items, bl.spaced = bl.table.items(), true
	}
	if len(bl.items) == 0 {
		return
	}
	x.blank()
	for i, it := range bl.items {
		if bl.spaced && i > 0 {
			x.b.WriteByte('\n')
		}
		x.item(it)
	}
}

func (x *textWriter) item(it item) {
	var prefix string
	switch it.mark {
	case doneMark:
		prefix = "[x] "
	case openMark:
		prefix = "[ ] "
	default:
		prefix = "- "
	}
	if it.number > 0 {
		prefix += strconv.Itoa(it.number) + ". "
	}
	if it.when != "" {
		// The time stands on its own line, so a column of times can be
		// read down the page.
		x.wrapped("", "", it.when)
		prefix = "  "
	}
	indent := pad(wrap.Width(prefix))
	x.wrapped(prefix, indent, it.head)
	for _, f := range it.details {
		x.field(indent, f)
	}
}

// field writes "label: value", the value's further lines lined up after
// the label.
func (x *textWriter) field(indent string, f field) {
	label := ""
	if f.label != "" {
		label = clean(f.label) + x.d.colon
	}
	x.wrapped(indent+label, indent+pad(wrap.Width(label)), f.value)
}

// plain readies text for a fixed-width page: cleaned, tabs as spaces.
func plain(s string) string {
	return strings.ReplaceAll(clean(s), "\t", "    ")
}

func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}
