package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Identity names the state file as it is on disk, from its metadata alone.
type Identity struct {
	// Key changes whenever the file is replaced (every save renames a new
	// file into place) or written in place; it is empty when there is no
	// file.
	Key string
	// Modified is when the file was last written.
	Modified time.Time
}

// Identity returns the state file's identity now, so that a caller can
// tell without reading the file that it has not changed since it last
// looked. Times on disk are coarse, so a file changed twice in the same
// instant may keep its identity: a caller to whom that matters compares
// the content of a file modified just before it looked.
func (s *Store) Identity() (Identity, error) {
	fi, err := os.Stat(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return Identity{}, nil
	}
	if err != nil {
		return Identity{}, fmt.Errorf("reading state file %q: %w", s.path, err)
	}
	return Identity{
		Key:      fmt.Sprintf("%d:%d:%s", fi.Size(), fi.ModTime().UnixNano(), systemIdentity(fi)),
		Modified: fi.ModTime(),
	}, nil
}
