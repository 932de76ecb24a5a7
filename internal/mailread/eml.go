package mailread

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // ISO-2022-JP, Shift_JIS, EUC-JP and the rest
	"golang.org/x/text/encoding/unicode"
)

// readEML reads a saved message: its header h, then its MIME parts.
func readEML(data []byte, h headerBlock) *Message {
	m := &Message{Kind: KindEML, Headers: h.fields, Truncated: h.truncated}
	if v, ok := h.first("From"); ok {
		if list := parseAddressList(v); len(list) > 0 {
			m.From = list[0]
		}
	}
	if v, ok := h.first("Reply-To"); ok {
		m.ReplyTo = parseAddressList(v)
	}
	if v, ok := h.first("Return-Path"); ok {
		m.ReturnPath = returnPath(v)
	}
	if v, ok := h.first("Subject"); ok {
		m.Subject = decodeHeader(v)
	}
	m.Date, _ = h.first("Date")
	m.AuthResults = h.all("Authentication-Results")

	c := newCollector(m)
	w := &walker{c: c}
	ct, _ := h.first("Content-Type")
	cte, _ := h.first("Content-Transfer-Encoding")
	w.entity(ct, cte, bytes.NewReader(h.body), 0)
	c.finish()
	return m
}

// returnPath is the address in a Return-Path field ("<a@b.c>").
func returnPath(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j >= 0 {
			return strings.TrimSpace(v[i+1 : i+j])
		}
	}
	return v
}

// walker walks a message's MIME tree within MaxParts and MaxDepth.
type walker struct {
	c     *collector
	parts int
}

// entity reads one MIME entity with the given Content-Type and
// Content-Transfer-Encoding: a multipart's parts in turn, a text/plain or
// text/html part's text (attachments too: phishing sends HTML files), and
// nothing of any other type.
func (w *walker) entity(contentType, encoding string, body io.Reader, depth int) {
	if w.parts >= MaxParts {
		w.c.m.Truncated = true
		return
	}
	w.parts++
	mt, params := mediaType(contentType)
	if strings.HasPrefix(mt, "multipart/") && params["boundary"] != "" {
		if depth >= MaxDepth {
			w.c.m.Truncated = true
			return
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			if w.parts >= MaxParts {
				w.c.m.Truncated = true
				return
			}
			w.entity(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, depth+1)
			if len(w.c.m.Links) >= MaxLinks && w.c.m.Truncated {
				return
			}
		}
	}
	if strings.HasPrefix(mt, "multipart/") {
		// No boundary to split at: read it as the text it is.
		mt = "text/plain"
	}
	if mt != "text/plain" && mt != "text/html" {
		return
	}

	// go-message undoes the transfer encoding and the declared charset; a
	// charset it does not know leaves the bytes as they are (the error
	// says so, and the bytes are still read).
	hdr := message.Header{}
	hdr.Set("Content-Transfer-Encoding", strings.TrimSpace(encoding))
	label := strings.ToLower(strings.TrimSpace(params["charset"]))
	if label != "" && label != "us-ascii" {
		if ct := mime.FormatMediaType(mt, map[string]string{"charset": label}); ct != "" {
			hdr.Set("Content-Type", ct)
		}
	}
	e, _ := message.New(hdr, body)
	if e == nil {
		return
	}
	r := e.Body
	if hdr.Get("Content-Type") == "" {
		// No charset (or "us-ascii", which Japanese mailers write over
		// Shift_JIS): guess from the start of the part.
		br := bufio.NewReaderSize(r, guessWindow)
		peek, _ := br.Peek(guessWindow)
		r = br
		if enc, _ := guessCharset(peek); enc != nil {
			r = enc.NewDecoder().Reader(br)
		}
	}
	r = unicode.UTF8.NewDecoder().Reader(r)
	if mt == "text/html" {
		w.c.addHTML(r)
	} else {
		w.c.addPlainReader(r)
	}
}

// mediaType reads a Content-Type: its media type, lower-case ("text/plain"
// when there is none), and its parameters, leniently when they break the
// syntax.
func mediaType(v string) (string, map[string]string) {
	if strings.TrimSpace(v) == "" {
		return "text/plain", nil
	}
	if mt, params, err := mime.ParseMediaType(v); err == nil {
		return mt, params
	}
	parts := strings.Split(v, ";")
	mt := strings.ToLower(strings.TrimSpace(parts[0]))
	params := map[string]string{}
	for _, p := range parts[1:] {
		k, val, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		if _, dup := params[k]; !dup && k != "" {
			params[k] = val
		}
	}
	return mt, params
}
