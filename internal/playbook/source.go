package playbook

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// source is the text of one playbook file, read once and shared by every
// error found in it: their source lines are slices of it, not copies.
type source struct {
	text string
	// starts holds the offset of the first byte of each line.
	starts []int
	// problems counts the problems found, kept or not.
	problems int
}

const byteOrderMark = "\uFEFF"

// newSource indexes the lines of src as the YAML parser counts them: a line
// ends at LF, CR, CR LF, NEL, LS or PS. A byte order mark at the start is
// not part of the first line, as it is not part of its columns.
func newSource(src []byte) *source {
	s := &source{text: string(src)}
	start := 0
	if strings.HasPrefix(s.text, byteOrderMark) {
		start = len(byteOrderMark)
	}
	s.starts = append(s.starts, start)
	for i := start; i < len(s.text); {
		if n := lineBreak(s.text[i:]); n > 0 {
			i += n
			s.starts = append(s.starts, i)
			continue
		}
		i++
	}
	return s
}

// lineBreak returns the length of the line break s starts with, or 0.
func lineBreak(s string) int {
	switch {
	case s == "":
		return 0
	case strings.HasPrefix(s, "\r\n"):
		return 2
	case s[0] == '\r' || s[0] == '\n':
		return 1
	case strings.HasPrefix(s, "\u0085"):
		return len("\u0085")
	case strings.HasPrefix(s, "\u2028"), strings.HasPrefix(s, "\u2029"):
		return len("\u2028")
	}
	return 0
}

// lines returns how many lines the file has; a file ending in a line break
// has an empty last line.
func (s *source) lines() int { return len(s.starts) }

// line returns line n (1-based) without its line break, or "" when there
// is no such line.
func (s *source) line(n int) string {
	if n < 1 || n > len(s.starts) {
		return ""
	}
	if n == len(s.starts) {
		return s.text[s.starts[n-1]:]
	}
	l := s.text[s.starts[n-1]:s.starts[n]]
	for _, br := range []string{"\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029"} {
		if strings.HasSuffix(l, br) {
			return l[:len(l)-len(br)]
		}
	}
	return l
}

// badCharacter finds the first character the YAML parser refuses: a byte
// that is not UTF-8, or a control character other than tab and the line
// breaks. It returns where it is, what it is and what to do, or ok false
// when there is none.
func (s *source) badCharacter() (pos Pos, what, hint string, ok bool) {
	for n := 1; n <= s.lines(); n++ {
		line := s.line(n)
		col := 1
		for i := 0; i < len(line); col++ {
			r, size := utf8.DecodeRuneInString(line[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				return Pos{n, col}, fmt.Sprintf("invalid UTF-8 byte 0x%02x", line[i]),
					"save the file as UTF-8; it may have been saved in another encoding, such as Shift_JIS", true
			case r == 0:
				return Pos{n, col}, "NUL byte", "a text file has no NUL bytes: this may be UTF-16 text (save it as UTF-8), or not text at all", true
			case !yamlAllows(r):
				return Pos{n, col}, fmt.Sprintf("control character %U", r), "remove it: YAML allows no control characters but tab", true
			}
			i += size
		}
	}
	return Pos{}, "", "", false
}

// yamlAllows reports whether YAML allows r in a file: tab, the line breaks
// and the printable characters.
func yamlAllows(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case 0x20 <= r && r <= 0x7E, 0xA0 <= r && r <= 0xD7FF, 0xE000 <= r && r <= 0xFFFD, 0x10000 <= r && r <= 0x10FFFF:
		return true
	}
	return false
}

// visible returns line with each character YAML refuses replaced by one
// that shows where it is: a control picture (␀ for NUL) or U+FFFD. Every
// replacement takes one column, as the character it replaces did.
func visible(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 && r != '\t':
			b.WriteRune(0x2400 + r)
		case r == 0x7F:
			b.WriteRune(0x2421)
		case !yamlAllows(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(line[i : i+size])
		}
		i += size
	}
	return b.String()
}
