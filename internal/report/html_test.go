package report

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
)

// chargesDocument is a page with a table of charges: what the card
// company is asked about, with a total.
func chargesDocument(rows int) *document {
	t := &table{
		columns: []column{{label: "Date"}, {label: "Merchant"}, {label: "Order"}, {label: "Amount", numeric: true}},
		foot:    [][]string{{"Total", "", "", "¥9,371"}},
	}
	for i := range rows {
		t.rows = append(t.rows, []string{
			fmt.Sprintf("Mon 23 Nov 2026 23:%02d", 10+i%50),
			"Amazon.co.jp <script>",
			fmt.Sprintf("503-1234567-%07d", 7654321+i),
			"¥2,925",
		})
	}
	t.rows = append(t.rows, []string{"Tue 24 Nov 2026 00:10", "Amazon.co.jp"}) // short: the rest empty
	return &document{
		title:   "Charges",
		colon:   ": ",
		whenSep: " — ",
		sections: []section{{
			heading: "Charges to dispute",
			blocks:  []block{{heading: "Mastercard ending 21", table: t}},
		}},
	}
}

func renderDocument(d *document, lang i18n.Lang) string {
	h := &htmlWriter{d: d, lang: lang}
	h.document()
	return h.b.String()
}

func TestHTMLTable(t *testing.T) {
	out := renderDocument(chargesDocument(2), i18n.English)
	grid := regexp.MustCompile(`(?s)<table class="grid">.*?</table>`).FindString(out)
	if grid == "" {
		t.Fatalf("no table:\n%s", out)
	}
	cell := func(tag, class, v string) string {
		open := "<" + tag
		if class != "" {
			open += ` class="` + class + `"`
		}
		return open + `><span class="v">` + v + "</span></" + tag + ">"
	}
	for _, want := range []string{
		"<thead>\n<tr>" + cell("th", "", "Date") + cell("th", "", "Merchant") + cell("th", "", "Order") + cell("th", "numeric", "Amount") + "</tr>\n</thead>\n<tbody>\n",
		"<tr>" + cell("td", "", "Mon 23 Nov 2026 23:11") + cell("td", "", "Amazon.co.jp &lt;script&gt;") + cell("td", "", "503-1234567-7654322") + cell("td", "numeric", "¥2,925") + "</tr>\n",
		"<tr>" + cell("td", "", "Tue 24 Nov 2026 00:10") + cell("td", "", "Amazon.co.jp") + cell("td", "", "") + cell("td", "numeric", "") + "</tr>\n</tbody>\n",
		"<tfoot>\n<tr>" + cell("td", "", "Total") + cell("td", "", "") + cell("td", "", "") + cell("td", "numeric", "¥9,371") + "</tr>\n</tfoot>\n</table>",
	} {
		if !strings.Contains(grid, want) {
			t.Errorf("table lacks\n%s\nin\n%s", want, grid)
		}
	}
	if n := strings.Count(grid, "<tr>"); n != 5 {
		t.Errorf("%d rows, want 1 heading, 3 rows and 1 total", n)
	}
	if strings.Contains(out, "<li") {
		t.Errorf("a table's rows are shown as items too")
	}
}

// What a person typed cannot add markup, a script or a control character
// to the page, and its line breaks are kept.
func TestHTMLEscapesWhatWasTyped(t *testing.T) {
	r := fixture(i18n.English)
	r.Phases[0].Steps[1].Notes = []string{"<script>alert(1)</script> & \"quoted\"\x1b[31m\nsecond line"}
	r.Incident.Service = "<b>Amazon</b>"
	r.Contacts[0].URL = "javascript:alert(1)"
	out := string(render(t, HTML, r))
	for _, bad := range []string{"<script", "<b>", "\x1b", `href="javascript`} {
		if strings.Contains(out, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	for _, want := range []string{
		`<span class="label">Note: </span><span class="v">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34;\x1b[31m` + "\nsecond line</span>",
		`<td><span class="v">&lt;b&gt;Amazon&lt;/b&gt;</span></td>`,
		`<span class="label">Web: </span><span class="v">javascript:alert(1)</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// The page stands alone: nothing is fetched when it is opened or
// printed, and nothing runs.
func TestHTMLIsSelfContained(t *testing.T) {
	for _, lang := range i18n.Supported {
		out := string(render(t, HTML, fixture(lang)))
		if !strings.HasPrefix(out, "<!DOCTYPE html>\n<html lang=\""+string(lang)+"\">\n<head>\n<meta charset=\"utf-8\">\n") {
			t.Errorf("%s: page does not start as HTML5 in its language:\n%.200s", lang, out)
		}
		for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", " src=", "url(", "@import", "@font-face"} {
			if strings.Contains(strings.ToLower(out), bad) {
				t.Errorf("%s: page holds %q", lang, bad)
			}
		}
		if regexp.MustCompile(`<[^>]*\son[a-z]+=`).MatchString(out) {
			t.Errorf("%s: page holds an event handler", lang)
		}
		if n := strings.Count(out, "<style>"); n != 1 {
			t.Errorf("%s: %d style sheets, want 1", lang, n)
		}
		for _, want := range []string{"@page { size: A4; margin: 15mm; }", `"Noto Sans CJK JP"`, "break-inside: avoid", "break-after: avoid"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: style lacks %q", lang, want)
			}
		}
		// Links show their address.
		if !strings.Contains(out, `<a class="v" href="https://www.npa.go.jp/bureau/cyber/countermeasures/unauthorized-access.html">https://www.npa.go.jp/bureau/cyber/countermeasures/unauthorized-access.html</a>`) {
			t.Errorf("%s: a source's link does not show its address", lang)
		}
	}
}

func TestHTMLCheckBoxes(t *testing.T) {
	out := string(render(t, HTML, fixture(i18n.Japanese)))
	done := strings.Count(out, `class="box-mark done"`)
	open := strings.Count(out, `class="box-mark"`)
	if done != 11 || open != 10 {
		t.Errorf("%d ticked and %d empty boxes, want 11 and 10 (the fixture's 21 steps)", done, open)
	}
	if !strings.Contains(out, "チェックの入った手順は完了しています。") || strings.Contains(out, "[x]") {
		t.Errorf("the steps' intro speaks of [x] on a page that draws boxes")
	}
}

// A column empty in every row is left out of the printed table.
func TestEmptyColumnsArePruned(t *testing.T) {
	tb := &table{columns: []column{{label: "A"}, {label: "B"}, {label: "C"}}, rows: [][]string{{"1", "", "x"}, {"2", "", ""}}, foot: [][]string{{"T", "", ""}}}
	tb.prune()
	if len(tb.columns) != 2 || tb.columns[1].label != "C" || len(tb.rows[0]) != 2 || tb.rows[0][1] != "x" || len(tb.foot[0]) != 2 {
		t.Errorf("pruned to %+v", tb)
	}
}
