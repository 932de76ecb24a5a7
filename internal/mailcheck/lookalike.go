package mailcheck

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// homoglyphs are letters from other scripts, and digits, that read as a
// Latin letter in a name: Amαzon (Greek alpha), аmazon (Cyrillic a),
// amaz0n.
var homoglyphs = map[rune]rune{
	'α': 'a', 'ο': 'o', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'μ': 'm',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i', 'ӏ': 'l', 'м': 'm', 'п': 'n',
	'0': 'o', '1': 'l',
}

// fold writes s the way a reader sees it: full-width letters as ASCII
// (ＡＭＡＺＯＮ), accents dropped (amazón), look-alike letters from other
// scripts as the Latin they imitate, all lower-case.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if g, ok := homoglyphs[r]; ok {
			r = g
		}
		b.WriteRune(r)
	}
	return b.String()
}

// squeeze is fold with everything but letters removed, for a name spelt
// out with spaces or dots between its letters (「A m a z o n . c o . j p」).
func squeeze(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		if 'a' <= r && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tokens splits folded s into its runs of Latin letters.
func tokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return r < 'a' || r > 'z' })
}

// imitates reports whether s (a display name, an address, a host) uses
// the service's name, or a near miss of it, without being the service's:
// the caller has checked that it is not one of its domains.
func imitates(s string, svc *Service) bool {
	for _, b := range svc.brands() {
		if strings.Contains(squeeze(s), b) || lookalikeIn(s, b) {
			return true
		}
	}
	return false
}

// maxWord is the longest run of letters read as a word: a longer one is
// not a name, and would make the look-alike search slow on hostile input.
const maxWord = 64

// lookalikeIn reports whether a word of s is a near miss of brand: one
// letter left out, added or swapped with the next (amzon, amazno), inside
// a longer word too (amzonjp); or one letter changed, when that is the
// whole word (amazen). A changed letter inside a longer word is an
// ordinary word more often than not (amazing).
func lookalikeIn(s, brand string) bool {
	n := len(brand)
	seen := map[string]bool{}
	for _, t := range tokens(s) {
		if seen[t] {
			continue // a word is judged once, however often it comes
		}
		seen[t] = true
		if strings.Contains(t, brand) || len(t) < n-1 || len(t) > maxWord {
			continue // a use of the name itself, too short, or not a word
		}
		if d, sub := distance(t, brand); d == 1 && (!sub || len(t) == n) {
			return true
		}
		for size := n - 1; size <= n+1; size++ {
			for i := 0; i+size <= len(t); i++ {
				w := t[i : i+size]
				if d, sub := distance(w, brand); d == 1 && !sub {
					return true
				}
			}
		}
	}
	return false
}

// distance is the optimal-string-alignment distance between a and b
// (ASCII), and whether a single edit between them is a substitution.
func distance(a, b string) (int, bool) {
	if len(a) > maxWord || len(b) > maxWord {
		return 99, false
	}
	// Three rows are all the alignment needs: two back for a swap.
	var rows [3][maxWord + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	dist := prev[len(b)]
	sub := dist == 1 && len(a) == len(b) && !transposed(a, b)
	return dist, sub
}

// transposed reports whether a and b differ by two neighbouring letters
// swapped.
func transposed(a, b string) bool {
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		}
	}
	return false
}
