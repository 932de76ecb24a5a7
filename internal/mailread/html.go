package mailread

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxTokenBytes bounds what the HTML tokenizer buffers for one token; a
// longer one ends the part (and sets Truncated).
const maxTokenBytes = 1 << 20

// maxLinkText bounds the visible text kept for one link.
const maxLinkText = 4 << 10

// blockTags end a line of text where they start and end.
var blockTags = map[string]bool{
	"p": true, "div": true, "tr": true, "li": true, "ul": true, "ol": true,
	"table": true, "tbody": true, "thead": true, "tfoot": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"blockquote": true, "center": true, "section": true, "article": true,
	"header": true, "footer": true, "pre": true, "dl": true, "dt": true,
	"dd": true, "form": true, "address": true, "body": true, "html": true,
}

// hiddenTags have content that a mail program does not show as text.
var hiddenTags = map[string]bool{"script": true, "style": true, "title": true, "template": true}

// anchor is an <a href> being read.
type anchor struct {
	href string
	text strings.Builder
	alt  string
}

// addHTML reads an HTML part: its visible text, every <a href> with the
// text it shows, and the bare URLs written in its text.
func (c *collector) addHTML(r io.Reader) {
	c.html.startPart()
	z := html.NewTokenizer(r)
	z.SetMaxBuf(maxTokenBytes)
	var line strings.Builder
	space := false // a space is due before the next word on the line
	endLine := func() {
		if line.Len() > 0 {
			c.html.line(line.String())
		}
		line.Reset()
		space = false
	}
	hidden := 0
	var a *anchor
	closeAnchor := func() {
		if a == nil {
			return
		}
		text := strings.Join(strings.Fields(a.text.String()), " ")
		if text == "" {
			text = strings.Join(strings.Fields(a.alt), " ")
		}
		if text == a.href {
			text = ""
		}
		c.link(Link{URL: a.href, Text: text, Where: "html"})
		a = nil
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				c.m.Truncated = c.m.Truncated || z.Err() == html.ErrBufferExceeded
			}
			closeAnchor()
			endLine()
			return
		case html.TextToken:
			if hidden > 0 {
				continue
			}
			text := string(z.Text())
			if a != nil {
				if a.text.Len() < maxLinkText {
					a.text.WriteString(cutUTF8(text, maxLinkText-a.text.Len()))
				}
			} else {
				c.urls(text)
			}
			for i, word := range splitHTMLSpace(text, &space) {
				if line.Len() > MaxText {
					break
				}
				if (space || i > 0) && line.Len() > 0 {
					line.WriteByte(' ')
				}
				line.WriteString(word)
				space = false
			}
			if strings.ContainsAny(text[max(len(text)-1, 0):], " \t\n\r\f") {
				space = true
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch {
			case hiddenTags[tag]:
				if tt == html.StartTagToken {
					hidden++
				}
			case tag == "body":
				hidden = 0
				endLine()
			case tag == "a":
				closeAnchor()
				if href, ok := attr(z, hasAttr, "href"); ok && isLinkHref(href) {
					a = &anchor{href: href}
				}
			case tag == "img":
				if alt, ok := attr(z, hasAttr, "alt"); ok && a != nil && a.alt == "" {
					a.alt = cutUTF8(alt, maxLinkText)
				}
			case tag == "br":
				if line.Len() == 0 {
					c.html.line("")
				}
				endLine()
			case tag == "td" || tag == "th":
				space = true
			case blockTags[tag]:
				endLine()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case hiddenTags[tag]:
				if hidden > 0 {
					hidden--
				}
			case tag == "a":
				closeAnchor()
			case tag == "td" || tag == "th":
				space = true
			case blockTags[tag]:
				endLine()
			}
		}
	}
}

// splitHTMLSpace splits text at HTML white space (not at the ideographic
// space, which is part of Japanese text), and notes in space whether the
// text begins with some.
func splitHTMLSpace(text string, space *bool) []string {
	if text != "" && strings.IndexByte(" \t\n\r\f", text[0]) >= 0 {
		*space = true
	}
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	})
}

// attr is the value of the tag's attribute key, white space trimmed.
func attr(z *html.Tokenizer, more bool, key string) (string, bool) {
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == key {
			return strings.TrimSpace(string(v)), true
		}
	}
	return "", false
}

// isLinkHref says whether an href leads to a place: not empty, not an
// anchor in the page, not mail, a phone number or an embedded image.
func isLinkHref(href string) bool {
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	l := strings.ToLower(href)
	for _, p := range []string{"mailto:", "tel:", "sms:", "cid:"} {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	return true
}
