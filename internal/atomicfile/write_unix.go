//go:build !windows

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
)

func writeFile(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	// The temp file goes in dir, not renameio's default of $TMPDIR, which
	// is another file system for rename and would leave copies behind.
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
	if err := t.CloseAtomicallyReplace(); err != nil { // fsyncs, then renames
		return err
	}
	return syncDir(dir)
}

// syncDir makes the directory's entries durable; renameio does not.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	err = d.Sync()
	// Some file systems cannot sync a directory; the file is in place.
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		return nil
	}
	return err
}
