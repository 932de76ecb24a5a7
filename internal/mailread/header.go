package mailread

import (
	"bytes"
	"strings"
)

// headerBlock is the header of a message as it is in the file.
type headerBlock struct {
	fields    []Header // kept fields, topmost first; values unfolded, raw
	body      []byte   // what follows the blank line
	truncated bool     // more fields than MaxHeaders or MaxHeaderBytes
}

// mailHeaders are field names that only a mail header has; one of them
// must be there for the input to be read as a saved message.
var mailHeaders = map[string]bool{
	"received": true, "from": true, "to": true, "cc": true, "subject": true,
	"date": true, "return-path": true, "authentication-results": true,
	"mime-version": true, "message-id": true, "content-type": true,
	"content-transfer-encoding": true, "delivered-to": true, "reply-to": true,
	"sender": true, "dkim-signature": true, "arc-seal": true,
	"arc-authentication-results": true, "received-spf": true,
	"x-mailer": true, "x-received": true, "list-unsubscribe": true,
}

// scanHeader reads the header block at the start of data, if data starts
// with one: RFC 5322 field lines ("Name: value", continued on lines that
// start with a space or tab) up to a blank line or the end. A first line
// "From …" as mbox files and Thunderbird write it, or "Microsoft Mail
// Internet Headers Version 2.0" as Outlook shows headers, is skipped, as
// are blank lines before the header; line numbers count them.
func scanHeader(data []byte) (headerBlock, bool) {
	var h headerBlock
	line := 0
	rest := data
	next := func() ([]byte, bool) {
		if len(rest) == 0 {
			return nil, false
		}
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		line++
		return bytes.TrimSuffix(l, []byte("\r")), true
	}

	l, ok := next()
	for ok && len(bytes.TrimSpace(l)) == 0 {
		l, ok = next()
	}
	// Outlook heads the headers it shows with this line; people copy it.
	if ok && (bytes.HasPrefix(l, []byte("From ")) || bytes.HasPrefix(l, []byte("Microsoft Mail Internet Headers"))) {
		l, ok = next()
	}
	known := false
	kept := 0
	var value []string // the lines of the field being read
	startLine, curName := 0, ""
	flush := func() {
		if curName == "" {
			return
		}
		if len(h.fields) >= MaxHeaders || kept >= MaxHeaderBytes {
			h.truncated = true
		} else {
			v := strings.Join(value, " ")
			if len(v) > MaxHeaderBytes-kept {
				v, h.truncated = cutUTF8(v, MaxHeaderBytes-kept), true
			}
			kept += len(v)
			h.fields = append(h.fields, Header{Line: startLine, Name: curName, Value: rawHeaderText(v)})
		}
		curName, value = "", value[:0]
	}
	for ok {
		if len(l) == 0 {
			flush()
			h.body = rest
			return h, known
		}
		if l[0] == ' ' || l[0] == '\t' {
			if curName == "" {
				return h, false
			}
			if t := bytes.TrimSpace(l); len(t) > 0 && len(value) < 10000 {
				value = append(value, string(t))
			}
			l, ok = next()
			continue
		}
		colon := bytes.IndexByte(l, ':')
		if colon <= 0 {
			return h, false
		}
		name := bytes.TrimRight(l[:colon], " \t")
		if len(name) == 0 {
			return h, false
		}
		for _, c := range name {
			if c < 33 || c > 126 {
				return h, false
			}
		}
		flush()
		curName, startLine = string(name), line
		if mailHeaders[strings.ToLower(curName)] {
			known = true
		}
		if t := bytes.TrimSpace(l[colon+1:]); len(t) > 0 {
			value = append(value, string(t))
		}
		l, ok = next()
	}
	flush()
	return h, known
}

// first is the value of the topmost field called name, and whether there
// is one.
func (h headerBlock) first(name string) (string, bool) {
	for _, f := range h.fields {
		if strings.EqualFold(f.Name, name) {
			return f.Value, true
		}
	}
	return "", false
}

// all are the fields called name, topmost first.
func (h headerBlock) all(name string) []Header {
	var out []Header
	for _, f := range h.fields {
		if strings.EqualFold(f.Name, name) {
			out = append(out, f)
		}
	}
	return out
}
