package state

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// ModeChange is one file or folder whose permissions a save tightened.
type ModeChange struct {
	Path     string
	From, To fs.FileMode
}

// tighten takes group and other permissions off the state file, its backup
// and its lock file, and off their folder when it is acctguard's own
// (PrivateDir), and returns what it changed. It runs under the lock before
// a save, so the backup the save makes (a hard link to the state file as
// it is) is private too. A file or folder it cannot change is left as it
// is: that must not cost the person the answer being saved.
func (s *Store) tighten() []ModeChange {
	if runtime.GOOS == "windows" {
		return nil // no Unix permission bits there
	}
	var paths []string
	if s.PrivateDir {
		paths = append(paths, filepath.Dir(s.path))
	}
	paths = append(paths, s.path, s.backupPath(), s.lockPath())
	var changes []ModeChange
	for _, p := range paths {
		// Lstat: a link's own mode means nothing, and chmod would change
		// whatever it points to.
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
			continue
		}
		from := fi.Mode().Perm()
		to := from &^ 0o077
		if from == to {
			continue
		}
		if os.Chmod(p, to) == nil {
			changes = append(changes, ModeChange{Path: p, From: from, To: to})
		}
	}
	return changes
}
