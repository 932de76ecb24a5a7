// Package atomicfile replaces a file whole or not at all: a reader, or the
// next run after a crash, sees the old content or the new, never a mix.
package atomicfile

import "os"

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
