//go:build !windows

package state

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

// writeFile atomically replaces path with data: a temp file in the same
// directory, mode 0600, synced, renamed over path, then the directory synced
// so that the rename itself survives a power cut.
func writeFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	// The temp file must be in dir: renameio's default is $TMPDIR, which
	// would leave copies of private records in /tmp after a crash.
	t, err := renameio.TempFile(dir, path)
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if _, err := t.Write(data); err != nil {
		return err
	}
	beforeReplace()
	// CloseAtomicallyReplace fsyncs before it renames.
	if err := t.CloseAtomicallyReplace(); err != nil {
		return err
	}
	return syncDir(dir)
}

// replaceFile renames from over to.
func replaceFile(from, to string) error {
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
