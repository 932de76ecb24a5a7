package state

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// A save takes others' access off the state file, its backup, its lock
// file and (when it is acctguard's own) its folder, and says so once.
func TestSaveMakesFilesPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	for _, privateDir := range []bool{true, false} {
		s := newStore(t)
		s.PrivateDir = privateDir
		mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
		mustUpdate(t, s, func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
		dir := filepath.Dir(s.Path())
		loose := map[string]fs.FileMode{dir: 0o777, s.Path(): 0o666, s.Path() + ".bak": 0o644, s.Path() + ".lock": 0o660}
		for p, m := range loose {
			if err := os.Chmod(p, m); err != nil {
				t.Fatal(err)
			}
		}
		var notices []Notice
		s.Notify = func(n Notice) { notices = append(notices, n) }

		// Nothing to save: nothing is touched.
		mustUpdate(t, s, func(*File) error { return nil })
		checkMode(t, s.Path(), 0o666)

		mustUpdate(t, s, func(f *File) error { f.NewIncident("z", "", "", "en", t0); return nil })
		want := []ModeChange{
			{s.Path(), 0o666, 0o600},
			{s.Path() + ".bak", 0o644, 0o600},
			{s.Path() + ".lock", 0o660, 0o600},
		}
		if privateDir {
			want = append([]ModeChange{{dir, 0o777, 0o700}}, want...)
			checkMode(t, dir, 0o700)
		} else {
			// A folder the person chose is theirs to set.
			checkMode(t, dir, 0o777)
		}
		if len(notices) != 1 || notices[0].Kind != NoticeTightened || notices[0].Path != s.Path() || !slices.Equal(notices[0].Changes, want) {
			t.Errorf("PrivateDir %v: notices %+v, want one NoticeTightened with %+v", privateDir, notices, want)
		}
		// The backup is a hard link to the file as it was: private too.
		for _, p := range []string{s.Path(), s.Path() + ".bak", s.Path() + ".lock"} {
			checkMode(t, p, 0o600)
		}

		// Said once: the next save has nothing to change.
		mustUpdate(t, s, func(f *File) error { f.NewIncident("w", "", "", "en", t0); return nil })
		if len(notices) != 1 {
			t.Errorf("PrivateDir %v: %d notices after the next save, want still 1", privateDir, len(notices))
		}
	}
}
