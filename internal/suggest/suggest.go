// Package suggest finds the name a person most likely meant to type.
package suggest

import "strings"

// Closest returns the candidate nearest to word, or "" when none is near
// enough to be a plausible typo.
func Closest(word string, candidates []string) string {
	if word == "" {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(strings.ToLower(word), strings.ToLower(c))
		if (d > maxDistance(word) || d >= len([]rune(word))) && !strings.HasPrefix(c, word) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// maxDistance allows about one typo per four characters, at least one.
func maxDistance(word string) int {
	n := len([]rune(word))/4 + 1
	if n > 3 {
		n = 3
	}
	return n
}

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
