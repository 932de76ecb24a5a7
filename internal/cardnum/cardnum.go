// Package cardnum finds full payment-card numbers in text, so that a note,
// a skip reason or any other text a person types is refused before it is
// saved.
package cardnum

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Find returns the first full card number in text, with its digits as
// ASCII: 13 to 19 digits that pass the Luhn check, written together or
// grouped the way cards print them (4-4-4-4, 4-6-5, 8-8), and split over
// two lines or not.
//
// Text is read as a Japanese keyboard writes it too: it is first
// normalised to NFKC, which turns full-width digits (４１１１) into ASCII
// and ideographic and no-break spaces into plain ones. Groups may then be
// separated by up to four spaces, tabs, dashes (of any width, and the
// katakana long-vowel mark), dots, middle dots or slashes, with at most one
// line break among them.
//
// Not card numbers: the last four digits alone, phone numbers (Japanese
// ones start with 0, which no card does), 15-digit IMEIs (a 15-digit card
// is an American Express 34 or 37, or an old JCB 1800 or 2131) and Amazon
// order numbers (3-7-7, or 17 digits written together).
func Find(text string) (string, bool) {
	s := []rune(norm.NFKC.String(text))
	for start := 0; start < len(s); start++ {
		if !isDigit(s[start]) || (start > 0 && isDigit(s[start-1])) {
			continue
		}
		// Collect a run of digit groups joined by separators; try every
		// length from the longest down, so "4111 1111 1111 1111 12" still
		// finds the card inside.
		var digits []byte
		var ends []int     // ends[k] is the offset after digit k
		var groups []group // the runs between separators
		for i := start; i < len(s); {
			if isDigit(s[i]) {
				digits = append(digits, byte(s[i]))
				ends = append(ends, i+1)
				if len(groups) == 0 {
					groups = append(groups, group{})
				}
				groups[len(groups)-1].n++
				i++
				continue
			}
			next, broken, ok := separator(s, i)
			if !ok || next >= len(s) || !isDigit(s[next]) {
				break
			}
			groups = append(groups, group{afterBreak: broken})
			i = next
		}
		for n := min(len(digits), 19); n >= 13; n-- {
			end := ends[n-1]
			if end < len(s) && isDigit(s[end]) {
				continue // a longer number, not a card
			}
			if issued(digits[:n]) && grouped(groups, n) && luhn(digits[:n]) {
				return string(s[start:end]), true
			}
		}
	}
	return "", false
}

// group is a run of digits written together; afterBreak is set when a
// line break comes before it.
type group struct {
	n          int
	afterBreak bool
}

// maxSeparator is the longest run of characters between two groups of a
// number: "4111 - 1111", "4111  1111", " / " and an indented new line.
const maxSeparator = 4

// separator reads the separators starting at s[i] and returns the offset
// after them, whether they hold a line break, and whether they can join
// two groups of one number.
func separator(s []rune, i int) (next int, broken bool, ok bool) {
	j := i
	for j < len(s) && j-i < maxSeparator+1 && isSeparator(s[j]) {
		if isLineBreak(s[j]) {
			if broken {
				return 0, false, false // a blank line ends the number
			}
			broken = true
			if s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n' {
				j++ // "\r\n" is one line break
			}
		}
		j++
	}
	if j == i || j-i > maxSeparator {
		return 0, false, false
	}
	return j, broken, true
}

func isSeparator(r rune) bool {
	switch r {
	case '-', '.', '/', '・', 'ー', '‐', '‑', '‒', '–', '—', '―', '−',
		'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff': // invisible ones
		return true
	}
	return unicode.IsSpace(r)
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// grouped reports whether the first n digits, split into groups as
// written, are grouped as card numbers are printed; a line break may also
// fall anywhere, as when a number is wrapped.
func grouped(groups []group, n int) bool {
	written := make([]int, len(groups))
	for i, g := range groups {
		written[i] = g.n
	}
	return cardGrouping(written, n) || cardGrouping(merge(groups), n)
}

// merge joins the groups on either side of each line break.
func merge(groups []group) []int {
	var out []int
	for i, g := range groups {
		if g.afterBreak && i > 0 {
			out[len(out)-1] += g.n
			continue
		}
		out = append(out, g.n)
	}
	return out
}

// cardGrouping reports whether the first n digits, in groups of the given
// lengths, are grouped as card numbers are printed.
func cardGrouping(lengths []int, n int) bool {
	var g []int
	for _, l := range lengths {
		if n <= 0 {
			break
		}
		g = append(g, min(l, n))
		n -= l
	}
	total := 0
	for _, l := range g {
		total += l
	}
	switch {
	case len(g) == 1:
		// Amazon order numbers are 17 digits; no card issued in Japan is.
		return total != 17
	case len(g) == 2 && g[0] == 8 && g[1] == 8:
		return true // 8-8, as some statements print them
	case len(g) == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 4 || g[2] == 5):
		return true // American Express, Diners Club
	}
	for i, l := range g {
		if l != 4 && (i < len(g)-1 || l > 4) {
			return false
		}
	}
	return true
}

// issued reports whether digits could be a card number by how it starts:
// not with 0, and a 15-digit one only as American Express or an old JCB,
// so that an IMEI (15 digits, with a Luhn check digit too) is not taken
// for a card.
func issued(digits []byte) bool {
	if digits[0] == '0' {
		return false
	}
	if len(digits) == 15 {
		p := string(digits[:4])
		return p[:2] == "34" || p[:2] == "37" || p == "1800" || p == "2131"
	}
	return true
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// luhn reports whether digits pass the Luhn checksum every card number
// carries.
func luhn(digits []byte) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}
