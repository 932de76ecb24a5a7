package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/acctguard/acctguard/internal/i18n"
)

// TestMarkdownIsCommonMark renders the Markdown reports and letters with
// a real CommonMark renderer (goldmark, without extensions): every
// heading is a heading, nothing turns into a code block, every detail
// line stays inside its list item, and what the person typed comes out
// as they typed it.
func TestMarkdownIsCommonMark(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, reader := range append([]string{""}, Readers...) {
			r := fixture(lang)
			r.For = reader
			src := render(t, Markdown, r)
			var out bytes.Buffer
			if err := goldmark.Convert(src, &out); err != nil {
				t.Fatal(err)
			}
			html := out.String()
			name := string(lang) + " " + reader
			if strings.Contains(html, "<pre>") || strings.Contains(html, "<code>") {
				t.Errorf("%s: a code block or span in the rendered Markdown:\n%s", name, html)
			}
			for level, mark := range map[string]string{"h1": "# ", "h2": "## ", "h3": "### "} {
				want := 0
				for _, line := range strings.Split(string(src), "\n") {
					if strings.HasPrefix(line, mark) {
						want++
					}
				}
				if got := strings.Count(html, "<"+level+">"); got != want {
					t.Errorf("%s: %d <%s>, want %d", name, got, level, want)
				}
			}
			// A detail line ("  - Note: ...") is a list nested in its
			// item, never a list of its own after it.
			if strings.Contains(html, "</li>\n</ul>\n<ul>\n<li>") {
				t.Errorf("%s: a list broken in two:\n%s", name, html)
			}
			for _, typed := range []string{"受付番号 FR-20261126-0458、担当 佐藤様", "503-3456789-9876543"} {
				if strings.Contains(string(src), typed) && !strings.Contains(html, typed) {
					t.Errorf("%s: %q is not in the rendered page", name, typed)
				}
			}
		}
	}
}
