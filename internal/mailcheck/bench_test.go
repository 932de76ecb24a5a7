package mailcheck

import (
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/mailread"
)

// BenchmarkCheckHostileText is check on the most text mailread keeps,
// all of it near misses of the service's name: the worst case for the
// look-alike search. A person would notice more than a second; measured
// on 2 cores: 580 ms before words were judged once each and the distance
// stopped allocating, about 20 ms after with every word different, 8 ms
// once a near miss was found by one pass instead of an alignment table.
func BenchmarkCheckHostileText(b *testing.B) {
	// Every word different, so that none is judged only once.
	var words strings.Builder
	for i := 0; words.Len() < mailread.MaxText; i++ {
		words.WriteString("ama")
		for n := i; n > 0; n /= 26 {
			words.WriteByte(byte('a' + n%26))
		}
		words.WriteString("zn ")
	}
	text := words.String()
	links := make([]mailread.Link, mailread.MaxLinks)
	for i := range links {
		links[i] = mailread.Link{URL: "https://shop-" + strings.Repeat("x", i%50) + ".example/", Text: "https://www.amazon.co.jp/"}
	}
	m := &mailread.Message{Kind: mailread.KindText, Text: text, Links: links}
	for b.Loop() {
		Check(m, []Service{amazon})
	}
}
