package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// tRestore is when the tests restore: the damaged file is kept as
// state.json.damaged-20261126-213005.
var tRestore = time.Date(2026, 11, 26, 21, 30, 5, 0, time.FixedZone("JST", 9*60*60))

const damagedFile = "{\n  \"schema\": 1,\n  \"incidents\": [\n    {\"id\": 1,\n"

// names lists the files in the state file's directory, but the lock.
func names(t *testing.T, s *Store) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "state.json.lock" {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestRestore(t *testing.T) {
	for _, tt := range []struct {
		name   string
		noLink bool
	}{
		{name: "hard link"},
		{name: "copy", noLink: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.noLink {
				link = func(string, string) error { return &fs.PathError{Op: "link", Err: errors.ErrUnsupported} }
				t.Cleanup(func() { link = os.Link })
			}
			s := newStore(t)
			writeTestFile(t, s.Path(), damagedFile)
			os.Chmod(s.Path(), 0o644)
			writeTestFile(t, s.Path()+".bak", goodFile)

			got, err := s.Restore(tRestore)
			if err != nil {
				t.Fatal(err)
			}
			aside := s.Path() + ".damaged-20261126-213005"
			if want := (Restored{Path: s.Path(), Backup: s.Path() + ".bak", Aside: aside}); *got != want {
				t.Errorf("Restore = %+v, want %+v", *got, want)
			}
			if got := readFile(t, s.Path()); got != goodFile {
				t.Errorf("state file after restore =\n%s\nwant the backup", got)
			}
			if got := readFile(t, s.Path()+".bak"); got != goodFile {
				t.Errorf("backup changed to:\n%s", got)
			}
			if got := readFile(t, aside); got != damagedFile {
				t.Errorf("damaged file kept as:\n%s", got)
			}
			checkMode(t, aside, 0o600)
			checkMode(t, s.Path(), 0o600)
			if got, want := names(t, s), []string{"state.json", "state.json.bak", "state.json.damaged-20261126-213005"}; !slices.Equal(got, want) {
				t.Errorf("files %v, want %v", got, want)
			}
			if inc, ok := mustLoad(t, s).Incident(1); !ok || inc.Playbook != "amazon" {
				t.Errorf("after restore, incident 1 = %+v", inc)
			}

			// The state file reads fine now: a second restore would only
			// undo its last save.
			_, err = s.Restore(tRestore)
			if !errors.Is(err, ErrNothingToRestore) {
				t.Errorf("second Restore error = %v, want ErrNothingToRestore", err)
			}

			// Damaged again in the same second: the first one kept is kept.
			writeTestFile(t, s.Path(), "garbage")
			got, err = s.Restore(tRestore)
			if err != nil {
				t.Fatal(err)
			}
			if got.Aside != aside+"-2" || readFile(t, aside+"-2") != "garbage" || readFile(t, aside) != damagedFile {
				t.Errorf("second damaged file kept as %q", got.Aside)
			}
		})
	}
}

// With no state file at all, restoring the backup loses nothing.
func TestRestoreMissingFile(t *testing.T) {
	s := newStore(t)
	writeTestFile(t, s.Path()+".bak", goodFile)
	got, err := s.Restore(tRestore)
	if err != nil {
		t.Fatal(err)
	}
	if got.Aside != "" || readFile(t, s.Path()) != goodFile {
		t.Errorf("Restore = %+v; state file:\n%s", got, readFile(t, s.Path()))
	}
}

// Restore changes nothing when it cannot do what it says.
func TestRestoreRefuses(t *testing.T) {
	for _, tt := range []struct {
		name, state, bak string // "-" is no file
		want             string // the error after "cannot restore: "
		check            func(error) bool
	}{
		{
			name: "backup damaged too", state: damagedFile, bak: "{\"schema\": 1,\n\"incidents\": [}",
			want:  `backup "BAK" is damaged at line 2, column 15: invalid character '}' at start of value`,
			check: func(err error) bool { var d *DamagedError; return errors.As(err, &d) },
		},
		{
			name: "backup empty", state: damagedFile, bak: "",
			want: `backup "BAK" is damaged: it is empty, and acctguard never saves an empty file`,
		},
		{
			name: "no backup", state: damagedFile, bak: "-",
			want: `there is no backup "BAK"`,
		},
		{
			name: "state file fine", state: goodFile, bak: goodFile,
			want:  `state file "PATH" reads fine, and restoring its backup would undo its last save: nothing to restore`,
			check: func(err error) bool { return errors.Is(err, ErrNothingToRestore) },
		},
		{
			name: "state file from a newer acctguard", state: "{\"schema\": 2}\n", bak: goodFile,
			want:  `state file "PATH" was written by a newer acctguard (schema 2); this one reads schema 1`,
			check: func(err error) bool { var n *NewerSchemaError; return errors.As(err, &n) },
		},
		{
			name: "backup from a newer acctguard", state: damagedFile, bak: "{\"schema\": 2}\n",
			want: `state file "BAK" was written by a newer acctguard (schema 2); this one reads schema 1`,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			bak := s.Path() + ".bak"
			for path, content := range map[string]string{s.Path(): tt.state, bak: tt.bak} {
				if content != "-" {
					writeTestFile(t, path, content)
				}
			}
			before := names(t, s)
			_, err := s.Restore(tRestore)
			want := "cannot restore: " + strings.NewReplacer("PATH", s.Path(), "BAK", bak).Replace(tt.want)
			if err == nil || err.Error() != want {
				t.Fatalf("Restore error =\n%v\nwant\n%s", err, want)
			}
			if tt.check != nil && !tt.check(err) {
				t.Errorf("error %#v is not of the kind expected", err)
			}
			if got := names(t, s); !slices.Equal(got, before) {
				t.Errorf("files %v, want %v", got, before)
			}
			for path, content := range map[string]string{s.Path(): tt.state, bak: tt.bak} {
				if content != "-" && readFile(t, path) != content {
					t.Errorf("%s changed to:\n%s", path, readFile(t, path))
				}
			}
		})
	}
}

func TestRestoreWaitsForTheLock(t *testing.T) {
	s := newStore(t)
	writeTestFile(t, s.Path(), damagedFile)
	writeTestFile(t, s.Path()+".bak", goodFile)
	holdLock(t, s)
	s.LockTimeout = 10 * time.Millisecond
	var locked *LockedError
	if _, err := s.Restore(tRestore); !errors.As(err, &locked) {
		t.Fatalf("Restore error = %v, want a *LockedError", err)
	}
	if got := readFile(t, s.Path()); got != damagedFile {
		t.Errorf("state file changed to:\n%s", got)
	}
}

// A damaged file's error says whether its backup can be restored.
func TestDamagedSaysWhetherTheBackupReads(t *testing.T) {
	for _, tt := range []struct {
		bak  string
		want string
	}{
		{goodFile, "<nil>"},
		{"{", `backup "BAK" is damaged at line 1, column 2: unexpected end of JSON input`},
	} {
		s := newStore(t)
		writeTestFile(t, s.Path(), damagedFile)
		writeTestFile(t, s.Path()+".bak", tt.bak)
		_, err := s.Load()
		var d *DamagedError
		if !errors.As(err, &d) {
			t.Fatalf("Load error = %v", err)
		}
		if got, want := fmt.Sprint(d.BackupErr), strings.ReplaceAll(tt.want, "BAK", s.Path()+".bak"); got != want {
			t.Errorf("BackupErr = %s, want %s", got, want)
		}
	}
}
