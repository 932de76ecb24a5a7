//go:build windows

package state

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// writeFile atomically replaces path with data: a temp file in the same
// directory, synced, then renamed over path. renameio does not build on
// Windows; os.Rename there uses MoveFileEx with MOVEFILE_REPLACE_EXISTING,
// which replaces the target. Windows cannot sync a directory through an
// ordinary handle, and NTFS journals the rename, so there is no directory
// sync here.
func writeFile(path string, data []byte) (err error) {
	// The same "." + name + digits pattern renameio uses elsewhere, so stale
	// temp files are recognised on every OS.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	beforeReplace()
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return replaceFile(f.Name(), path)
}

// errSharingViolation is ERROR_SHARING_VIOLATION, which the syscall package
// does not name.
const errSharingViolation syscall.Errno = 32

// replaceFile renames from over to. A reader that has the target open
// (another acctguard loading it, a virus scanner) makes the rename fail for
// a moment on Windows, so it is retried briefly before giving up.
func replaceFile(from, to string) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		err := os.Rename(from, to)
		if err == nil || time.Now().After(deadline) ||
			!(errors.Is(err, fs.ErrPermission) || errors.Is(err, errSharingViolation)) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}
