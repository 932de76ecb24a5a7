//go:build windows

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// write uses a temp file and os.Rename, which replaces the target on
// Windows (MoveFileEx with MOVEFILE_REPLACE_EXISTING); renameio does not
// build there. Windows cannot sync a directory through an ordinary handle,
// and NTFS journals the rename, so there is no directory sync.
func write(path string, data []byte, perm os.FileMode, beforeReplace func()) (err error) {
	// The same "." + name + digits pattern renameio uses elsewhere, so
	// stale temp files are recognised on every OS.
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
	if err := os.Chmod(f.Name(), perm); err != nil {
		return err
	}
	return Replace(f.Name(), path)
}

// errSharingViolation is ERROR_SHARING_VIOLATION, which the syscall package
// does not name.
const errSharingViolation syscall.Errno = 32

// Replace renames from over to. A reader that has the target open (another
// acctguard loading it, a virus scanner) makes the rename fail for a moment
// on Windows, so it is retried briefly before giving up.
func Replace(from, to string) error {
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

// syncDir does nothing: see write.
func syncDir(string) error { return nil }
