package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// failWrites makes every atomic write fail as op on a fresh temp file
// would, with errno, having written nothing.
func failWrites(t *testing.T, op string, errno error) {
	t.Helper()
	atomicWrite = func(path string, _ []byte, _ os.FileMode, _ func()) error {
		return &fs.PathError{Op: op, Path: tempName(path), Err: errno}
	}
	t.Cleanup(func() { atomicWrite = defaultAtomicWrite })
}

var defaultAtomicWrite = atomicWrite

// A save that fails on a full or read-only disk says so plainly, without
// the temp file's name, and leaves the state file and its backup as they
// were.
func TestFailedSaveSaysWhyAndChangesNothing(t *testing.T) {
	for _, tt := range []struct {
		op    string
		errno error
		is    error
		want  string // after `saving state file "PATH": `
	}{
		{"write", syscall.ENOSPC, ErrDiskFull, "the disk is full: no space left on device"},
		{"sync", syscall.EDQUOT, ErrDiskFull, "the disk is full: disk quota exceeded"},
		{"open", syscall.EACCES, ErrNotWritable, `acctguard may not write in its folder "DIR": permission denied`},
		{"open", syscall.EROFS, ErrNotWritable, `acctguard may not write in its folder "DIR": read-only file system`},
		{"write", syscall.EIO, nil, "input/output error"},
	} {
		t.Run(fmt.Sprint(tt.errno), func(t *testing.T) {
			s := newStore(t)
			mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
			mustUpdate(t, s, func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
			state, bak := readFile(t, s.Path()), readFile(t, s.Path()+".bak")

			failWrites(t, tt.op, tt.errno)
			_, err := s.Update(func(f *File) error { f.NewIncident("z", "", "", "en", t0); return nil })
			want := fmt.Sprintf("saving state file %q: ", s.Path()) + strings.ReplaceAll(tt.want, "DIR", filepath.Dir(s.Path()))
			if err == nil || err.Error() != want {
				t.Fatalf("Update error =\n%v\nwant\n%s", err, want)
			}
			var se *SaveError
			if !errors.As(err, &se) || !errors.Is(err, tt.errno) {
				t.Errorf("error %#v is not a *SaveError wrapping %v", err, tt.errno)
			}
			for _, sentinel := range []error{ErrDiskFull, ErrNotWritable} {
				if got := errors.Is(err, sentinel); got != (sentinel == tt.is) {
					t.Errorf("errors.Is(err, %v) = %v", sentinel, got)
				}
			}
			if got := readFile(t, s.Path()); got != state {
				t.Errorf("state file changed to:\n%s", got)
			}
			if got := readFile(t, s.Path()+".bak"); got != bak {
				t.Errorf("backup changed to:\n%s", got)
			}
		})
	}
}

// A real read-only folder, where the OS enforces it (not for root).
func TestSaveInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere")
	}
	for _, withLock := range []bool{true, false} {
		s := newStore(t)
		mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
		before := readFile(t, s.Path())
		dir := filepath.Dir(s.Path())
		if !withLock {
			os.Remove(s.Path() + ".lock")
		}
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		_, err := s.Update(func(f *File) error { f.NewIncident("y", "", "", "en", t0); return nil })
		want := fmt.Sprintf("saving state file %q: acctguard may not write in its folder %q: permission denied", s.Path(), dir)
		if err == nil || err.Error() != want || !errors.Is(err, ErrNotWritable) {
			t.Errorf("lock file there %v: Update error =\n%v\nwant\n%s", withLock, err, want)
		}
		if got := readFile(t, s.Path()); got != before {
			t.Errorf("state file changed to:\n%s", got)
		}
	}
}

// A folder where the state file should be is named as such.
func TestStateFileIsAFolder(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(s.Path(), 0o700); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("reading state file %q: it is a folder, not a file", s.Path())
	if _, err := s.Load(); err == nil || err.Error() != want || !errors.Is(err, ErrFolder) {
		t.Errorf("Load error = %v, want %s", err, want)
	}
	if _, err := s.Update(func(*File) error { t.Error("fn called"); return nil }); err == nil || err.Error() != want {
		t.Errorf("Update error = %v, want %s", err, want)
	}
	if entries, _ := os.ReadDir(s.Path()); len(entries) != 0 {
		t.Errorf("something was written in the folder: %v", entries)
	}
}
