//go:build !windows

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

func write(path string, data []byte, perm os.FileMode, beforeReplace func()) error {
	dir := filepath.Dir(path)
	// The temp file goes in dir: renameio's default is $TMPDIR, which would
	// leave copies of private records in /tmp after a crash.
	t, err := renameio.TempFile(dir, path)
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if err := t.Chmod(perm); err != nil {
		return err
	}
	if _, err := t.Write(data); err != nil {
		return err
	}
	beforeReplace()
	if err := t.CloseAtomicallyReplace(); err != nil { // fsyncs, then renames
		return err
	}
	return syncDir(dir)
}

// Replace renames from over to.
func Replace(from, to string) error {
	return os.Rename(from, to)
}

// syncDir makes the directory's entries durable; renameio does not.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	err = d.Sync()
	// Some file systems cannot sync a directory. The new file is in place
	// and readable either way; reporting a failed save would make the
	// person think their answer was lost.
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		return nil
	}
	return err
}
