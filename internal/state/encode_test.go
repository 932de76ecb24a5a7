package state

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// encodeJSON is what encode must match: encoding/json, indented, without
// HTML escaping.
func encodeJSON(t testing.TB, f *File) []byte {
	t.Helper()
	f.normalise()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var trickyStrings = []string{
	"",
	"plain",
	`quote " and backslash \ and slash /`,
	"tab\there\nnewline\r\b\f",
	"\x00\x01\x1f\x7f",
	"A & B <script>",
	"銀行に電話。受付番号 A-12345",
	"emoji 🔒 and combining é",
	"line\u2028para\u2029end",
	"bad utf-8 \xff\xfe and truncated \xe3\x81",
	"\xed\xa0\x80 surrogate half",
}

func TestEncodeMatchesEncodingJSON(t *testing.T) {
	closed := t0.Add(time.Hour)
	files := map[string]*File{
		"empty":   empty(),
		"no next": {Schema: 1},
		"big":     bigFile(),
	}
	tricky := empty()
	for _, s := range trickyStrings {
		inc := tricky.NewIncident(s, s, s, s, t0)
		inc.Events = append(inc.Events,
			Event{Step: s, Action: s, At: time.Date(2025, 1, 2, 3, 4, 5, 600, time.UTC), Answer: s, Reason: s, Note: s},
			Event{Step: "x", Action: ActionDone, At: time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(23*60*60+59*60)))},
		)
		tricky.NewIncident("closed", "", "", "en", time.Now()).ClosedAt = &closed
	}
	files["tricky"] = tricky
	for name, f := range files {
		got, err := encode(f, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := encodeJSON(t, f); !bytes.Equal(got, want) {
			t.Errorf("%s: encode differs from encoding/json\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

func TestEncodeRefusesUnwritableTime(t *testing.T) {
	f := empty()
	f.NewIncident("x", "", "", "en", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	if _, err := encode(f, 0); err == nil || !strings.Contains(err.Error(), "year outside of range") {
		t.Errorf("encode error = %v, want one about the year", err)
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		// json.Marshal escapes HTML; undo it to compare like with like.
		want = bytes.ReplaceAll(want, []byte(`\u0026`), []byte("&"))
		want = bytes.ReplaceAll(want, []byte(`\u003c`), []byte("<"))
		want = bytes.ReplaceAll(want, []byte(`\u003e`), []byte(">"))
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}
