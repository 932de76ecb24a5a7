package state

import (
	"bytes"
	"errors"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The state file is read and written with the encoding/json/v2 API (its
// module, until it leaves GOEXPERIMENT in the standard library). It reads
// and writes a large file three times as fast as encoding/json, which kept
// one saved answer in a file of 100 incidents x 40 events under its goal
// (BenchmarkUpdate), and it says where in the file every error is.
//
// Its options keep the file exactly as every acctguard has read and
// written it (testdata/main-ddb864f.json holds a file written before):
// keys in any case and a key given twice are read as encoding/json read
// them, and the output is indented by two spaces with &, < and > left as
// typed and U+2028 and U+2029 escaped.
//
// Invalid UTF-8 is read as damage, where encoding/json made it U+FFFD:
// acctguard never writes it, so it is a changed byte, and the next save
// would have made the change permanent (in a step id, it detached the
// step's records from their step). Writing, it still becomes U+FFFD, so
// that a note typed in another encoding is saved rather than lost.
var (
	readOptions = json.JoinOptions(
		json.MatchCaseInsensitiveNames(true),
		jsontext.AllowDuplicateNames(true),
	)
	writeOptions = json.JoinOptions(
		jsontext.WithIndent("  "),
		jsontext.EscapeForHTML(false),
		jsontext.EscapeForJS(true),
		jsontext.AllowInvalidUTF8(true),
		// A member this acctguard does not know, given twice by hand, is
		// kept twice (see File.Unknown).
		jsontext.AllowDuplicateNames(true),
	)
)

// decode parses the state file's bytes.
func decode(path string, data []byte) (*File, error) {
	// acctguard never saves an empty file, and a crash cannot leave one
	// (the file is only ever replaced by renaming a complete one over it).
	// So an empty file means something else emptied it: a shell's
	// "> state.json", a sync tool, a disk that lost data. Reading it as
	// "no incidents yet" would hide that, and the second save after would
	// replace the backup, which may be the only copy left, with it.
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return nil, &DamagedError{Path: path, Err: ErrEmpty}
	}
	f := new(File)
	if err := json.Unmarshal(data, f, readOptions); err != nil {
		var syn *jsontext.SyntacticError
		if !errors.As(err, &syn) {
			// A newer acctguard may have changed a field's type or added
			// an action; say that rather than calling its file damaged.
			if n, ok := schemaOf(data); ok && n > SchemaVersion {
				return nil, &NewerSchemaError{Path: path, Schema: n}
			}
		}
		return nil, damaged(path, data, err)
	}
	switch {
	case f.Schema > SchemaVersion:
		return nil, &NewerSchemaError{Path: path, Schema: f.Schema}
	case f.Schema < 1:
		if _, ok := schemaOf(data); !ok {
			return nil, damaged(path, data, errNoSchema)
		}
		return nil, damaged(path, data, errBadSchema(f.Schema))
	}
	// An action that is there but unknown was refused while decoding;
	// one that is missing altogether has no value to refuse.
	if i, j, ok := f.unknownAction(); ok {
		return nil, &DamagedError{Path: path, Err: texts.Errorf("statefile.no-action", j+1, f.Incidents[i].ID)}
	}
	f.normalise()
	return f, nil
}

// schemaOf returns the top-level "schema" number of data, if it has one.
func schemaOf(data []byte) (int, bool) {
	var probe struct {
		Schema *int `json:"schema"`
	}
	if json.Unmarshal(data, &probe, readOptions) != nil || probe.Schema == nil {
		return 0, false
	}
	return *probe.Schema, true
}

// encode returns the file as people will read it, with a final newline.
func encode(f *File) ([]byte, error) {
	// A file we could not read back must never replace one we can.
	if i, j, ok := f.unknownAction(); ok {
		e := f.Incidents[i].Events[j]
		return nil, texts.Errorf("statefile.bad-action", f.Incidents[i].ID, e.Step, string(e.Action))
	}
	f.normalise()
	data, err := json.Marshal(f, writeOptions)
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
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
