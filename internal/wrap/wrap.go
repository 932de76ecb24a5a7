// Package wrap measures text in terminal cells and breaks it into lines,
// for English and for Japanese, which has no spaces between words.
package wrap

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// RuneWidth returns how many cells r takes in a terminal. The East Asian
// Width property (UAX #11) comes from golang.org/x/text/width rather than a
// table kept by hand here, so new kanji and emoji come with new Unicode
// versions:
//   - Wide and Fullwidth (kanji, kana, full-width forms, emoji such as 🔒)
//     take 2 cells.
//   - Ambiguous (★ — … “ ” → ·) takes 1, as terminals draw it unless set
//     to CJK legacy widths; status and show pad ★ as one cell. Guessing
//     from a Japanese locale instead would misalign them in the terminals
//     most Japanese users have, which draw these narrow too.
//   - Halfwidth (ｱ) and everything else take 1.
//   - Combining marks (the accent of é written as e + U+0301, a dakuten
//     written apart as U+3099, variation selectors) and format characters
//     (zero-width space and joiner, BOM) take 0: they draw on the cell
//     before them or not at all.
//
// Emoji sequences are measured rune by rune, so ⚠️ (U+26A0 U+FE0F) is 1 cell
// and a ZWJ family such as 👨‍👩‍👧 is 6; terminals disagree about both and
// acctguard prints neither.
func RuneWidth(r rune) int {
	switch {
	case ' ' <= r && r <= '~':
		// Most of what acctguard measures is ASCII; skip the lookups.
		return 1
	case r == '\u00AD':
		// The soft hyphen is a format character, but terminals show it as
		// a hyphen.
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wide reports whether r takes two cells. Wrap may break a line on either
// side of a wide character, as Japanese has no spaces between words.
func wide(r rune) bool { return RuneWidth(r) == 2 }

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

// token is a unit that is never split: a word of narrow characters with
// the spaces after it, or one wide character with any marks on it.
type token struct {
	text  string
	space string // the blanks that follow the token
}

func tokens(s string) []token {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		if wide(rs[i]) {
			j = i + 1
			// A combining mark stays with the character it marks, so
			// no line starts with one.
			for j < len(rs) && RuneWidth(rs[j]) == 0 {
				j++
			}
		} else {
			for j < len(rs) && rs[j] != ' ' && !wide(rs[j]) {
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
		first, _ := firstRune(b.text)
		return !glued(a.text, b.text) && !strings.ContainsRune(noLineStart, first)
	}
	if b.text == "" || a.text == "" {
		return true
	}
	first, _ := firstRune(b.text)
	last := lastRune(a.text)
	if strings.ContainsRune(noLineStart, first) || strings.ContainsRune(noLineEnd, last) {
		return false
	}
	// A half-width parenthesis written against the word before it is the
	// weekday of a Japanese date: 11月22日(日).
	if first == '(' {
		return false
	}
	// A number stays with the word it counts or names: 手順3, 11月, 2段階.
	// Punctuation is not a word: gluing 、 or ： to the 2,925円 after it
	// made runs too long for a line, and those are split wherever the
	// width runs out, even before 、 or between 2,925 and 円.
	if isDigit(first) && wideLetter(last) || isDigit(last) && wideLetter(first) {
		return false
	}
	// The words acctguard's screens count with are never split: 「17手順」
	// read as 「17手」 and 「順」 on the next line is no longer a step.
	if unsplit[string([]rune{last, first})] {
		return false
	}
	// Only break without a space next to a wide character.
	return wide(first) || wide(last)
}

// unsplit are two-character Japanese words that the screens put numbers
// and dates beside, kept on one line.
var unsplit = map[string]bool{
	"手順": true, "案件": true, "時間": true, "週間": true, "日間": true,
	"分間": true, "回目": true, "番目": true, "以降": true, "以内": true,
}

// glued reports whether the space between words a and b must not become
// a line break: a time, a date, a duration or a number is read as one
// ("Thu 26 Nov 05:40", "in 4 h 40 min", "step 14", "2026年11月22日(日)
// 22:50"), and broken over two lines it misleads.
func glued(a, b string) bool {
	if b == "" || a == "" {
		return false
	}
	first, _ := firstRune(b)
	last := lastRune(a)
	if isDigit(first) {
		// After a word, not after a separator such as ・ or a dash.
		return unicode.IsLetter(last) || unicode.IsDigit(last) || last == ')'
	}
	return isDigit(last) && timeWords[strings.ToLower(strings.TrimRight(b, ").,;:"))]
}

// timeWords are the words a number is read with in a time or a duration.
var timeWords = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"h": true, "min": true, "s": true, "day": true, "days": true, "week": true, "weeks": true,
	"am": true, "pm": true, "jst": true, "utc": true,
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// wideLetter reports whether r is a kanji, kana or other wide letter
// (ー and 々 count), not wide punctuation such as 、 or 「.
func wideLetter(r rune) bool { return wide(r) && unicode.IsLetter(r) }

// lastRune returns the last character of s that takes cells, so that
// the rules see か rather than the dakuten written after it.
func lastRune(s string) rune {
	rs := []rune(s)
	for i := len(rs) - 1; i > 0; i-- {
		if RuneWidth(rs[i]) != 0 {
			return rs[i]
		}
	}
	return rs[0]
}

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
