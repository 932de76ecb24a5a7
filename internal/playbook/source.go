package playbook

import "strings"

// source is the text of one playbook file, read once and shared by every
// error found in it: their source lines are slices of it, not copies.
type source struct {
	text string
	// starts holds the offset of the first byte of each line.
	starts []int
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
