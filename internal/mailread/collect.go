package mailread

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// collector gathers a message's text and links within the bounds.
type collector struct {
	m     *Message
	plain textBuf // text of the text/plain parts
	html  textBuf // text of the HTML parts
}

func newCollector(m *Message) *collector { return &collector{m: m} }

// link keeps l, and says false once MaxLinks are kept.
func (c *collector) link(l Link) bool {
	if len(c.m.Links) >= MaxLinks {
		c.m.Truncated = true
		return false
	}
	c.m.Links = append(c.m.Links, l)
	return true
}

// urls keeps every URL written in s as a Link found in the text.
func (c *collector) urls(s string) {
	if len(c.m.Links) >= MaxLinks && c.m.Truncated {
		return
	}
	findURLs(s, func(u string) bool { return c.link(Link{URL: u, Where: "text"}) })
}

// addPlain reads the text of a text/plain part, or pasted text.
func (c *collector) addPlain(s string) {
	c.addPlainReader(strings.NewReader(s))
}

// addPlainReader reads a text/plain part a line at a time, so that a huge
// part costs no more memory than its kept text.
func (c *collector) addPlainReader(r io.Reader) {
	c.plain.startPart()
	br := bufio.NewReaderSize(r, 64<<10)
	carry := "" // a character cut at the end of the buffer
	for {
		chunk, err := br.ReadSlice('\n')
		s := carry + string(chunk)
		carry = ""
		eol := err != bufio.ErrBufferFull
		if !eol {
			cut := completeRunes(s)
			s, carry = s[:cut], s[cut:]
		}
		c.urls(s)
		c.plain.add(s, eol)
		if err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}

// completeRunes is the length of s without a character cut at its end.
func completeRunes(s string) int {
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			if !utf8.FullRuneInString(s[i:]) {
				return i
			}
			break
		}
	}
	return len(s)
}

// finish sets the message's Text: the plain parts' text, or the HTML
// parts' when there is no plain one.
func (c *collector) finish() {
	t := &c.plain
	if t.b.Len() == 0 {
		t = &c.html
	}
	c.m.Text = t.b.String()
	if t.full {
		c.m.Truncated = true
	}
}

// textBuf is text kept up to MaxText bytes, line by line: lines trimmed at
// the end, runs of blank lines made one, none at the start or the end.
type textBuf struct {
	b      strings.Builder
	blank  bool // a blank line is due before the next text
	inLine bool // the last text added did not end its line
	full   bool
}

// startPart separates a new part's text from the one before.
func (t *textBuf) startPart() {
	if t.b.Len() > 0 {
		t.blank = true
	}
	t.inLine = false
}

// line adds one line of text.
func (t *textBuf) line(s string) { t.add(s, true) }

// add adds text to the current line, and ends the line if eol.
func (t *textBuf) add(s string, eol bool) {
	if eol {
		s = strings.TrimRight(s, " \t\r\n\u00a0\u3000")
	}
	if !t.inLine {
		if strings.TrimSpace(s) == "" {
			if eol && t.b.Len() > 0 {
				t.blank = true
			}
			return
		}
		if t.b.Len() > 0 {
			t.write("\n")
			if t.blank {
				t.write("\n")
			}
		}
		t.blank = false
	}
	t.write(s)
	t.inLine = !eol
}

func (t *textBuf) write(s string) {
	if t.full {
		return
	}
	if room := MaxText - t.b.Len(); len(s) > room {
		s, t.full = cutUTF8(s, room), true
	}
	t.b.WriteString(s)
}

// cutUTF8 is the longest beginning of s at most n bytes long that does not
// end inside a character.
func cutUTF8(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
