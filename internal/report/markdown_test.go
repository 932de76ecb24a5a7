package report

import (
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
)

func TestMarkdownEscape(t *testing.T) {
	tests := []struct {
		in      string
		atStart bool
		want    string
	}{
		{"#9110 に電話", true, `\#9110 に電話`},
		{"#9110 に電話", false, "#9110 に電話"},
		{"> quoted", true, `\> quoted`},
		{"- item", true, `\- item`},
		{"+ item", true, `\+ item`},
		{"---", true, `\---`},
		{"===", true, `\===`},
		{"***", true, `\*\*\*`},
		{"___", true, `\_\_\_`},
		{"1. first", true, `1\. first`},
		{"2026) note", true, `2026\) note`},
		{"1234567890. not a list marker", true, "1234567890. not a list marker"},
		{"受付番号 12. 3", true, "受付番号 12. 3"},
		{"a | b | c", false, `a \| b \| c`},
		{"```", true, "\\`\\`\\`"},
		{"~~~", true, `\~\~\~`},
		{"<script>", false, `\<script>`},
		{"[link](http://x)", false, `\[link\](http://x)`},
		{"*bold* and _it_", false, `\*bold\* and \_it\_`},
		{"snake_case and AB_12", false, "snake_case and AB_12"},
		{"メモ_です", false, "メモ_です"},
		{"&amp; &#35; &#x1F600; & done &c", false, `\&amp; \&#35; \&#x1F600; & done &c`},
		{"アカウント&ログイン", false, "アカウント&ログイン"},
		{`C:\path`, false, `C:\\path`},
		{"$5 and $6", false, `\$5 and \$6`},
		{"    indented", true, "\u00a0\u00a0\u00a0\u00a0indented"},
		{"  # heading", true, "\u00a0\u00a0\\# heading"},
		{"¥2,925 / ¥2,926", false, "¥2,925 / ¥2,926"},
		{"「件名」（注文番号 503-1234567）", true, "「件名」（注文番号 503-1234567）"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in, tt.atStart); got != tt.want {
			t.Errorf("mdEscape(%q, %v) = %q, want %q", tt.in, tt.atStart, got, tt.want)
		}
	}
}

// A note of several lines stays inside its list item, each line on its
// own, none of them read as markup.
func TestMarkdownMultilineNote(t *testing.T) {
	r := fixture(i18n.English)
	r.Phases[0].Steps[0].Notes = []string{"# not a heading\n1. not a list\n\n| not | a table |\n|---|---|\nlast line"}
	md := string(render(t, Markdown, r))
	want := "  - Note: # not a heading  \n" +
		"    1\\. not a list\n" +
		"\n" +
		"    \\| not \\| a table \\|  \n" +
		"    \\|---\\|---\\|  \n" +
		"    last line\n"
	if !strings.Contains(md, want) {
		t.Errorf("note laid out wrongly; want\n%s\nin\n%s", want, md)
	}
}

func TestMarkdownHeadingsAndLinks(t *testing.T) {
	r := fixture(i18n.English)
	r.Phases[0].Title = "Verify #1"
	r.Contacts[0].URL = "https://example.com/a path" // not a valid autolink
	md := string(render(t, Markdown, r))
	for _, want := range []string{
		"### Verify \\#1\n",
		"  - Web: https://example.com/a path\n",
		"  - Web: <https://www.amazon.co.jp/contact-us>\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}
