package state

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// encode returns the file as people will read it: indented by two spaces,
// with a final newline, and with &, < and > left as typed. size is a guess at
// the length, such as that of the file being replaced; growing the buffer
// as it fills would cost as much again as the encoding.
//
// The output is byte for byte what json.Encoder gives with SetIndent("",
// "  ") and SetEscapeHTML(false) (TestEncodeMatchesEncodingJSON holds it to
// that); it is written by hand because encoding/json, through reflection and
// a separate indenting pass, takes most of the time of a save, and every
// answer the person gives is a save.
func encode(f *File, size int) ([]byte, error) {
	f.normalise()
	// The buffer is threaded through plain functions rather than kept in a
	// struct: storing it back into memory on every append costs a GC write
	// barrier each time.
	b := make([]byte, 0, max(size, 512))
	b = append(b, "{\n  \"schema\": "...)
	b = strconv.AppendInt(b, int64(f.Schema), 10)
	b = append(b, ",\n  \"next_id\": "...)
	b = strconv.AppendInt(b, int64(f.NextID), 10)
	b = append(b, ",\n  \"incidents\": ["...)
	var err error
	for i := range f.Incidents {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendIncident(b, &f.Incidents[i]); err != nil {
			return nil, err
		}
	}
	if len(f.Incidents) > 0 {
		b = append(b, "\n  "...)
	}
	return append(b, "]\n}\n"...), nil
}

func appendIncident(b []byte, inc *Incident) ([]byte, error) {
	const in = "\n      "
	b = append(b, "\n    {"+in+`"id": `...)
	b = strconv.AppendInt(b, int64(inc.ID), 10)
	b = appendField(b, ","+in+`"playbook": `, inc.Playbook)
	if inc.PlaybookVersion != "" {
		b = appendField(b, ","+in+`"playbook_version": `, inc.PlaybookVersion)
	}
	b = appendField(b, ","+in+`"playbook_digest": `, inc.PlaybookDigest)
	b = appendField(b, ","+in+`"lang": `, inc.Lang)
	b = append(b, ","+in+`"opened_at": `...)
	b, err := appendTime(b, inc.OpenedAt)
	if err != nil {
		return nil, err
	}
	b = append(b, ","+in+`"closed_at": `...)
	if inc.ClosedAt == nil {
		b = append(b, "null"...)
	} else if b, err = appendTime(b, *inc.ClosedAt); err != nil {
		return nil, err
	}
	if inc.DropFollowUps {
		b = append(b, ","+in+`"drop_follow_ups": true`...)
	}
	b = append(b, ","+in+`"events": [`...)
	for i := range inc.Events {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendEvent(b, &inc.Events[i]); err != nil {
			return nil, err
		}
	}
	if len(inc.Events) > 0 {
		b = append(b, in...)
	}
	return append(b, "]\n    }"...), nil
}

func appendEvent(b []byte, e *Event) ([]byte, error) {
	const in = "\n          "
	b = appendField(b, "\n        {"+in+`"step": `, e.Step)
	b = appendField(b, ","+in+`"action": `, e.Action)
	b = append(b, ","+in+`"at": `...)
	b, err := appendTime(b, e.At)
	if err != nil {
		return nil, err
	}
	if e.Answer != "" {
		b = appendField(b, ","+in+`"answer": `, e.Answer)
	}
	if e.Reason != "" {
		b = appendField(b, ","+in+`"reason": `, e.Reason)
	}
	if e.Note != "" {
		b = appendField(b, ","+in+`"note": `, e.Note)
	}
	return append(b, "\n        }"...), nil
}

func appendField(b []byte, key, value string) []byte {
	return appendString(append(b, key...), value)
}

func appendTime(b []byte, t time.Time) ([]byte, error) {
	b = append(b, '"')
	// AppendText is RFC 3339 with the checks time.MarshalJSON makes.
	b, err := t.AppendText(b)
	return append(b, '"'), err
}

const hex = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as encoding/json does
// with HTML escaping off.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			// Valid JSON either way; escaped because encoding/json does.
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
