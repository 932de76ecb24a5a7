package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// newStore returns a store whose state file is in a directory that does not
// exist yet, so tests can see what the store creates.
func newStore(t testing.TB) *Store {
	t.Helper()
	return New(filepath.Join(t.TempDir(), "acctguard", "state.json"))
}

func mustUpdate(t testing.TB, s *Store, fn func(*File) error) *File {
	t.Helper()
	f, err := s.Update(fn)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	return f
}

func mustLoad(t testing.TB, s *Store) *File {
	t.Helper()
	f, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return f
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeTestFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// temps lists the temp files of ours in dir.
func temps(t testing.TB, s *Store) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(s.Path()))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && isTempFor(e.Name(), s.Path(), s.Path()+".bak") {
			names = append(names, e.Name())
		}
	}
	return names
}

func checkMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // Windows has no Unix permission bits to check
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("mode of %s = %#o, want %#o", path, got, want)
	}
}

// equalFiles compares two files field by field, times with Equal: a time
// read back from RFC 3339 has a different *Location than the one written.
func equalFiles(t *testing.T, got, want *File) {
	t.Helper()
	if got.Schema != want.Schema || got.NextID != want.NextID || len(got.Incidents) != len(want.Incidents) {
		t.Fatalf("got schema %d, next_id %d, %d incidents; want %d, %d, %d",
			got.Schema, got.NextID, len(got.Incidents), want.Schema, want.NextID, len(want.Incidents))
	}
	for i, g := range got.Incidents {
		w := want.Incidents[i]
		if g.ID != w.ID || g.Playbook != w.Playbook || g.PlaybookVersion != w.PlaybookVersion ||
			g.PlaybookDigest != w.PlaybookDigest || g.Lang != w.Lang || !g.OpenedAt.Equal(w.OpenedAt) ||
			g.DropFollowUps != w.DropFollowUps || (g.ClosedAt == nil) != (w.ClosedAt == nil) || (g.ClosedAt != nil && !g.ClosedAt.Equal(*w.ClosedAt)) {
			t.Errorf("incident %d = %+v, want %+v", i, g, w)
		}
		if !slices.EqualFunc(g.Events, w.Events, func(a, b Event) bool {
			return a.Step == b.Step && a.Action == b.Action && a.At.Equal(b.At) &&
				a.Answer == b.Answer && a.Reason == b.Reason && a.Note == b.Note
		}) {
			t.Errorf("incident %d events = %+v, want %+v", i, g.Events, w.Events)
		}
	}
}

func TestLoadMissingCreatesNothing(t *testing.T) {
	s := newStore(t)
	f := mustLoad(t, s)
	if f.Schema != SchemaVersion || f.NextID != 1 || f.Incidents == nil || len(f.Incidents) != 0 {
		t.Errorf("Load of a missing file = %+v, want schema 1, next_id 1, no incidents", f)
	}
	if dir := filepath.Dir(s.Path()); exists(dir) {
		t.Errorf("Load created %s", dir)
	}
}

func TestRoundTrip(t *testing.T) {
	s := newStore(t)
	closed := t0.Add(48 * time.Hour)
	want := mustUpdate(t, s, func(f *File) error {
		a := f.NewIncident("amazon-jp", "2", "sha256:0123", "ja", t0)
		a.Events = append(a.Events,
			Event{Step: "change-password", Action: ActionDone, At: t0.Add(time.Minute)},
			Event{Step: "card-company", Action: ActionLater, At: t0.Add(2 * time.Minute), Reason: "窓口は9時から"},
			Event{Step: "linked-sites", Action: ActionAnswer, At: t0.Add(3 * time.Minute), Answer: "yes"},
			Event{Step: "linked-sites", Action: ActionNote, At: t0.Add(4 * time.Minute), Note: "Fire TV & <unknown> device"},
		)
		b := f.NewIncident("google", "", "sha256:4567", "en", t0.UTC())
		b.ClosedAt = &closed
		return nil
	})

	dir := filepath.Dir(s.Path())
	checkMode(t, dir, 0o700)
	checkMode(t, s.Path(), 0o600)
	if exists(s.Path() + ".bak") {
		t.Error("first save made a backup of nothing")
	}

	// What Update returned is what a later command reads.
	got, err := New(s.Path()).Load()
	if err != nil {
		t.Fatal(err)
	}
	equalFiles(t, got, want)
	if want.NextID != 3 || len(want.Incidents) != 2 || len(want.Incidents[0].Events) != 4 {
		t.Errorf("Update returned next_id %d, %d incidents", want.NextID, len(want.Incidents))
	}

	text := readFile(t, s.Path())
	for _, line := range []string{
		"{\n  \"schema\": 1,\n  \"next_id\": 3,\n  \"incidents\": [\n    {\n      \"id\": 1,\n",
		`      "opened_at": "2025-03-14T21:30:00+09:00",`,
		`      "closed_at": null,`,
		`      "closed_at": "2025-03-16T21:30:00+09:00",`,
		`          "reason": "窓口は9時から"`,
		// Notes are kept as typed, not \u0026-escaped.
		`          "note": "Fire TV & <unknown> device"`,
	} {
		if !strings.Contains(text, line) {
			t.Errorf("state file lacks %q:\n%s", line, text)
		}
	}
	if !strings.HasSuffix(text, "}\n") {
		t.Errorf("state file does not end in a newline: %q", text[len(text)-10:])
	}
}

func TestEmptyListsAreWrittenAsLists(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error {
		f.Incidents = nil
		return nil
	})
	if got, want := readFile(t, s.Path()), "{\n  \"schema\": 1,\n  \"next_id\": 1,\n  \"incidents\": []\n}\n"; got != want {
		t.Errorf("state file = %q, want %q", got, want)
	}
	mustUpdate(t, s, func(f *File) error {
		f.Incidents = append(f.Incidents, Incident{ID: 1, Playbook: "x", Lang: "en", OpenedAt: t0})
		return nil
	})
	want := `{
  "schema": 1,
  "next_id": 2,
  "incidents": [
    {
      "id": 1,
      "playbook": "x",
      "playbook_digest": "",
      "lang": "en",
      "opened_at": "2025-03-14T21:30:00+09:00",
      "closed_at": null,
      "events": []
    }
  ]
}
`
	if got := readFile(t, s.Path()); got != want {
		t.Errorf("state file =\n%s\nwant\n%s", got, want)
	}
}

func TestUpdateFnErrorWritesNothing(t *testing.T) {
	errCancelled := errors.New("cancelled")
	s := newStore(t)
	_, err := s.Update(func(f *File) error {
		f.NewIncident("x", "", "", "en", t0)
		return errCancelled
	})
	if err != errCancelled {
		t.Fatalf("Update error = %v, want the error fn returned, unwrapped", err)
	}
	if exists(s.Path()) {
		t.Error("a failed update created the state file")
	}

	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	before := readFile(t, s.Path())
	if _, err := s.Update(func(f *File) error {
		f.Incidents = nil
		return errCancelled
	}); !errors.Is(err, errCancelled) {
		t.Fatalf("Update error = %v", err)
	}
	if got := readFile(t, s.Path()); got != before {
		t.Errorf("a failed update changed the state file:\n%s", got)
	}
	if exists(s.Path() + ".bak") {
		t.Error("a failed update made a backup")
	}
	if got := temps(t, s); len(got) > 0 {
		t.Errorf("temp files left: %v", got)
	}
}

func TestBackupHoldsPreviousSave(t *testing.T) {
	for _, tt := range []struct {
		name   string
		noLink bool
	}{
		{name: "hard link"},
		// File systems without hard links (FAT, some shares) get a copy.
		{name: "copy", noLink: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.noLink {
				link = func(string, string) error { return &fs.PathError{Op: "link", Err: errors.ErrUnsupported} }
				t.Cleanup(func() { link = os.Link })
			}
			s := newStore(t)
			bak := s.Path() + ".bak"
			mustUpdate(t, s, func(f *File) error { f.NewIncident("amazon-jp", "", "", "ja", t0); return nil })
			first := readFile(t, s.Path())

			mustUpdate(t, s, func(f *File) error {
				inc, _ := f.Incident(1)
				inc.Events = append(inc.Events, Event{Step: "a", Action: ActionDone, At: t0})
				return nil
			})
			second := readFile(t, s.Path())
			if second == first {
				t.Fatal("second save did not change the file")
			}
			if got := readFile(t, bak); got != first {
				t.Errorf("backup after second save =\n%s\nwant the first save\n%s", got, first)
			}
			checkMode(t, bak, 0o600)

			// An update that changes nothing must not turn the backup into
			// a second copy of the current file.
			mustUpdate(t, s, func(*File) error { return nil })
			if got := readFile(t, bak); got != first {
				t.Errorf("backup after an unchanged update =\n%s\nwant the first save", got)
			}

			mustUpdate(t, s, func(f *File) error { f.NewIncident("google", "", "", "en", t0); return nil })
			if got := readFile(t, bak); got != second {
				t.Errorf("backup after third save =\n%s\nwant the second save", got)
			}
			if got := temps(t, s); len(got) > 0 {
				t.Errorf("temp files left: %v", got)
			}
		})
	}
}

const goodFile = `{
  "schema": 1,
  "next_id": 2,
  "incidents": [
    {
      "id": 1,
      "playbook": "amazon",
      "playbook_version": "1",
      "playbook_digest": "sha256:aa",
      "lang": "ja",
      "opened_at": "2025-03-14T21:30:00+09:00",
      "closed_at": null,
      "events": []
    }
  ]
}
`

// withEvents returns goodFile with the given events, on the line of its
// "events", line 13, from column 18 on.
func withEvents(events string) string {
	return strings.Replace(goodFile, `"events": []`, `"events": [`+events+`]`, 1)
}

func TestDamagedFileIsNeverOverwritten(t *testing.T) {
	tests := []struct {
		name    string
		content string
		withBak bool
		// want is the error message after `state file "PATH" is damaged`.
		want string
	}{
		{
			name:    "truncated",
			content: goodFile[:strings.Index(goodFile, `"lang": "j`)+len(`"lang": "j`)],
			withBak: true,
			want:    " at line 10, column 17: unexpected end of JSON input",
		},
		{
			name:    "truncated after a newline",
			content: goodFile[:strings.Index(goodFile, `"lang"`)],
			want:    " at line 9, column 38: unexpected end of JSON input",
		},
		{
			name:    "trailing comma",
			content: "{\n  \"schema\": 1,\n  \"incidents\": [],\n}\n",
			withBak: true,
			want:    " at line 3, column 18: invalid character ',' at start of value",
		},
		{
			name:    "garbage after the object",
			content: goodFile + "}\n",
			want:    " at line 17, column 1: invalid character '}' after top-level value",
		},
		{
			// acctguard never saves an empty file, so something else
			// emptied it; the backup may be the only copy left.
			name:    "0 bytes beside a backup",
			content: "",
			withBak: true,
			want:    ": it is empty, and acctguard never saves an empty file",
		},
		{
			name:    "0 bytes",
			content: "",
			want:    ": it is empty, and acctguard never saves an empty file",
		},
		{
			name:    "only whitespace beside a backup",
			content: "\n \t\r\n",
			withBak: true,
			want:    ": it is empty, and acctguard never saves an empty file",
		},
		{
			// One flipped bit made "a" in a step id 0xE1: encoding/json read
			// it as U+FFFD, detaching the event from its step for good at
			// the next save.
			name:    "invalid UTF-8 in a step id",
			content: withEvents("{\"step\": \"open-am\xe1zon\", \"action\": \"done\", \"at\": \"2025-03-14T21:30:00+09:00\"}"),
			withBak: true,
			want:    " at line 13, column 35: invalid UTF-8 (byte 0xE1)",
		},
		{
			// A Japanese character cut short: 話 is E8 A9 B1.
			name:    "a cut character in a note",
			content: withEvents("{\"step\": \"a\", \"action\": \"note\", \"note\": \"電\xe8\xa9\"}"),
			want:    " at line 13, column 60: invalid UTF-8 (byte 0xE8)",
		},
		{
			name:    "invalid UTF-8 outside text",
			content: "{\"schema\": 1, \"incidents\": [\xff]}\n",
			want:    " at line 1, column 29: invalid UTF-8 (byte 0xFF)",
		},
		{
			name:    "wrong type",
			content: "{\n  \"schema\": 1,\n  \"incidents\": [\n    {\"id\": \"one\"}\n  ]\n}\n",
			want:    ` at line 4, column 12: "incidents.id" should be a number, not text`,
		},
		{
			name:    "fraction",
			content: "{\n  \"schema\": 1.5\n}\n",
			want:    ` at line 2, column 13: "schema" should be a whole number, not 1.5`,
		},
		{
			name:    "a whole number as a power of ten",
			content: "{\n  \"schema\": 1,\n  \"next_id\": 1e400,\n  \"incidents\": []\n}\n",
			want:    ` at line 3, column 14: "next_id" should be a whole number written in digits only, not 1e400`,
		},
		{
			name:    "too many digits",
			content: "{\"schema\": 1, \"incidents\": [{\"id\": -99999999999999999999}]}\n",
			want:    ` at line 1, column 36: "incidents.id" should be a whole number, not -99999999999999999999, which has too many digits`,
		},
		{
			name:    "not an object",
			content: "[]\n",
			want:    ` at line 1, column 1: the file should be an object, not a list`,
		},
		{
			name:    "bad time",
			content: strings.Replace(goodFile, `"2025-03-14T21:30:00+09:00"`, `"昨日の夜"`, 1),
			want:    ` at line 11, column 20: "昨日の夜" is not a date and time like "2025-03-14T21:30:00+09:00"`,
		},
		{
			name:    "no schema",
			content: "{\"incidents\": []}\n",
			withBak: true,
			want:    `: "schema" is missing`,
		},
		{
			name:    "null",
			content: "null\n",
			want:    `: "schema" is missing`,
		},
		{
			name:    "schema 0",
			content: "{\"schema\": 0, \"incidents\": []}\n",
			want:    `: "schema" is 0, which no acctguard writes`,
		},
		{
			name:    "unknown action",
			content: withEvents(`{"step": "dnoe", "action": "dnoe", "at": "2025-03-14T21:30:00+09:00"}`),
			withBak: true,
			want:    ` at line 13, column 45: unknown action "dnoe"`,
		},
		{
			name:    "unknown action after Japanese",
			content: withEvents(`{"step": "電話", "action": "電話した"}`),
			want:    ` at line 13, column 43: unknown action "電話した"`,
		},
		{
			// Keys match fields whatever their case, as encoding/json had it.
			name:    "action key in another case",
			content: withEvents(`{"step": "a", "ACTION": "Done"}`),
			want:    ` at line 13, column 42: unknown action "Done"`,
		},
		{
			// Of a key given twice, the first unknown action is refused.
			name:    "action given twice",
			content: withEvents(`{"step": "a", "action": "done", "action": "dnoe"}`),
			want:    ` at line 13, column 60: unknown action "dnoe"`,
		},
		{
			// ...unless it is null, which changes nothing.
			name:    "action given twice, then null",
			content: withEvents(`{"step": "a", "action": "dnoe", "action": null}`),
			want:    ` at line 13, column 42: unknown action "dnoe"`,
		},
		{
			name:    "no action",
			content: withEvents(`{"step": "a", "action": "done"}, {"step": "b"}`),
			want:    `: event 2 of incident 1 has no "action"`,
		},
		{
			name:    "empty action",
			content: withEvents(`{"step": "a", "action": "done"}, {"step": "b", "action": ""}`),
			want:    ` at line 13, column 75: unknown action ""`,
		},
		{
			name: "unknown action in a later incident",
			content: `{"schema": 1, "incidents": [
  {"id": 1, "events": [{"step": "a", "action": "done"}, {"step": "b", "action": "note"}]},
  {"id": 2, "events": [
    {"step": "a", "action": "done"},
    {"step": "b", "action": "answer"},
    {"step": "b", "action": "ansewr"}
  ]}
]}
`,
			want: ` at line 6, column 29: unknown action "ansewr"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			bak := s.Path() + ".bak"
			writeTestFile(t, s.Path(), tt.content)
			wantBak := ""
			if tt.withBak {
				writeTestFile(t, bak, goodFile)
				wantBak = bak
			}
			want := fmt.Sprintf("state file %q is damaged", s.Path()) + tt.want

			check := func(op string, err error) {
				t.Helper()
				var d *DamagedError
				if !errors.As(err, &d) {
					t.Fatalf("%s error = %v (%T), want a *DamagedError", op, err, err)
				}
				if err.Error() != want {
					t.Errorf("%s error =\n%s\nwant\n%s", op, err, want)
				}
				if d.Path != s.Path() || d.Backup != wantBak {
					t.Errorf("%s: Path %q, Backup %q; want %q, %q", op, d.Path, d.Backup, s.Path(), wantBak)
				}
			}

			_, err := s.Load()
			check("Load", err)
			_, err = s.Update(func(*File) error {
				t.Error("Update called fn on a damaged file")
				return nil
			})
			check("Update", err)

			if got := readFile(t, s.Path()); got != tt.content {
				t.Errorf("damaged file changed to:\n%s", got)
			}
			if tt.withBak {
				if got := readFile(t, bak); got != goodFile {
					t.Errorf("backup changed to:\n%s", got)
				}
			} else if exists(bak) {
				t.Error("a backup was made of a damaged file")
			}
			if got := temps(t, s); len(got) > 0 {
				t.Errorf("temp files left: %v", got)
			}
		})
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	tests := []struct {
		name    string
		content string
		schema  int
	}{
		{"same shape", "{\n  \"schema\": 2,\n  \"next_id\": 1,\n  \"incidents\": []\n}\n", 2},
		// A newer acctguard may change a field's type; that is not damage.
		{"new shape", "{\"schema\": 3, \"incidents\": {\"by_id\": {}}}\n", 3},
		// ...or add actions.
		{"new action", "{\"schema\": 2, \"incidents\": [{\"id\": 1, \"events\": [{\"step\": \"a\", \"action\": \"pause\"}]}]}\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			writeTestFile(t, s.Path(), tt.content)
			want := fmt.Sprintf("state file %q was written by a newer acctguard (schema %d); this one reads schema 1", s.Path(), tt.schema)
			check := func(op string, err error) {
				t.Helper()
				var n *NewerSchemaError
				if !errors.As(err, &n) || n.Schema != tt.schema {
					t.Fatalf("%s error = %v (%T), want a *NewerSchemaError for schema %d", op, err, err, tt.schema)
				}
				if err.Error() != want {
					t.Errorf("%s error =\n%s\nwant\n%s", op, err, want)
				}
			}
			_, err := s.Load()
			check("Load", err)
			_, err = s.Update(func(*File) error {
				t.Error("Update called fn on a newer file")
				return nil
			})
			check("Update", err)
			if got := readFile(t, s.Path()); got != tt.content {
				t.Errorf("newer file changed to:\n%s", got)
			}
			if exists(s.Path() + ".bak") {
				t.Error("a backup was made of a newer file")
			}
		})
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	// Nothing of ours may land in the system temp directory: after a crash
	// it would hold a copy of private records nobody cleans up.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TMP", tmp)
	t.Setenv("TEMP", tmp)

	s := newStore(t)
	dir := filepath.Dir(s.Path())
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })

	stale := []string{".state.json123", ".state.json9223372036854775807", ".state.json.bak456"}
	kept := []string{"notes.txt", ".state.json.orig", ".state.json", "state.json.lock", ".state.json12x", ".other.json1"}
	for _, name := range append(slices.Clone(stale), kept...) {
		if name != "state.json.lock" {
			writeTestFile(t, filepath.Join(dir, name), "private\n")
		}
	}
	// A directory with a matching name is not a file of ours.
	if err := os.Mkdir(filepath.Join(dir, ".state.json777"), 0o700); err != nil {
		t.Fatal(err)
	}
	kept = append(kept, ".state.json777")

	// Loading holds no lock, so it must not touch them.
	mustLoad(t, s)
	for _, name := range stale {
		if !exists(filepath.Join(dir, name)) {
			t.Errorf("Load removed %s", name)
		}
	}

	for i := range 3 {
		mustUpdate(t, s, func(f *File) error {
			inc, _ := f.Incident(1)
			inc.Events = append(inc.Events, Event{Step: fmt.Sprint(i), Action: ActionDone, At: t0})
			return nil
		})
	}
	for _, name := range stale {
		if exists(filepath.Join(dir, name)) {
			t.Errorf("stale temp file %s was not removed", name)
		}
	}
	for _, name := range kept {
		if !exists(filepath.Join(dir, name)) {
			t.Errorf("%s was removed; it is not a temp file of ours", name)
		}
	}
	if got := temps(t, s); len(got) > 0 {
		t.Errorf("temp files left: %v", got)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("file left in TMPDIR: %s", e.Name())
	}
}

func TestConcurrentGoroutinesLoseNothing(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		// Half share the Store, half have their own, as two commands would.
		ws := s
		if w%2 == 1 {
			ws = New(s.Path())
		}
		wg.Go(func() {
			for i := range each {
				if err := appendNote(ws, fmt.Sprint(w), i); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	checkEvents(t, s, workers, each)
}

// appendNote appends one event noted tag-i to incident 1.
func appendNote(s *Store, tag string, i int) error {
	_, err := s.Update(func(f *File) error {
		inc, ok := f.Incident(1)
		if !ok {
			return errors.New("no incident 1")
		}
		inc.Events = append(inc.Events, Event{Step: "s", Action: ActionNote, At: t0, Note: fmt.Sprintf("%s-%d", tag, i)})
		return nil
	})
	return err
}

// checkEvents checks incident 1 holds exactly each events from each of
// writers tags 0..writers-1, each writer's in the order it wrote them.
func checkEvents(t *testing.T, s *Store, writers, each int) {
	t.Helper()
	inc, ok := mustLoad(t, s).Incident(1)
	if !ok {
		t.Fatal("no incident 1")
	}
	if len(inc.Events) != writers*each {
		t.Errorf("%d events, want %d", len(inc.Events), writers*each)
	}
	next := map[string]int{}
	for _, e := range inc.Events {
		tag, n, _ := strings.Cut(e.Note, "-")
		if want := fmt.Sprint(next[tag]); n != want {
			t.Fatalf("writer %s: event %s after %d; want %s", tag, n, next[tag], want)
		}
		next[tag]++
	}
}

func TestChangesMadeElsewhereAreSeen(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	mustLoad(t, s)

	// Another acctguard saves...
	mustUpdate(t, New(s.Path()), func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
	if got := len(mustLoad(t, s).Incidents); got != 2 {
		t.Errorf("after another store's save: %d incidents, want 2", got)
	}
	// ...or the person edits the file, keeping its size.
	writeTestFile(t, s.Path(), strings.Replace(readFile(t, s.Path()), `"lang": "en"`, `"lang": "ja"`, 1))
	if inc, _ := mustLoad(t, s).Incident(1); inc.Lang != "ja" {
		t.Errorf("after a hand edit: lang %q, want %q", inc.Lang, "ja")
	}
	f := mustUpdate(t, s, func(f *File) error { return nil })
	if inc, _ := f.Incident(1); inc.Lang != "ja" {
		t.Errorf("Update after a hand edit: lang %q, want %q", inc.Lang, "ja")
	}
}

func TestReturnedFilesAreTheCallers(t *testing.T) {
	s := newStore(t)
	f := mustUpdate(t, s, func(f *File) error {
		f.NewIncident("x", "", "", "en", t0).Events = []Event{{Step: "a", Action: ActionDone, At: t0}}
		return nil
	})
	f.Incidents[0].Events[0].Step = "changed by caller"
	f.Incidents = append(f.Incidents, Incident{ID: 9})
	l := mustLoad(t, s)
	if len(l.Incidents) != 1 || l.Incidents[0].Events[0].Step != "a" {
		t.Fatalf("Load sees what the caller did to Update's result: %+v", l.Incidents)
	}
	l.Incidents[0].Events[0].Step = "changed again"
	mustUpdate(t, s, func(f *File) error {
		if got := f.Incidents[0].Events[0].Step; got != "a" {
			t.Errorf("Update sees what the caller did to Load's result: step %q", got)
		}
		return nil
	})
	// A failed fn's changes must not survive either.
	s.Update(func(f *File) error {
		f.Incidents = nil
		return errors.New("cancelled")
	})
	if got := len(mustLoad(t, s).Incidents); got != 1 {
		t.Errorf("after a failed update: %d incidents, want 1", got)
	}
}

// After DropPrevious the backup no longer holds what the last save
// removed, and is still a good copy to recover from.
func TestDropPrevious(t *testing.T) {
	s := newStore(t)
	bak := s.Path() + ".bak"
	mustUpdate(t, s, func(f *File) error {
		f.NewIncident("amazon-jp", "", "", "ja", t0)
		f.NewIncident("amazon-jp", "", "", "ja", t0)
		return nil
	})
	mustUpdate(t, s, func(f *File) error { f.Incidents = f.Incidents[:1]; return nil })
	if got := readFile(t, bak); !strings.Contains(got, `"id": 2`) {
		t.Fatalf("backup before DropPrevious does not hold the deleted incident:\n%s", got)
	}
	if err := s.DropPrevious(); err != nil {
		t.Fatal(err)
	}
	if got, cur := readFile(t, bak), readFile(t, s.Path()); got != cur || strings.Contains(got, `"id": 2`) {
		t.Errorf("backup after DropPrevious =\n%s\nwant the current file\n%s", got, cur)
	}
	if err := s.DropPrevious(); err != nil {
		t.Errorf("a second DropPrevious: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}

// DropPrevious never makes a damaged file the backup: the backup may be
// the only good copy left.
func TestDropPreviousKeepsBackupOfDamagedFile(t *testing.T) {
	for _, content := range []string{"", "{\"schema\": 1,"} {
		s := newStore(t)
		writeTestFile(t, s.Path(), content)
		writeTestFile(t, s.Path()+".bak", goodFile)
		var d *DamagedError
		if err := s.DropPrevious(); !errors.As(err, &d) {
			t.Errorf("DropPrevious on %q: %v, want a *DamagedError", content, err)
		}
		if got := readFile(t, s.Path()+".bak"); got != goodFile {
			t.Errorf("DropPrevious on %q replaced the backup with:\n%s", content, got)
		}
	}
}
