package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DamagedError reports a state file that cannot be read as one. The file is
// left exactly as it is; the caller tells the person where the damage is and
// where the last good copy (Backup) is.
type DamagedError struct {
	Path string
	// Line and Col are 1-based and count characters, not bytes, so they match
	// what an editor shows for Japanese text. Both are 0 when the position is
	// not known.
	Line, Col int
	Err       error
	// Backup is the path of state.json.bak when it exists, else "".
	Backup string
}

func (e *DamagedError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("state file %q is damaged at line %d, column %d: %v", e.Path, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("state file %q is damaged: %v", e.Path, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// NewerSchemaError reports a state file written by a newer acctguard. It is
// never rewritten: this version would drop whatever the newer one added.
type NewerSchemaError struct {
	Path   string
	Schema int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("state file %q was written by a newer acctguard (schema %d); this one reads schema %d", e.Path, e.Schema, SchemaVersion)
}

// errNoSchema and errBadSchema describe a file that parses but was not
// written by acctguard as it stands.
var errNoSchema = errors.New(`"schema" is missing`)

func errBadSchema(n int) error {
	return fmt.Errorf(`"schema" is %d, which no acctguard writes`, n)
}

// plainError restates a decoding error without Go type names, which mean
// nothing to the person reading it; the original stays reachable through
// errors.As.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }

// kinds turns the words UnmarshalTypeError.Value uses into plain ones.
var kinds = map[string]string{
	"string": "text",
	"number": "a number",
	"bool":   "true or false",
	"array":  "a list",
	"object": "an object",
}

// kindOf names what a Go type is written as in JSON.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return kindOf(t.Elem())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return kinds["number"]
	case reflect.String:
		return kinds["string"]
	case reflect.Bool:
		return kinds["bool"]
	case reflect.Slice, reflect.Array:
		return kinds["array"]
	}
	return kinds["object"]
}

func plainTypeError(e *json.UnmarshalTypeError) error {
	got, _, _ := strings.Cut(e.Value, " ") // "number 1e400" is still a number
	if k, ok := kinds[got]; ok {
		got = k
	}
	what := "the file"
	if e.Field != "" {
		what = strconv.Quote(e.Field)
	}
	return &plainError{fmt.Sprintf("%s should be %s, not %s", what, kindOf(e.Type), got), e}
}

// damaged builds the DamagedError for err, a decoding error on data,
// finding the position of the damage where the error allows it.
func damaged(path string, data []byte, err error) *DamagedError {
	e := &DamagedError{Path: path, Err: err}
	off := -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tim *time.ParseError
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte itself.
		off = int(syn.Offset) - 1
		if syn.Offset >= int64(len(data)) && syn.Error() == "unexpected end of JSON input" {
			// Something is missing, not wrong: point just after the last
			// thing that is there, which is where a truncated file stops.
			off = len(bytes.TrimRight(data, " \t\r\n"))
		}
	case errors.As(err, &typ):
		// Offset is just past a scalar, or just past the opening bracket
		// of an object or array: either way its last byte is in the value.
		off = int(typ.Offset) - 1
		e.Err = plainTypeError(typ)
	case errors.As(err, &tim):
		// time.Time reports no offset; the bad value itself, quoted, is
		// almost always unique in the file.
		if tim.Value != "" {
			off = bytes.Index(data, []byte(`"`+tim.Value+`"`))
		}
		e.Err = &plainError{fmt.Sprintf("%q is not a date and time like %q", tim.Value, "2025-03-14T21:30:00+09:00"), err}
	}
	if off >= 0 {
		e.Line, e.Col = position(data, off)
	}
	return e
}

// badAction builds the DamagedError for event j of incident i of f, decoded
// from data, whose action is not one we know.
func badAction(path string, data []byte, f *File, i, j int) *DamagedError {
	a := f.Incidents[i].Events[j].Action
	e := &DamagedError{Path: path, Err: fmt.Errorf("unknown action %q", a)}
	// encoding/json says nothing of where it found a value. The first
	// action with this value is the one, unless a key is given twice.
	re := regexp.MustCompile(`(?i:"action")\s*:\s*("` + regexp.QuoteMeta(string(a)) + `")`)
	if m := re.FindSubmatchIndex(data); m != nil {
		e.Line, e.Col = position(data, m[2])
	} else if a == "" {
		e.Err = fmt.Errorf(`event %d of incident %d has no "action"`, j+1, f.Incidents[i].ID)
	}
	return e
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
