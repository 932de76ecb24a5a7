// Package cardnum finds full payment-card numbers in text, so that a note
// holding one is refused before it is saved.
package cardnum

// Find returns the first full card number in text: 13 to 19 digits that
// pass the Luhn check, written together or grouped the way cards print
// them (4-4-4-4, 4-6-5) with single spaces or dashes. The last four digits
// alone, a phone number or an Amazon order number (3-7-7) are not card
// numbers.
func Find(text string) (string, bool) {
	b := []byte(text)
	for start := 0; start < len(b); start++ {
		if !isDigit(b[start]) || (start > 0 && isDigit(b[start-1])) {
			continue
		}
		// Collect a run of digits joined by single separators; try every
		// length from the longest down, so "4111 1111 1111 1111 12" still
		// finds the card inside.
		var digits []byte
		var ends []int   // ends[k] is the byte offset after digit k
		var groups []int // lengths of the runs between separators
		for i := start; i < len(b); {
			if isDigit(b[i]) {
				digits = append(digits, b[i])
				ends = append(ends, i+1)
				if len(groups) == 0 {
					groups = append(groups, 0)
				}
				groups[len(groups)-1]++
				i++
				continue
			}
			if (b[i] == ' ' || b[i] == '-') && i+1 < len(b) && isDigit(b[i+1]) && len(digits) > 0 {
				groups = append(groups, 0)
				i++
				continue
			}
			break
		}
		for n := min(len(digits), 19); n >= 13; n-- {
			end := ends[n-1]
			if end < len(b) && isDigit(b[end]) {
				continue // a longer number, not a card
			}
			if cardGrouping(groups, n) && luhn(digits[:n]) {
				return string(b[start:end]), true
			}
		}
	}
	return "", false
}

// cardGrouping reports whether the first n digits, split into groups as
// written, are grouped as card numbers are printed.
func cardGrouping(groups []int, n int) bool {
	var g []int
	for _, l := range groups {
		if n <= 0 {
			break
		}
		g = append(g, min(l, n))
		n -= l
	}
	switch {
	case len(g) == 1:
		return true
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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
