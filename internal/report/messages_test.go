package report

import (
	"regexp"
	"slices"
	"testing"

	"github.com/acctguard/acctguard/internal/i18n"
)

func TestEveryMessageInEveryLanguage(t *testing.T) {
	for key, m := range messages.All() {
		for _, l := range i18n.Supported {
			if m.In(l) == "" {
				t.Errorf("message %q has no %s text", key, l)
			}
		}
	}
}

// A translation takes the same arguments as the English text, though
// perhaps in another order (%[2]d).
func TestMessagesTakeTheSameArguments(t *testing.T) {
	verb := regexp.MustCompile(`%(\[(\d+)\])?([a-z])`)
	args := func(s string) []string {
		var out []string
		n := 0
		for _, m := range verb.FindAllStringSubmatch(s, -1) {
			if m[2] != "" {
				n = int(m[2][0] - '0')
			} else {
				n++
			}
			out = append(out, string(rune('0'+n))+m[3])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for key, m := range messages.All() {
		want := args(m.En)
		for _, l := range i18n.Supported {
			if got := args(m.In(l)); !slices.Equal(got, want) {
				t.Errorf("message %q in %s takes %v, English takes %v", key, l, got, want)
			}
		}
	}
}

func TestUnknownLanguageFallsBackToEnglish(t *testing.T) {
	if got := msg("fr", "title"); got != messages.All()["title"].En {
		t.Errorf("title in fr = %q", got)
	}
}
