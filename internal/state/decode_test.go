package state

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// checkFast checks the one thing decode relies on: whenever decodeFast
// accepts data, encoding/json accepts it too and gives an identical File.
// When it does not, decode uses encoding/json itself, so either way decode
// returns what encoding/json alone would. It reports whether decodeFast
// accepted data.
func checkFast(t testing.TB, data []byte) bool {
	t.Helper()
	got, ok := decodeFast(data)
	if !ok {
		return false
	}
	var want File
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("decodeFast accepted what encoding/json refuses (%v):\n%s", err, data)
	}
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("decodeFast differs from encoding/json on\n%s\ngot:  %#v\nwant: %#v", data, got, &want)
	}
	return true
}

// mustBeFast checks that data takes the fast path and decodes as with
// encoding/json.
func mustBeFast(t *testing.T, name string, data []byte) {
	t.Helper()
	if !checkFast(t, data) {
		t.Errorf("%s: decodeFast fell back on\n%s", name, data)
	}
}

// trickyFile returns a file holding every string of trickyStrings in every
// field, with times in several zones.
func trickyFile() *File {
	f := empty()
	closed := time.Date(2025, 3, 15, 1, 2, 3, 456789000, time.FixedZone("", -(3*60*60+30*60)))
	for _, s := range trickyStrings {
		inc := f.NewIncident(s, s, s, s, t0)
		inc.ClosedAt = &closed
		inc.Events = append(inc.Events,
			Event{Step: s, Action: s, At: time.Date(2025, 1, 2, 3, 4, 5, 600, time.UTC), Answer: s, Reason: s, Note: s},
			Event{Step: "x", Action: ActionDone, At: time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(23*60*60+59*60)))},
			Event{Step: "y", Action: ActionDone, At: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", 14*60*60))},
		)
	}
	return f
}

// editedDocs are files as a person might edit them: every one is valid,
// uses acctguard's key names, and must take the fast path.
var editedDocs = []string{
	goodFile,
	// Minimal, compact, keys in any order.
	`{"schema":1}`,
	`{"incidents":[{"events":[{"at":"2025-03-14T21:30:00Z","step":"a","action":"done"}],"id":3}],"next_id":9,"schema":1}`,
	// Whitespace of every kind, everywhere.
	" \t\r\n{ \"schema\" \t:\r\n1 , \"incidents\" : [ { \"id\" : 1 , \"events\" : [ ] } ] } \n\t ",
	"{\r\n\t\"schema\": 1,\r\n\t\"incidents\": [\r\n\t\t{\"id\": 1}\r\n\t]\r\n}\r\n",
	// Empty lists, null lists, null everything.
	`{"schema": 1, "next_id": null, "incidents": []}`,
	`{"schema": 1, "incidents": null}`,
	`{"schema": 1, "incidents": [null, {"id": null, "playbook": null, "playbook_version": null, "playbook_digest": null, "lang": null, "opened_at": null, "closed_at": null, "events": null}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "events": [null, {"step": null, "action": null, "at": null, "answer": null, "reason": null, "note": null}]}]}`,
	// Unknown keys, with values of every kind, at every level.
	`{"schema": 1, "comment": "hi", "n": -1.5e+10, "t": true, "f": false, "z": null, "o": {"a": [1, {"b": "\"\\\u00e9"}], "c": {}}, "l": [[], [0, -0, 0.0, 1E5]], "incidents": [{"id": 1, "x": {"id": 2}, "events": [{"step": "a", "when": "2025-01-01T00:00:00Z", "schema": [{}]}]}]}`,
	// Keys that only look like ours.
	`{"schema": 1, "schema_": 2, "next": 3, "nextid": 4, "incident": [], "incidents": [{"id": 1, "playbookVersion": "x", "closed": true, "event": []}]}`,
	// Escapes of every kind, and text that is not ASCII.
	`{"schema": 1, "incidents": [{"id": 1, "playbook": "a\"b\\c\/d\be\ff\ng\rh\ti", "lang": "\u0000\u001f\u00e9\u65E5\uD83D\uDD12", "playbook_digest": "銀行 🔒"}]}`,
	// Surrogates that are not a pair become U+FFFD.
	`{"schema": 1, "incidents": [{"id": 1, "playbook": "\uD83D", "lang": "\uDD12x", "playbook_digest": "\uD83D\u0041\uD83D\uD83D\uDD12", "playbook_version": "\uDFFF\uD800"}]}`,
	// Invalid UTF-8 becomes U+FFFD, one per byte.
	"{\"schema\": 1, \"incidents\": [{\"id\": 1, \"playbook\": \"a\xffb\xe3\x81\", \"lang\": \"\xed\xa0\x80\", \"playbook_digest\": \"\xc0\xaf\\n\xf4\x90\x80\x80\"}]}",
	// Numbers.
	`{"schema": 1, "next_id": 2147483647, "incidents": [{"id": -0}, {"id": -5}, {"id": 0}, {"id": -2147483648}]}`,
	// Times: offsets, fractions, extremes.
	`{"schema": 1, "incidents": [{"id": 1, "opened_at": "2025-03-14T21:30:00.123456789+09:00", "closed_at": "2025-03-14T12:30:00.1-00:00", "events": [
		{"at": "2025-03-14T21:30:00.1234567891234Z"},
		{"at": "0000-01-01T00:00:00+23:59"},
		{"at": "9999-12-31T23:59:59.999999999-23:59"},
		{"at": "2024-02-29T12:00:00+05:45"},
		{"at": "2000-02-29T12:00:00+00:00"},
		{"at": "2025-07-01T12:00:00-04:00"},
		{"at": "2025-01-01T12:00:00-05:00"}
	]}]}`,
}

// damagedOrOddDocs are documents the fast path must leave to encoding/json:
// it would decode them differently, or they are damaged.
var damagedOrOddDocs = []string{
	// Keys that encoding/json matches to a field ignoring case, or
	// that need unescaping first.
	`{"Schema": 1}`,
	`{"schema": 1, "incidents": [{"ID": 1}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "events": [{"Step": "a"}]}]}`,
	`{"\u0073chema": 1}`,
	"{\"schema\": 1, \"incidents\": [{\"id\": 1, \"events\": [{\"\u212aey\": 1, \"step\": \"a\"}]}]}",
	`{"ſchema": 1}`,
	// Repeated keys: encoding/json merges the second into the first.
	`{"schema": 1, "schema": 1}`,
	`{"schema": 1, "incidents": [{"id": 1, "events": [{"step": "a"}], "events": [{"note": "b"}]}]}`,
	// Numbers an int cannot hold as written.
	`{"schema": 1.0}`,
	`{"schema": 1e0}`,
	`{"schema": 1234567890123456789}`,
	`{"schema": 99999999999999999999}`,
	// Values of the wrong type.
	`{"schema": "1"}`,
	`{"schema": 1, "incidents": {}}`,
	`{"schema": 1, "incidents": [1]}`,
	`{"schema": 1, "incidents": [{"id": 1, "lang": 5}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "events": [{"at": 5}]}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "closed_at": true}]}`,
	`{"schema": 1, "incidents": [{"id": true}]}`,
	// Top levels that are not an object.
	`null`, `[]`, `1`, `"x"`,
	// Times UnmarshalJSON refuses, or reads its own way.
	`{"schema": 1, "incidents": [{"id": 1, "opened_at": "yesterday"}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "opened_at": "2025-02-29T00:00:00Z"}]}`,
	`{"schema": 1, "incidents": [{"id": 1, "opened_at": "2025-03-14T21:30:00\u002b09:00"}]}`,
	// Damage of every kind.
	``, ` `, `{`, `{"schema": 1`, `{"schema": 1,}`, `{"schema": 1} x`, `{"schema": 1}}`,
	`{"schema": 01}`, `{"schema": -}`, `{"schema": 1, "x": 01}`, `{"schema": 1, "x": 1.}`, `{"schema": 1, "x": .5}`,
	`{"schema": 1, "x": 1e}`, `{"schema": 1, "x": tru}`, `{"schema": 1, "x": nul}`, `{"schema": 1, "x": [1,]}`,
	`{"schema": 1, "x": {"a" 1}}`, `{"schema": 1, "x": "\x"}`, `{"schema": 1, "x": "\u12"}`, `{"schema": 1, "x": '1'}`,
	"{\"schema\": 1, \"x\": \"a\tb\"}", "{\"schema\": 1, \"incidents\": [{\"lang\": \"a\nb\"}]}",
	"\xef\xbb\xbf{\"schema\": 1}",
	`{"schema": 1, "x": ` + strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1) + `}`,
}

func TestDecodeFastMatchesEncodingJSON(t *testing.T) {
	for name, f := range map[string]*File{
		"empty":  empty(),
		"big":    bigFile(),
		"tricky": trickyFile(),
	} {
		data, err := encode(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		mustBeFast(t, name, data)
	}

	for i, doc := range editedDocs {
		mustBeFast(t, fmt.Sprint("document ", i), []byte(doc))
	}
	// Fast where an int has 64 bits; where it has 32, encoding/json
	// refuses the numbers and so must the fast path.
	checkFast(t, []byte(`{"schema": 1, "next_id": 999999999999999999, "incidents": [{"id": -999999999999999999}]}`))
}

func TestDecodeFastFallsBack(t *testing.T) {
	for _, doc := range damagedOrOddDocs {
		if checkFast(t, []byte(doc)) {
			t.Errorf("decodeFast did not fall back on\n%s", doc)
		}
	}
}

// TestDecodeTimesInLocalZones checks times against encoding/json with the
// local zone set to zones that have summer time: a time whose offset is
// the local one at that moment is put in the local zone, and one around a
// change of offset must get that right.
func TestDecodeTimesInLocalZones(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	var doc strings.Builder
	doc.WriteString(`{"schema": 1, "incidents": [{"id": 1, "events": [`)
	for i, at := range []string{
		// New York's spring forward and fall back, 2025.
		"2025-03-09T01:59:59-05:00", "2025-03-09T03:00:00-04:00", "2025-03-09T02:30:00-05:00", "2025-03-09T02:30:00-04:00",
		"2025-11-02T01:30:00-04:00", "2025-11-02T01:30:00-05:00",
		// Lord Howe moves by half an hour.
		"2025-04-06T01:45:00+11:00", "2025-04-06T01:45:00+10:30",
		"2025-03-14T21:30:00+09:00", "2025-03-14T12:30:00Z", "2025-03-14T12:30:00+00:00", "2025-03-14T12:30:00-00:00",
		"1900-01-01T00:00:00+09:18", "1969-12-31T23:59:59.999999999-05:00",
	} {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `{"at": %q}`, at)
	}
	doc.WriteString("]}]}")
	for _, name := range []string{"UTC", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "Europe/London"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		time.Local = loc
		mustBeFast(t, name, []byte(doc.String()))
	}
}

// TestDecodeReusesNothing checks that files decoded one after another
// share no memory: the events of each incident are gathered in a slice
// the decoder reuses.
func TestDecodeReusesNothing(t *testing.T) {
	data, err := encode(bigFile(), 0)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := decodeFast(data)
	if !ok {
		t.Fatal("decodeFast fell back on the big file")
	}
	want, _ := encode(f, len(data))
	for i := range f.Incidents {
		f.Incidents[i].Events = append(f.Incidents[i].Events, Event{Step: "extra"})
	}
	for i := range f.Incidents[:len(f.Incidents)-1] {
		if f.Incidents[i].Events[40].Step != "extra" || f.Incidents[i+1].Events[0].Step != "step-00" {
			t.Fatalf("appending to incident %d changed another", i)
		}
	}
	if got, _ := encode(must(decodeFast(data)), len(data)); !bytes.Equal(got, want) {
		t.Error("decoding again gave a different file")
	}
}

func must(f *File, ok bool) *File {
	if !ok {
		panic("decodeFast fell back")
	}
	return f
}

func TestDecodeKnowsEveryKey(t *testing.T) {
	// A field added to File, Incident or Event must be added to the
	// decoder's lists of keys, and to its switch: without that, the fast
	// path would skip the new key as unknown, and the differential tests
	// above would fail once trickyFile sets the field.
	for typ, keys := range map[reflect.Type][]string{
		reflect.TypeFor[File]():     fileKeys,
		reflect.TypeFor[Incident](): incidentKeys,
		reflect.TypeFor[Event]():    eventKeys,
	} {
		var tags []string
		for field := range typ.Fields() {
			name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
			tags = append(tags, name)
		}
		if !reflect.DeepEqual(tags, keys) {
			t.Errorf("%s: json keys %q, decoder knows %q", typ.Name(), tags, keys)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(goodFile))
	// Small inputs fuzz faster: one incident, with the tricky strings
	// spread over its fields.
	small := empty()
	closed := t0.Add(time.Hour)
	inc := small.NewIncident(trickyStrings[2], trickyStrings[7], trickyStrings[9], trickyStrings[10], t0)
	inc.ClosedAt = &closed
	inc.Events = append(inc.Events, Event{Step: trickyStrings[3], Action: trickyStrings[4], At: t0, Answer: trickyStrings[6], Reason: trickyStrings[8], Note: trickyStrings[5]})
	for _, file := range []*File{empty(), small} {
		data, err := encode(file, 0)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, doc := range append(editedDocs, damagedOrOddDocs...) {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
		// Changing bytes at random rarely gives a document that is
		// nearly right, which is where the fast path must be careful;
		// the same bytes read as choices of pieces of one always do.
		checkFast(t, generate(data))
		// And decode as a whole must not panic on anything.
		decode("state.json", data)
	})
}

// generate builds a document close to a state file, each byte of choices
// picking the next piece: a key, a value, whitespace, and now and then
// something wrong.
func generate(choices []byte) []byte {
	g := generator{choices: choices}
	g.object(0)
	g.pick(" ", "", "\n", " x", "}")
	return g.out
}

type generator struct {
	choices []byte
	out     []byte
}

// pick appends one of pieces, chosen by the next choice; the first when
// the choices have run out.
func (g *generator) pick(pieces ...string) {
	g.out = append(g.out, pieces[g.next(len(pieces))]...)
}

func (g *generator) next(n int) int {
	if len(g.choices) == 0 {
		return 0
	}
	c := int(g.choices[0])
	g.choices = g.choices[1:]
	return c % n
}

var (
	genKeys = [][]string{
		{"schema", "next_id", "incidents", "incidents", "Schema", "NEXT_ID", "x", "ſchema", `sch\u0065ma`},
		{"id", "playbook", "playbook_version", "playbook_digest", "lang", "opened_at", "closed_at", "events", "events", "ID", "Lang", "x"},
		{"step", "action", "at", "answer", "reason", "note", "Note", "x", "\u212at"},
	}
	// Values by kind: numbers, text, times, and anything else.
	genValues = [][]string{
		{"0", "1", "-0", "-7", "01", "1.0", "1e2", "-", "2147483648", "999999999999999999", "9999999999999999999"},
		{`""`, `"done"`, `"a\"b\\c\/"`, `"\u00e9\ud83d\udd12"`, `"\ud83d"`, `"\udd12\ud83d"`, `"\ud83d\u0041"`, `"\x"`, `"\u12g4"`,
			"\"\xff\xe3\x81\"", "\"\t\"", "\"銀行\"", `"\u0000"`},
		{`"2025-03-14T21:30:00+09:00"`, `"2025-03-14T21:30:00.123Z"`, `"2025-03-14T21:30:00-04:00"`, `"2025-02-29T00:00:00Z"`,
			`"2025-03-14T21:30:00+05:30"`, `"2025-3-14T21:30:00Z"`, `"2025-03-14T21:30:00\u002b09:00"`, `"2025-03-14T21:30:00.Z"`},
		{"null", "true", "false", "nul", "[]", "{}", "[1, [null, {}]]", `{"a": [1, "b"]}`, "[1,]", `{"a"}`},
	}
	genKinds = map[string]int{"schema": 0, "next_id": 0, "id": 0, "opened_at": 2, "closed_at": 2, "at": 2}
)

// object appends an object of the kind at depth: 0 the file, 1 an
// incident, 2 an event.
func (g *generator) object(depth int) {
	g.pick("{", "{", "{", "[", "null")
	for i := 0; len(g.choices) > 0 && g.next(5) > 0; i++ {
		if i > 0 {
			g.pick(",", ",", ",", ",", "", ",,")
		}
		g.pick(" ", "", "\n  ", "\t", "\r\n")
		g.out = append(g.out, '"')
		key := genKeys[depth][g.next(len(genKeys[depth]))]
		g.out = append(g.out, key...)
		g.pick(`": `, `":`, `" : `, `"`)
		if (key == "incidents" || key == "events") && depth < 2 && g.next(4) > 0 {
			g.out = append(g.out, '[')
			for j := 0; len(g.choices) > 0 && g.next(3) > 0; j++ {
				if j > 0 {
					g.pick(",", ",", ",", "")
				}
				g.pick(" ", "", "\n    ")
				g.object(depth + 1)
			}
			g.pick("]", "]", "]", "")
		} else {
			// Mostly a value of the key's kind, else any.
			kind, ok := genKinds[key]
			if !ok {
				kind = 1
			}
			if g.next(4) == 0 {
				kind = g.next(len(genValues))
			}
			g.pick(genValues[kind]...)
		}
	}
	g.pick(" ", "", "\n")
	g.pick("}", "}", "}", "]", "")
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"2025-03-14T21:30:00+09:00", "2025-03-14T21:30:00Z", "2025-03-14T21:30:00.123456789012-00:00",
		"2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z", "0000-01-01T00:00:00+23:59", "2025-03-14T21:30:00.Z",
		"2025-03-14T24:00:00Z", "2025-03-14T21:30:60Z", "2025-03-14t21:30:00z", "2025-03-14T21:30:00+0900",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseTime([]byte(s))
		if !ok {
			return
		}
		var want time.Time
		if err := want.UnmarshalJSON([]byte(`"` + s + `"`)); err != nil {
			t.Fatalf("parseTime(%q) accepted what UnmarshalJSON refuses: %v", s, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseTime(%q) = %#v, want %#v", s, got, want)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data, err := encode(bigFile(), 0)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, ok := decodeFast(data); !ok {
				b.Fatal("fell back")
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var f File
			if err := json.Unmarshal(data, &f); err != nil {
				b.Fatal(err)
			}
		}
	})
}
