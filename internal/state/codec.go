package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// decode parses the state file's bytes.
func decode(path string, data []byte) (*File, error) {
	// A 0-byte file cannot come from a crash (the file is only ever
	// replaced by renaming a complete one over it) but it can come from a
	// person running `touch`; it holds nothing to protect, so it reads as
	// empty rather than as damaged.
	if len(data) == 0 {
		return empty(), nil
	}
	f := new(File)
	if err := json.Unmarshal(data, f); err != nil {
		var syn *json.SyntaxError
		if !errors.As(err, &syn) {
			// A newer acctguard may have changed a field's type; say
			// that rather than calling its file damaged.
			if n, ok := schemaOf(data); ok && n > SchemaVersion {
				return nil, &NewerSchemaError{Path: path, Schema: n}
			}
		}
		return nil, damaged(path, data, err)
	}
	switch {
	case f.Schema > SchemaVersion: // checked first: it may have new actions
		return nil, &NewerSchemaError{Path: path, Schema: f.Schema}
	case f.Schema < 1:
		if _, ok := schemaOf(data); !ok {
			return nil, damaged(path, data, errNoSchema)
		}
		return nil, damaged(path, data, errBadSchema(f.Schema))
	}
	if i, j, ok := f.unknownAction(); ok {
		return nil, badAction(path, data, f, i, j)
	}
	f.normalise()
	return f, nil
}

// schemaOf returns the top-level "schema" number of data, if it has one.
func schemaOf(data []byte) (int, bool) {
	var probe struct {
		Schema *int `json:"schema"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.Schema == nil {
		return 0, false
	}
	return *probe.Schema, true
}

// encode returns the file as people will read it: indented by two spaces,
// with a final newline, and with &, < and > left as typed. Every acctguard
// has written exactly this (testdata/main-ddb864f.json holds it).
func encode(f *File) ([]byte, error) {
	// A file we could not read back must never replace one we can.
	if i, j, ok := f.unknownAction(); ok {
		e := f.Incidents[i].Events[j]
		return nil, fmt.Errorf("incident %d, step %q: unknown action %q", f.Incidents[i].ID, e.Step, e.Action)
	}
	f.normalise()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unknownAction returns the indexes of the first incident and event whose
// action this package does not know.
func (f *File) unknownAction() (inc, ev int, ok bool) {
	for i, inc := range f.Incidents {
		for j, e := range inc.Events {
			if !e.Action.known() {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}
