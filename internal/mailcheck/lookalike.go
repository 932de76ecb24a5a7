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
// one of the service's names (Service.brands), or a near miss of it: the
// caller has checked that s is not one of the service's own.
func imitates(s string, brands []string) bool {
	squeezed, words := squeeze(s), tokens(s)
	for _, b := range brands {
		if strings.Contains(squeezed, b) || lookalikeWords(words, b) {
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
func lookalikeIn(s, brand string) bool { return lookalikeWords(tokens(s), brand) }

// lookalikeWords is lookalikeIn for s already split into words.
func lookalikeWords(words []string, brand string) bool {
	n := len(brand)
	seen := map[string]bool{}
	for _, t := range words {
		if seen[t] {
			continue // a word is judged once, however often it comes
		}
		seen[t] = true
		if strings.Contains(t, brand) || len(t) < n-1 || len(t) > maxWord {
			continue // a use of the name itself, too short, or not a word
		}
		if oneEdit(t, brand) != far {
			return true
		}
		for size := n - 1; size <= n+1; size++ {
			for i := 0; i+size <= len(t); i++ {
				if e := oneEdit(t[i:i+size], brand); e == addDrop || e == swap {
					return true
				}
			}
		}
	}
	return false
}

// edit is how one word differs from another that is one edit away.
type edit int

const (
	far     edit = iota // the same, or more than one edit apart
	addDrop             // a letter added or left out
	swap                // two neighbouring letters swapped
	change              // one letter changed
)

// oneEdit says how a (ASCII) differs from b when it is one edit away.
func oneEdit(a, b string) edit {
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0 // the first place they differ
	for i < len(b) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b)+1:
		if a[i+1:] == b[i:] {
			return addDrop
		}
	case len(a) != len(b) || i == len(a):
	case a[i+1:] == b[i+1:]:
		return change
	case i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]:
		return swap
	}
	return far
}
