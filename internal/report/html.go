package report

import (
	"bytes"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/acctguard/acctguard/internal/i18n"
)

// HTML writes the report as one printable page: a self-contained HTML5
// file with its styles inline and nothing to fetch (no scripts, no web
// fonts, no images), laid out for A4 paper. Open it in a browser and
// print it, or save it as PDF. It says what Markdown says, with the check
// boxes drawn and a table shown as a table. Every text is escaped, and
// control characters are written as escapes a reader can see (see clean).
func HTML(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	lang := i18n.English
	if i18n.Lang(r.Lang) == i18n.Japanese {
		lang = i18n.Japanese
	}
	h := &htmlWriter{d: build(r), lang: lang}
	h.document()
	_, err := w.Write(h.b.Bytes())
	return err
}

type htmlWriter struct {
	b    bytes.Buffer
	d    *document
	lang i18n.Lang // the language of the report's own texts
}

// htmlStyle is the page's one style sheet. Meaning never rests on a
// colour or a background, which printers often leave out: the boxes and
// rules are borders, and totals are bold.
const htmlStyle = `@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo,
    "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", sans-serif;
  font-size: 10.5pt;
  line-height: 1.45;
  color: #000;
  background: #fff;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body { margin: 0; }
@media screen {
  body { max-width: 180mm; margin: 15mm auto; padding: 0 4mm; }
}
h1, h2, h3 {
  line-height: 1.25;
  break-after: avoid;
  page-break-after: avoid;
  break-inside: avoid;
}
h1 { font-size: 16pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #000; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2mm; }
a { color: inherit; text-decoration: underline; }
.v { white-space: pre-wrap; }
table { border-collapse: collapse; }
table.fields { margin: 0 0 2mm; }
table.fields th, table.fields td { text-align: left; vertical-align: top; padding: 0.3mm 0; }
table.fields th { font-weight: 700; white-space: nowrap; padding-right: 5mm; overflow-wrap: normal; }
ul.items { list-style: none; margin: 0 0 2mm; padding: 0; }
li.item {
  display: grid;
  grid-template-columns: 1fr;
  column-gap: 1.5mm;
  margin: 0 0 1mm;
  break-inside: avoid;
  page-break-inside: avoid;
}
ul.spaced > li.item { margin-bottom: 2.5mm; }
li.item.bullet { grid-template-columns: 0.8em 1fr; }
li.item.num { grid-template-columns: 1.9em 1fr; }
li.item.box { grid-template-columns: 1.1em 1fr; }
li.item.box.num { grid-template-columns: 1.1em 1.9em 1fr; }
li.item > .detail { grid-column: -2 / -1; }
.mark { align-self: start; }
.bullet > .mark::before { content: "\2022"; }
.box-mark {
  display: inline-block;
  position: relative;
  width: 0.9em;
  height: 0.9em;
  margin-top: 0.25em;
  border: 1.2px solid #000;
  border-radius: 1.5px;
}
.box-mark.done::after {
  content: "";
  position: absolute;
  left: 0.24em;
  top: 0.02em;
  width: 0.26em;
  height: 0.52em;
  border: solid #000;
  border-width: 0 0.14em 0.14em 0;
  transform: rotate(45deg);
}
.number { text-align: right; padding-right: 0.3em; font-variant-numeric: tabular-nums; }
.when { font-weight: 700; font-variant-numeric: tabular-nums; }
.head { font-weight: 700; }
.detail .label { font-weight: 700; }
table.grid { width: 100%; margin: 1mm 0 3mm; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td {
  text-align: left;
  vertical-align: top;
  padding: 0.8mm 2mm 0.8mm 0;
  border-bottom: 0.5px solid #888;
  /* A word or a number breaks only when it cannot fit its column. */
  overflow-wrap: break-word;
}
table.grid thead th { border-bottom: 1.2px solid #000; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid .numeric { text-align: right; white-space: nowrap; overflow-wrap: normal; }
table.grid thead th, table.grid thead .v, table.grid .numeric .v { white-space: nowrap; }
table.grid th:last-child, table.grid td:last-child { padding-right: 0; }
/* The totals once, at the end: a footer group would repeat on every page. */
table.grid tfoot { display: table-row-group; }
table.grid tfoot td { font-weight: 700; border-bottom: none; }
table.grid tfoot tr:first-child td { border-top: 1.2px solid #000; }
`

func (h *htmlWriter) document() {
	h.b.WriteString("<!DOCTYPE html>\n")
	h.b.WriteString(`<html lang="` + string(h.lang) + `">` + "\n")
	h.b.WriteString("<head>\n<meta charset=\"utf-8\">\n")
	h.b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	h.b.WriteString("<title>" + h.oneLine(h.d.title) + "</title>\n")
	h.b.WriteString("<style>\n" + htmlStyle + "</style>\n</head>\n<body>\n")
	h.b.WriteString("<header>\n")
	h.heading(1, h.d.title)
	h.fields(h.d.header)
	h.b.WriteString("</header>\n")
	for _, s := range h.d.sections {
		h.b.WriteString("<section>\n")
		h.heading(2, s.heading)
		intro := s.intro
		if s.boxIntro != "" {
			intro = s.boxIntro
		}
		h.para(intro)
		h.fields(s.fields)
		for _, bl := range s.blocks {
			h.heading(3, bl.heading)
			h.para(bl.intro)
			if bl.table != nil {
				h.table(bl.table)
			} else {
				h.items(bl)
			}
		}
		h.b.WriteString("</section>\n")
	}
	h.b.WriteString("</body>\n</html>\n")
}

// esc readies text for the page: cleaned, then escaped.
func esc(s string) string { return html.EscapeString(clean(s)) }

// oneLine is esc for a heading or title, which keeps to one line.
func (h *htmlWriter) oneLine(s string) string {
	return html.EscapeString(strings.ReplaceAll(clean(s), "\n", " "))
}

func (h *htmlWriter) heading(level int, s string) {
	if s == "" {
		return
	}
	n := strconv.Itoa(level)
	h.b.WriteString("<h" + n + ">" + h.oneLine(s) + "</h" + n + ">\n")
}

func (h *htmlWriter) para(s string) {
	if s == "" {
		return
	}
	h.b.WriteString(`<p class="v">` + esc(s) + "</p>\n")
}

// fields writes label-value lines as a table of two columns, the values
// lined up.
func (h *htmlWriter) fields(fs []field) {
	if len(fs) == 0 {
		return
	}
	h.b.WriteString(`<table class="fields">` + "\n<tbody>\n")
	for _, f := range fs {
		h.b.WriteString("<tr><th>" + esc(f.label) + "</th><td>" + h.value(f) + "</td></tr>\n")
	}
	h.b.WriteString("</tbody>\n</table>\n")
}

// value is a field's value with its line breaks kept; a link shows its
// address as its text, so that it can be read on paper.
func (h *htmlWriter) value(f field) string {
	v := esc(f.value)
	if f.link && linkable(clean(f.value)) {
		return `<a class="v" href="` + v + `">` + v + "</a>"
	}
	return `<span class="v">` + v + "</span>"
}

// linkable says whether a URL may be a link on the page: only the web
// and mail, never a script.
func linkable(u string) bool {
	l := strings.ToLower(u)
	return !strings.ContainsAny(u, " \t\n") &&
		(strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:"))
}

func (h *htmlWriter) items(bl block) {
	if len(bl.items) == 0 {
		return
	}
	class := "items"
	if bl.spaced {
		class += " spaced"
	}
	h.b.WriteString(`<ul class="` + class + `">` + "\n")
	for _, it := range bl.items {
		h.item(it)
	}
	h.b.WriteString("</ul>\n")
}

// item writes one entry as a grid: the check box and the step's number
// in columns of their own, the head and the details lined up after them.
func (h *htmlWriter) item(it item) {
	var class []string
	var marks string
	switch it.mark {
	case doneMark:
		class = append(class, "box")
		marks += `<span class="mark"><span class="box-mark done" role="img" aria-label="` + esc(msg(h.lang, "state.done-undated")) + `"></span></span>`
	case openMark:
		class = append(class, "box")
		marks += `<span class="mark"><span class="box-mark" role="img" aria-label="` + esc(msg(h.lang, "summary.open")) + `"></span></span>`
	}
	if it.number > 0 {
		class = append(class, "num")
		marks += `<span class="number">` + strconv.Itoa(it.number) + ".</span>"
	}
	if len(class) == 0 {
		class = append(class, "bullet")
		marks = `<span class="mark"></span>`
	}
	h.b.WriteString(`<li class="item ` + strings.Join(class, " ") + `">` + marks + "<div>")
	if it.when != "" {
		h.b.WriteString(`<span class="when">` + esc(it.when) + "</span>" + html.EscapeString(h.d.whenSep))
	}
	// Under a time, the time stands out; otherwise the head does.
	headClass := "head v"
	if it.when != "" {
		headClass = "v"
	}
	h.b.WriteString(`<span class="` + headClass + `">` + esc(it.head) + "</span></div>\n")
	for _, f := range it.details {
		h.b.WriteString(`<div class="detail">`)
		if f.label != "" {
			h.b.WriteString(`<span class="label">` + esc(f.label) + html.EscapeString(h.d.colon) + "</span>")
		}
		h.b.WriteString(h.value(f) + "</div>\n")
	}
	h.b.WriteString("</li>\n")
}

// table writes a grid: the column headings repeat at the top of every
// printed page, amounts line up on the right, and the totals are bold.
func (h *htmlWriter) table(t *table) {
	if len(t.columns) == 0 {
		return
	}
	h.b.WriteString(`<table class="grid">` + "\n<thead>\n<tr>")
	for _, c := range t.columns {
		h.b.WriteString(h.cell("th", c, c.label))
	}
	h.b.WriteString("</tr>\n</thead>\n")
	h.rows("tbody", t.columns, t.rows)
	h.rows("tfoot", t.columns, t.foot)
	h.b.WriteString("</table>\n")
}

// rows writes a group of rows with a cell for every column: a short row
// is filled out with empty cells, and cells beyond the last column are
// left out, as in table.items.
func (h *htmlWriter) rows(group string, cols []column, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	h.b.WriteString("<" + group + ">\n")
	for _, r := range rows {
		h.b.WriteString("<tr>")
		for i, c := range cols {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			h.b.WriteString(h.cell("td", c, v))
		}
		h.b.WriteString("</tr>\n")
	}
	h.b.WriteString("</" + group + ">\n")
}

func (h *htmlWriter) cell(tag string, c column, s string) string {
	open := "<" + tag + ">"
	if c.numeric {
		open = "<" + tag + ` class="numeric">`
	}
	return open + `<span class="v">` + esc(s) + "</span></" + tag + ">"
}
