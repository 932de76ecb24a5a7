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
)

// symlink makes link point to target, or skips the test where the OS or
// the user may not make links.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A state file that is a symbolic link (to a synced folder, say) keeps
// being one: saves replace what it points to, in that folder, with the
// backup and the lock beside it.
func TestSymlinkedStateFileIsFollowed(t *testing.T) {
	for _, relative := range []bool{false, true} {
		t.Run(fmt.Sprintf("relative %v", relative), func(t *testing.T) {
			root := t.TempDir()
			real := filepath.Join(root, "synced", "acctguard.json")
			writeTestFile(t, real, goodFile)
			s := New(filepath.Join(root, "state", "acctguard", "state.json"))
			s.PrivateDir = true
			target := real
			if relative {
				target = filepath.Join("..", "..", "synced", "acctguard.json")
			}
			symlink(t, target, s.Path())
			os.Chmod(filepath.Dir(real), 0o755)

			if inc, ok := mustLoad(t, s).Incident(1); !ok || inc.Playbook != "amazon" {
				t.Fatalf("Load through the link: %+v", inc)
			}
			mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
			mustUpdate(t, s, func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })

			fi, err := os.Lstat(s.Path())
			if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
			}
			if got := len(mustLoad(t, New(real)).Incidents); got != 3 {
				t.Errorf("the file linked to has %d incidents, want 3", got)
			}
			if got := len(mustLoad(t, s).Incidents); got != 3 {
				t.Errorf("through the link: %d incidents, want 3", got)
			}
			if got, want := dirNames(t, filepath.Dir(real)), []string{"acctguard.json", "acctguard.json.bak", "acctguard.json.lock"}; !slices.Equal(got, want) {
				t.Errorf("beside the file linked to: %v, want %v", got, want)
			}
			if got, want := dirNames(t, filepath.Dir(s.Path())), []string{"state.json"}; !slices.Equal(got, want) {
				t.Errorf("beside the link: %v, want %v", got, want)
			}
			if !strings.Contains(readFile(t, real+".bak"), `"playbook": "x"`) {
				t.Errorf("backup is not the state before the last save:\n%s", readFile(t, real+".bak"))
			}
			// The folder the link points into is the person's.
			checkMode(t, filepath.Dir(real), 0o755)
		})
	}
}

// A link to a file not there yet makes it where the link points.
func TestDanglingSymlinkIsFollowed(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "synced", "state.json")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	s := New(filepath.Join(root, "acctguard", "state.json"))
	symlink(t, real, s.Path())
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	if got := len(mustLoad(t, New(real)).Incidents); got != 1 {
		t.Errorf("the file linked to has %d incidents, want 1", got)
	}

	// ...but makes no folder there: a synced folder that is not mounted
	// must not be stood in for by a new, empty one.
	gone := New(filepath.Join(root, "other", "state.json"))
	symlink(t, filepath.Join(root, "unmounted", "state.json"), gone.Path())
	_, err := gone.Update(func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "is a link into folder") {
		t.Errorf("Update through a link into a missing folder: %v", err)
	}
	if exists(filepath.Join(root, "unmounted")) {
		t.Error("a folder was made where the link points")
	}
}

func TestSymlinkLoopIsAnError(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	symlink(t, b, a)
	symlink(t, a, b)
	s := New(a)
	want := fmt.Sprintf("state file %q: too many symbolic links in a row (a loop?)", a)
	if _, err := s.Load(); err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}
	if _, err := s.Update(func(*File) error { return nil }); err == nil || err.Error() != want {
		t.Errorf("Update error = %v, want %s", err, want)
	}
}
