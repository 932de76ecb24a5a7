package mailread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrEmpty is returned for an input with nothing but white space in it.
var ErrEmpty = errors.New("the message is empty")

// ErrNotText is returned for an input that is no text in any charset a
// mail uses: an image, a PDF, a zip file.
var ErrNotText = errors.New("the message is not text")

// Read reads one message from r: at most MaxInput bytes of it (Truncated
// says there was more). It fails only when there is nothing to read or
// what there is is not text; anything else is read as far as it can be.
//
// What the input is decides its Kind: one that starts with mail header
// lines (Received:, From:, Authentication-Results: … up to a blank line)
// is a saved message, KindEML; one line that is a web address (with a
// scheme, or a bare host such as "amazon.co.jp.xxx.info/path") is KindURL;
// one line that is a mailbox ("Amazon <a@b.c>", RFC 2047 names too) is
// KindAddress; anything else is pasted text, KindText, whose quoted From
// and Subject lines (差出人:, 件名:) are read where there are some. Text
// without a charset label is read as UTF-8, or as Shift_JIS, EUC-JP or
// ISO-2022-JP when it reads better so.
func Read(r io.Reader) (*Message, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("reading the message: %w", err)
	}
	truncated := len(data) > MaxInput
	if truncated {
		data = data[:MaxInput]
	}
	m, err := ReadBytes(data)
	if err != nil {
		return nil, err
	}
	m.Truncated = m.Truncated || truncated
	return m, nil
}

// ReadBytes is Read on a message already in memory; data beyond MaxInput
// is ignored and Truncated set.
func ReadBytes(data []byte) (*Message, error) {
	truncated := false
	if len(data) > MaxInput {
		data, truncated = data[:MaxInput], true
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	// Notepad on Windows saves "Unicode" as UTF-16 with a byte-order
	// mark; read it as the text it is rather than as binary.
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, _, err := transform.Bytes(dec, data); err == nil {
			data = out
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if nuls := bytes.Count(data, []byte{0}); nuls > 0 && nuls*100 >= len(data) {
		return nil, fmt.Errorf("%w: it has %d NUL bytes, as a binary file does", ErrNotText, nuls)
	}

	var m *Message
	if h, ok := scanHeader(data); ok {
		m = readEML(data, h)
	} else {
		text, err := decodeText(data)
		if err != nil {
			return nil, err
		}
		m = readPlain(text)
	}
	m.Truncated = m.Truncated || truncated
	return m, nil
}

// decodeText turns input without headers into UTF-8: as UTF-8 when it is
// that, else in the Japanese charset it reads best in. It fails when it
// reads badly in all of them.
func decodeText(data []byte) (string, error) {
	enc, bad := guessCharset(data[:min(len(data), guessWindow)])
	if bad > 0.2 {
		return "", fmt.Errorf("%w: it is not UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP", ErrNotText)
	}
	if controls(data[:min(len(data), guessWindow)]) > 0.1 {
		return "", fmt.Errorf("%w: it is mostly control characters", ErrNotText)
	}
	if enc == nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	return string(out), nil
}

// controls is the share of bytes in p that are control characters no
// text has (NUL, BEL, …; not tab, line breaks, form feed or escape).
func controls(p []byte) float64 {
	if len(p) == 0 {
		return 0
	}
	n := 0
	for _, c := range p {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			n++
		}
	}
	return float64(n) / float64(len(p))
}

// readPlain reads input that has no headers: a single URL, a single
// address, or pasted text.
func readPlain(text string) *Message {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	line := strings.TrimSpace(text)
	if !strings.ContainsAny(line, "\n\r") {
		if isSingleURL(line) {
			return &Message{Kind: KindURL, Links: []Link{{URL: line, Where: "input"}}}
		}
		if a, ok := parseSingleAddress(line); ok {
			return &Message{Kind: KindAddress, From: a}
		}
		if isBareHostURL(line) {
			return &Message{Kind: KindURL, Links: []Link{{URL: line, Where: "input"}}}
		}
	}
	m := &Message{Kind: KindText}
	c := newCollector(m)
	readQuotedHeaders(m, text)
	c.addPlain(text)
	c.finish()
	return m
}

// isSingleURL says whether s is one http or https address and nothing
// else.
func isSingleURL(s string) bool {
	if strings.ContainsAny(s, " \t\u3000") {
		return false
	}
	rest, ok := cutSchemeFold(s)
	return ok && rest != "" && !strings.HasPrefix(rest, "/")
}

// isBareHostURL says whether s is a host written without a scheme, maybe
// with a port and a path: "amazon.co.jp.xxx.info/path", "192.0.2.7".
func isBareHostURL(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\u3000@") || !utf8.ValidString(s) {
		return false
	}
	host := s
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		port := host[i+1:]
		for _, c := range port {
			if c < '0' || c > '9' {
				return false
			}
		}
		host = host[:i]
	}
	return isHostName(host)
}

// cutSchemeFold cuts "http://" or "https://", in any case, from s.
func cutSchemeFold(s string) (string, bool) {
	for _, p := range []string{"https://", "http://"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	return s, false
}
