// Package atomicfile replaces a file whole or not at all: a reader, or the
// next run after a crash, sees the old content or the new, never a mix.
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile replaces path with data, creating it with perm when it does not
// exist. The new content is written to a temp file in the same directory,
// named "." + the file's name + digits, flushed to disk and renamed over
// path; on Unix the directory is flushed too, so that the rename survives a
// power cut.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, data, perm, nil)
}

// Write is WriteFile; beforeReplace, when not nil, runs after the temp file
// is written and before it replaces path. Crash tests use it to stop a
// process at exactly that point.
func Write(path string, data []byte, perm os.FileMode, beforeReplace func()) error {
	if beforeReplace == nil {
		beforeReplace = func() {}
	}
	return write(path, data, perm, beforeReplace)
}

// WriteCache replaces path with data like WriteFile, without flushing
// anything to disk: for a file that can be worked out again, where losing
// the newest content in a power cut costs nothing but the time to redo
// it, and waiting for the disk on every write would cost more. A reader
// still sees the old content or the new, never a mix. The file is created
// with mode 0600.
func WriteCache(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = Replace(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// SyncDir makes the entries of dir (a new name, a rename) durable where
// the OS can. It is what Write does after its rename, for callers that
// make names of their own.
func SyncDir(dir string) error {
	return syncDir(dir)
}
