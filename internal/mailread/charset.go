package mailread

import (
	"bytes"
	"io"
	"mime"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// guessWindow is how much of a text is looked at to guess its charset.
const guessWindow = 64 << 10

// guessCharset guesses the charset of p, which declares none: nil for
// UTF-8 (and ASCII), or the Japanese charset it reads best in. bad is the
// share of p that does not read in the charset returned.
func guessCharset(p []byte) (enc encoding.Encoding, bad float64) {
	if len(p) == 0 {
		return nil, 0
	}
	// ISO-2022-JP is 7-bit: only its escapes tell it from ASCII.
	for _, esc := range []string{"\x1b$B", "\x1b$@", "\x1b(J", "\x1b(I"} {
		if bytes.Contains(p, []byte(esc)) {
			return japanese.ISO2022JP, replaced(japanese.ISO2022JP, p)
		}
	}
	utf8Bad := invalidUTF8(p)
	if utf8Bad == 0 {
		return nil, 0
	}
	best, bestBad := encoding.Encoding(nil), utf8Bad
	for _, e := range []encoding.Encoding{japanese.ShiftJIS, japanese.EUCJP} {
		if b := replaced(e, p); b < bestBad {
			best, bestBad = e, b
		}
	}
	return best, bestBad
}

// invalidUTF8 is the share of p's bytes that are not UTF-8, not counting a
// character cut at the end of p.
func invalidUTF8(p []byte) float64 {
	n := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			if len(p)-i < utf8.UTFMax && !utf8.FullRune(p[i:]) {
				break
			}
			n++
		}
		i += size
	}
	return float64(n) / float64(len(p))
}

// replaced is the share of p's bytes that enc cannot decode.
func replaced(enc encoding.Encoding, p []byte) float64 {
	out, _, err := transform.Bytes(enc.NewDecoder(), p)
	if err != nil {
		return 1
	}
	n := bytes.Count(out, []byte("\uFFFD")) - bytes.Count(p, []byte("\uFFFD"))
	return float64(max(n, 0)) / float64(len(p))
}

// charsetReader is go-message's charset table, made lenient: a charset it
// does not know reads as UTF-8 with invalid bytes replaced, so one odd
// label does not lose a whole header.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	r, err := charset.Reader(label, input)
	if err != nil || r == nil {
		return input, nil
	}
	return r, nil
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

// encodedWord matches one RFC 2047 encoded word. It is compiled when
// first used: every run of acctguard would pay for it at start, and only
// check reads mail.
var encodedWord = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=`)
})

// decodeHeader decodes a header value for reading: raw 8-bit bytes in the
// guessed charset, then every RFC 2047 word that decodes, wherever it is
// (phishing mail puts them inside quotes, where the standard says they are
// not words).
func decodeHeader(v string) string {
	return strings.ToValidUTF8(decodeWords(rawHeaderText(v)), "\uFFFD")
}

// decodeWords decodes the RFC 2047 words in v.
func decodeWords(v string) string {
	if !strings.Contains(v, "=?") {
		return v
	}
	if s, err := wordDecoder.DecodeHeader(v); err == nil && !strings.Contains(s, "=?") {
		return s
	}
	// Adjacent encoded words are one text: the space between them goes.
	locs := encodedWord().FindAllStringIndex(v, -1)
	var b strings.Builder
	last := 0
	for i, loc := range locs {
		gap := v[last:loc[0]]
		if i > 0 && strings.TrimSpace(gap) == "" && last == locs[i-1][1] {
			gap = ""
		}
		b.WriteString(gap)
		w := v[loc[0]:loc[1]]
		if s, err := wordDecoder.Decode(w); err == nil {
			b.WriteString(s)
		} else {
			b.WriteString(w)
		}
		last = loc[1]
	}
	b.WriteString(v[last:])
	return b.String()
}

// rawHeaderText reads a header value written in 8-bit bytes (against the
// standard, but Japanese mailers do it) in the charset it reads best in.
func rawHeaderText(v string) string {
	if utf8.ValidString(v) && !strings.Contains(v, "\x1b") {
		return v
	}
	enc, _ := guessCharset([]byte(v))
	if enc != nil {
		if out, _, err := transform.String(enc.NewDecoder(), v); err == nil {
			return out
		}
	}
	return strings.ToValidUTF8(v, "\uFFFD")
}
