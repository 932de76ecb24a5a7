// Package atomicfile replaces a file whole or not at all: a reader, or the
// next run after a crash, sees the old content or the new, never a mix.
package atomicfile

import "os"

// WriteFile replaces path with data, creating it with perm when it does not
// exist. The new content is written to a temp file in the same directory,
// flushed to disk and renamed over path; on Unix the directory is flushed
// too, so that the rename survives a power cut.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return writeFile(path, data, perm)
}
