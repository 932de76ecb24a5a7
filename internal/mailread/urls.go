package mailread

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findURLs calls emit with every web address written in s, in order, until
// emit says false: one with a scheme ("https://…"), one starting "www.",
// or a bare host followed by a path ("amazon.co.jp.xxx.info/login"). A
// bare host alone ("Amazon.co.jpをご利用") is a name in a sentence, not a
// link. An address ends where the text around it starts again: at a
// space, a quote or bracket, Japanese text, or trailing punctuation.
func findURLs(s string, emit func(string) bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if !isASCIIAlnum(c) || (i > 0 && isURLByte(s[i-1])) {
			i++
			continue
		}
		end := urlAt(s, i)
		if end <= i {
			i++
			continue
		}
		if !emit(s[i:end]) {
			return
		}
		i = end
	}
}

// urlAt is the end of the web address starting at s[i], or i when none
// starts there.
func urlAt(s string, i int) int {
	rest := s[i:]
	var hostStart int
	if r, ok := cutSchemeFold(rest); ok {
		hostStart = i + len(rest) - len(r)
	} else if len(rest) >= 4 && strings.EqualFold(rest[:4], "www.") {
		hostStart = i
	} else {
		// A bare host: it must be a host name and have a path.
		j := i
		for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '.' || s[j] == '-') {
			j++
		}
		if j >= len(s) || s[j] != '/' || !isHostName(s[i:j]) {
			return i
		}
		hostStart = i
	}
	end := scanAuthority(s, hostStart)
	if end == hostStart {
		return i
	}
	end = scanPath(s, end)
	return trimURLEnd(s, i, end)
}

// scanAuthority reads user-info, host and port from s[i:]. Letters of
// alphabets that lookalike hosts use (Greek, Cyrillic, accented Latin)
// are read as part of the host; CJK text is not.
func scanAuthority(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) || strings.IndexByte("-._~%!$&'()*+,;=:@[]", c) >= 0 {
				if c == '\'' || c == '(' || c == ')' {
					return i
				}
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x2e80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			i += size
			continue
		}
		return i
	}
	return i
}

// scanPath reads path, query and fragment from s[i:]: printable ASCII but
// for the characters that end an address in running text.
func scanPath(s string, i int) int {
	if i >= len(s) || strings.IndexByte("/?#", s[i]) < 0 {
		return i
	}
	for i < len(s) {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("<>\"'`{}|\\^", c) >= 0 {
			return i
		}
		i++
	}
	return i
}

// trimURLEnd drops the punctuation that ends a sentence rather than the
// address, and a closing bracket that has no opening one in the address.
func trimURLEnd(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		switch {
		case strings.IndexByte(".,;:!?*", c) >= 0:
			end--
			continue
		case c == ')' && strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")"):
			end--
			continue
		case c == ']' && strings.Count(s[start:end], "[") < strings.Count(s[start:end], "]"):
			end--
			continue
		}
		break
	}
	// "https://" alone is no address.
	if r, ok := cutSchemeFold(s[start:end]); ok && r == "" {
		return start
	}
	return end
}

// isHostName says whether h looks like an Internet host: labels of
// letters, digits and hyphens with a dot between, ending in a top-level
// domain of letters (or punycode), or a dotted IPv4 address.
func isHostName(h string) bool {
	h = strings.TrimSuffix(h, ".")
	labels := strings.Split(h, ".")
	if len(labels) < 2 {
		return false
	}
	digits := true
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				if r < '0' || r > '9' {
					digits = false
				}
				continue
			}
			return false
		}
	}
	if digits {
		return len(labels) == 4
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(strings.ToLower(tld), "xn--") {
		return true
	}
	if utf8.RuneCountInString(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isURLByte says whether c, before a letter, makes that letter the
// middle of a word or address rather than the start of a URL.
func isURLByte(c byte) bool {
	return isASCIIAlnum(c) || strings.IndexByte(".-_@/%+=&~", c) >= 0
}
