package report

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Markdown writes the report as Markdown: CommonMark with GitHub's task
// list items for the checklist. It is made to be printed, rendered or
// not: a header block, headings and lists, no tables (they are cut off
// at the page edge) and no emoji. Text the person wrote is escaped so it
// cannot change the layout, and its line breaks are kept.
func Markdown(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	m := &mdWriter{d: build(r)}
	m.document()
	_, err := w.Write(m.b.Bytes())
	return err
}

type mdWriter struct {
	b bytes.Buffer
	d *document
}

func (m *mdWriter) document() {
	m.heading(1, m.d.title)
	m.fields(m.d.header)
	for _, s := range m.d.sections {
		m.heading(2, s.heading)
		m.para(s.intro)
		m.fields(s.fields)
		for _, bl := range s.blocks {
			m.heading(3, bl.heading)
			m.para(bl.intro)
			m.items(bl)
		}
	}
}

// blank separates one block of Markdown from the one before it.
func (m *mdWriter) blank() {
	if m.b.Len() > 0 {
		m.b.WriteByte('\n')
	}
}

func (m *mdWriter) heading(level int, s string) {
	if s == "" {
		return
	}
	m.blank()
	s = strings.ReplaceAll(clean(s), "\n", " ")
	// A "#" anywhere in a heading may close it; escape them all.
	s = strings.ReplaceAll(mdEscape(s, false), "#", `\#`)
	fmt.Fprintf(&m.b, "%s %s\n", strings.Repeat("#", level), s)
}

// para writes one of the report's own sentences, which hold no markup
// and are written as they are ("[x]" stays readable in the raw file).
func (m *mdWriter) para(s string) {
	if s == "" {
		return
	}
	m.blank()
	m.b.WriteString(s + "\n")
}

func (m *mdWriter) fields(fs []field) {
	if len(fs) == 0 {
		return
	}
	m.blank()
	for _, f := range fs {
		m.b.WriteString("- ")
		m.field(f, "  ")
	}
}

func (m *mdWriter) items(bl block) {
	if bl.table != nil {
		bl.items, bl.spaced = bl.table.items(), true
	}
	if len(bl.items) == 0 {
		return
	}
	m.blank()
	for i, it := range bl.items {
		if bl.spaced && i > 0 {
			m.b.WriteByte('\n')
		}
		m.item(it)
	}
}

func (m *mdWriter) item(it item) {
	m.b.WriteString("- ")
	start := true // whether the next text begins the item's content
	switch it.mark {
	case doneMark:
		m.b.WriteString("[x] ")
		start = false
	case openMark:
		m.b.WriteString("[ ] ")
		start = false
	}
	if it.number > 0 {
		if start {
			fmt.Fprintf(&m.b, `%d\. `, it.number) // not an ordered list
		} else {
			fmt.Fprintf(&m.b, "%d. ", it.number)
		}
		start = false
	}
	if it.when != "" {
		m.b.WriteString(mdEscape(it.when, start) + mdEscape(m.d.whenSep, false))
		start = false
	}
	m.text(clean(it.head), start, "  ")
	for _, f := range it.details {
		m.b.WriteString("  - ")
		m.field(f, "    ")
	}
}

// field writes "label: value" after a list marker; cont indents the
// value's further lines to stay inside the list item.
func (m *mdWriter) field(f field, cont string) {
	start := true
	if f.label != "" {
		m.b.WriteString(mdEscape(clean(f.label), true) + mdEscape(m.d.colon, false))
		start = false
	}
	v := clean(f.value)
	if f.link && autolink().MatchString(v) {
		m.b.WriteString("<" + v + ">\n")
		return
	}
	m.text(v, start, cont)
}

// text writes s escaped, keeping its line breaks: a hard break (two
// spaces) between lines, a paragraph break at an empty line, and cont
// before each further line. start says whether s begins a block, where
// more characters have a meaning.
func (m *mdWriter) text(s string, start bool, cont string) {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if i == 0 {
			m.b.WriteString(mdEscape(ln, start))
			continue
		}
		if lines[i-1] != "" && ln != "" {
			m.b.WriteString("  ")
		}
		m.b.WriteByte('\n')
		if ln != "" {
			m.b.WriteString(cont + mdEscape(ln, true))
		}
	}
	m.b.WriteByte('\n')
}

// autolink matches what CommonMark accepts between < and > as a link.
var autolink = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*$`)
})

// entity matches the start of an HTML entity or character reference.
var entity = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)
})

// mdEscape backslash-escapes what Markdown would read as markup in one
// line of text. atStart says the line begins a block, where a heading
// (#), quote (>), list (-, +, 1.), rule or setext underline (=, -) or
// indented code (leading spaces) could start. Leading spaces become
// no-break spaces: they keep the person's indentation without making
// code. Elsewhere only what is markup inside a line is escaped, so the
// raw file stays readable.
func mdEscape(s string, atStart bool) string {
	rs := []rune(s)
	var b strings.Builder
	i := 0
	if atStart {
		for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
			b.WriteRune('\u00A0')
			i++
		}
		if i < len(rs) && strings.ContainsRune("#>-+=", rs[i]) {
			b.WriteByte('\\')
		}
	}
	// An ordered-list marker is up to nine digits and "." or ")".
	listDot := -1
	if atStart {
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j > i && j-i <= 9 && j < len(rs) && (rs[j] == '.' || rs[j] == ')') {
			listDot = j
		}
	}
	for ; i < len(rs); i++ {
		c := rs[i]
		switch {
		case strings.ContainsRune("\\`*[]<|~$", c), i == listDot:
			b.WriteByte('\\')
		case c == '_':
			// Inside a word (snake_case, a reference like AB_12) an
			// underscore is not emphasis.
			if i == 0 || i == len(rs)-1 || !isWordRune(rs[i-1]) || !isWordRune(rs[i+1]) {
				b.WriteByte('\\')
			}
		case c == '&':
			// &amp; and &#123; would become characters.
			if entity().MatchString(string(rs[i:min(i+40, len(rs))])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
