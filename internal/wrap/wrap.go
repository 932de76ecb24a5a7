// Package wrap measures text in terminal cells and breaks it into lines,
// for English and for Japanese, which has no spaces between words.
package wrap

import (
	"strings"
	"unicode"
)

// IsWide reports whether r takes two cells in a terminal. The ranges cover
// what acctguard prints: CJK, kana, Hangul, full-width forms and emoji.
func IsWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F, r >= 0x2E80 && r <= 0x303E, r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F,
		r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}

// RuneWidth returns how many cells r takes: 2 for wide, 0 for combining
// marks, 1 otherwise.
func RuneWidth(r rune) int {
	switch {
	case IsWide(r):
		return 2
	case unicode.Is(unicode.Mn, r):
		return 0
	}
	return 1
}

// Width returns how many terminal cells s takes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// Japanese line-breaking rules (kinsoku): no line starts with a closing
// mark and none ends with an opening one.
const (
	noLineStart = "、。，．・：；？！ー」』）】〕〉》”’…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜,.:;?!)]}"
	noLineEnd   = "「『（【〔〈《“‘([{"
)

// Wrap breaks s into lines of at most width cells. English breaks at
// spaces; Japanese may break between any two characters except where
// kinsoku forbids it. A word longer than the width is left whole (a URL
// is better long than broken). Existing line breaks are kept.
func Wrap(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return out
}

// token is a unit that is never split: an ASCII word with the spaces
// after it, or one wide character.
type token struct {
	text  string
	space string // the blanks that follow the token
}

func tokens(s string) []token {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		if IsWide(rs[i]) {
			j = i + 1
		} else {
			for j < len(rs) && rs[j] != ' ' && !IsWide(rs[j]) {
				j++
			}
		}
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if j == i { // leading blanks
			toks = append(toks, token{space: string(rs[i:k])})
		} else {
			toks = append(toks, token{text: string(rs[i:j]), space: string(rs[j:k])})
		}
		i = k
	}
	return toks
}

// canBreak reports whether a line may end after a and start with b.
func canBreak(a, b token) bool {
	if a.space != "" {
		return true
	}
	if b.text == "" || a.text == "" {
		return true
	}
	first, _ := firstRune(b.text)
	last := []rune(a.text)[len([]rune(a.text))-1]
	if strings.ContainsRune(noLineStart, first) || strings.ContainsRune(noLineEnd, last) {
		return false
	}
	// A number stays with the word it counts or names: 手順3, 11月, 2段階.
	if isDigit(first) && IsWide(last) || isDigit(last) && IsWide(first) {
		return false
	}
	// Only break without a space next to a wide character.
	return IsWide(first) || IsWide(last)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func wrapLine(s string, width int) []string {
	if width <= 0 || Width(s) <= width {
		return []string{s}
	}
	toks := tokens(s)
	var lines []string
	start := 0
	for start < len(toks) {
		// Take tokens while they fit, remembering the last place a
		// break is allowed.
		w, end, lastBreak := 0, start, -1
		for end < len(toks) {
			tw := Width(toks[end].text)
			if w+tw > width && end > start {
				break
			}
			w += tw + Width(toks[end].space)
			end++
			if end < len(toks) && canBreak(toks[end-1], toks[end]) {
				lastBreak = end
			}
		}
		if end < len(toks) && lastBreak > start {
			end = lastBreak
		}
		var b strings.Builder
		for i := start; i < end; i++ {
			b.WriteString(toks[i].text)
			if i < end-1 {
				b.WriteString(toks[i].space)
			}
		}
		lines = append(lines, b.String())
		start = end
	}
	return lines
}
