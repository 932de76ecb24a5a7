// Package visible makes text that came from a person or a file safe to
// print: every character that could drive a terminal or hide text is
// written out as an escape a person can read, so that what is shown is
// what was recorded.
//
// The escapes are Go's: a byte as \xHH (ESC is \x1b, BEL \x07, and a byte
// that is not UTF-8, such as a lone 0x9b, is \x9b), a character as \uHHHH
// (the C1 controls U+0080 to U+009F, and the bidirectional controls that
// reorder text: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
// U+2069), and \n, \r, \t where a line break or a tab must not act as one.
// Everything else, Japanese included, is left as it is.
package visible

import (
	"strings"
	"unicode/utf8"
)

// Text is for text shown as lines, such as a note or a playbook's "how":
// a line break ("\n", or "\r\n", which becomes "\n") and a tab are kept;
// a lone "\r", which would return to the start of the line and write
// over it, is shown as \r.
func Text(s string) string { return escape(s, modeText) }

// Line is for text shown on one line, such as a title or a skip reason in
// a list: line breaks and tabs are shown as \n, \r and \t too, so that
// the text cannot start a line of its own.
func Line(s string) string { return escape(s, modeLine) }

// Field is for one field of a tab-separated line read by programs: as
// Line, and a backslash is written \\, so that every field can be read
// back exactly and no text can add a field or a line.
func Field(s string) string { return escape(s, modeField) }

type mode int

const (
	modeText mode = iota
	modeLine
	modeField
)

// escape returns s unchanged, without copying it, when nothing in it
// needs an escape.
func escape(s string, m mode) string {
	first := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needs(r, size, m) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !needs(r, size, m):
			b.WriteString(s[i : i+size])
		case r == '\r' && m == modeText && strings.HasPrefix(s[i+1:], "\n"):
			// "\r\n" is a line break, written "\n" like every other.
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < utf8.RuneSelf, r == utf8.RuneError && size == 1:
			writeHex(&b, `\x`, uint32(s[i]), 2)
		default:
			writeHex(&b, `\u`, uint32(r), 4)
		}
		i += size
	}
	return b.String()
}

// needs reports whether r, decoded from size bytes, must be escaped in
// mode m.
func needs(r rune, size int, m mode) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true // a byte that is not UTF-8
	case r == '\n' || r == '\t':
		return m != modeText
	case r == '\r':
		return true // shown as \r, or dropped from "\r\n" in text
	case r == '\\':
		return m == modeField
	}
	return isControl(r)
}

// isControl reports whether r is a control character: C0, DEL, C1, or a
// bidirectional control, which can make text read in a different order
// from the one it is stored in.
func isControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

func writeHex(b *strings.Builder, prefix string, v uint32, digits int) {
	const hex = "0123456789abcdef"
	b.WriteString(prefix)
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b.WriteByte(hex[(v>>uint(shift))&0xf])
	}
}

// JSON escapes, in encoded JSON, what encoding/json leaves raw although
// it could drive a terminal or reorder text: DEL, the C1 controls and the
// bidirectional controls, written \u007f, \u009b and so on. The JSON
// decodes to exactly the same data. It must be given whole JSON values,
// in which these characters can stand only inside strings.
func JSON(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= utf8.RuneSelf && size > 1 && isControl(r)) {
			if out == nil {
				out = make([]byte, 0, len(b)+16)
			}
			out = append(out, b[last:i]...)
			var e strings.Builder
			writeHex(&e, `\u`, uint32(r), 4)
			out = append(out, e.String()...)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}
