package state

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// DamagedError reports a state file that cannot be read as one. The file is
// left exactly as it is; the caller tells the person where the damage is and
// where the backup (the state before the last save) is.
type DamagedError struct {
	Path string
	// Line and Col are 1-based and count characters, not bytes, so they match
	// what an editor shows for Japanese text. Both are 0 when the position is
	// not known.
	Line, Col int
	Err       error
	// Backup is the path of state.json.bak when it exists, else "".
	Backup string
	// BackupErr is why the backup cannot be read either, or nil when it
	// can (or there is none).
	BackupErr error
	// what names the file: "state file", or "backup".
	what string
}

func (e *DamagedError) Error() string { return e.In(i18n.English) }

func (e *DamagedError) Unwrap() error { return e.Err }

// NewerSchemaError reports a state file written by a newer acctguard. It is
// never rewritten: this version would drop whatever the newer one added.
type NewerSchemaError struct {
	Path   string
	Schema int
}

func (e *NewerSchemaError) Error() string { return e.In(i18n.English) }

// ErrEmpty is the damage of a state file that is empty or holds nothing but
// spaces and line breaks: acctguard never saves one, so something else
// emptied it.
var ErrEmpty = texts.Errorf("statefile.empty")

// ErrMissing is the damage of a state file that is gone while its backup
// is still there: acctguard never removes it.
var ErrMissing = texts.Errorf("statefile.missing")

// errNoSchema and errBadSchema describe a file that parses but was not
// written by acctguard as it stands.
var errNoSchema = texts.Errorf("statefile.no-schema")

func errBadSchema(n int) error {
	return texts.Errorf("statefile.bad-schema", n)
}

// plainError restates a decoding error without Go type names, which mean
// nothing to the person reading it; the original stays reachable through
// errors.As.
type plainError struct {
	msg i18n.Localized
	err error
}

func (e *plainError) Error() string { return e.msg.In(i18n.English) }
func (e *plainError) Unwrap() error { return e.err }

// kinds names what each kind of JSON value is, plainly: the key of its
// text.
var kinds = map[jsontext.Kind]string{
	'"': "statefile.kind.text",
	'0': "statefile.kind.number",
	't': "statefile.kind.bool",
	'f': "statefile.kind.bool",
	'n': "statefile.kind.null",
	'[': "statefile.kind.list",
	'{': "statefile.kind.object",
}

// kindOf names what a Go type is written as in JSON: the key of its text.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return kindOf(t.Elem())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return kinds['0']
	case reflect.String:
		return kinds['"']
	case reflect.Bool:
		return kinds['t']
	case reflect.Slice, reflect.Array:
		return kinds['[']
	}
	return kinds['{']
}

// fieldPath names where a value is as its keys joined by dots, as
// "incidents.id": the list positions would mean nothing to a person, who
// is shown the line and column instead.
func fieldPath(p jsontext.Pointer) string {
	var keys []string
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err != nil {
			keys = append(keys, tok)
		}
	}
	return strings.Join(keys, ".")
}

// plainSemanticError restates a value of the wrong kind without Go type
// names, which mean nothing to the person reading it.
func plainSemanticError(e *json.SemanticError) error {
	var tim *time.ParseError
	var pe *plainError
	switch {
	case errors.As(e.Err, &tim):
		return plain(e, "statefile.not-time", tim.Value, "2025-03-14T21:30:00+09:00")
	case errors.As(e.Err, &pe):
		return &plainError{pe.msg, e}
	}
	name := texts.M("statefile.the-file")
	if path := fieldPath(e.JSONPointer); path != "" {
		name = texts.M("statefile.field", path)
	}
	if e.GoType == nil {
		return plain(e, "statefile.unreadable", name)
	}
	if e.JSONKind == '0' && kindOf(e.GoType) == kinds['0'] {
		// It is a number, but not one an id or a count can be.
		switch v := string(e.JSONValue); {
		case errors.Is(e.Err, strconv.ErrRange):
			return plain(e, "statefile.too-long", name, v)
		case strings.ContainsAny(v, "eE"):
			// 1e400 is whole, but written as a power of ten.
			return plain(e, "statefile.power", name, v)
		default:
			return plain(e, "statefile.not-whole", name, v)
		}
	}
	got, ok := kinds[e.JSONKind]
	if !ok {
		got = "statefile.kind.other"
	}
	return plain(e, "statefile.wrong-kind", name, texts.M(kindOf(e.GoType)), texts.M(got))
}

// damaged builds the DamagedError for err, a decoding error on data,
// with the position of the damage where the error gives it.
func damaged(path string, data []byte, err error) *DamagedError {
	e := &DamagedError{Path: path, Err: err}
	off := -1
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		off = int(syn.ByteOffset)
		// The decoder's own words, in a sentence of the language.
		e.Err = plain(err, "statefile.syntax", syn.Err.Error())
		if b, ok := invalidByte(data, off); ok {
			// Say which byte: the decoder's "invalid character '\xe1'"
			// and "invalid UTF-8" mean the same to a person.
			e.Err = plain(err, "statefile.invalid-utf8", b)
		}
		if errors.Is(syn.Err, io.ErrUnexpectedEOF) {
			// Something is missing, not wrong: point just after the last
			// thing that is there, which is where a truncated file stops.
			off = len(bytes.TrimRight(data, " \t\r\n"))
			e.Err = plain(err, "statefile.truncated")
		}
	case errors.As(err, &sem):
		// The offset of the value itself.
		off = int(sem.ByteOffset)
		e.Err = plainSemanticError(sem)
	}
	if off >= 0 {
		e.Line, e.Col = position(data, off)
	}
	return e
}

// invalidByte returns the byte at off when it does not begin a valid UTF-8
// character.
func invalidByte(data []byte, off int) (byte, bool) {
	if off < 0 || off >= len(data) {
		return 0, false
	}
	r, size := utf8.DecodeRune(data[off:])
	return data[off], r == utf8.RuneError && size == 1
}

// position returns the 1-based line and column of the byte at off.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	col = 1 + utf8.RuneCount(before[start:])
	return line, col
}
