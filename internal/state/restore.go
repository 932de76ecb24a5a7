package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/acctguard/acctguard/internal/atomicfile"
)

// Restored says what Restore did.
type Restored struct {
	// Path is the state file, which now holds what the backup holds.
	Path string
	// Backup is the backup it was restored from; it is left in place.
	Backup string
	// Aside is where the damaged state file was kept, or "" when there
	// was no state file.
	Aside string
}

// ErrNothingToRestore is wrapped by Restore's error when the state file
// reads fine: restoring over it would undo its last save.
var ErrNothingToRestore = texts.Errorf("statefile.nothing-to-restore")

// Restore puts the backup in place of a damaged (or missing) state file,
// under the lock. The backup must read as a state file. The damaged file
// is kept beside it as state.json.damaged-YYYYMMDD-HHMMSS (the time is
// now's, in now's zone), and the backup stays where it is; only then is
// the backup's content put in place, atomically, so that every moment
// there is a readable state file or none, and nothing is lost.
//
// The backup is the state before the last save: what that save recorded
// is not in it (the damaged file kept aside may still hold it).
//
// When anything is wrong nothing is changed: no backup, a backup that is
// damaged too or from a newer acctguard, a state file that reads fine
// (ErrNothingToRestore) or is from a newer acctguard.
func (s *Store) Restore(now time.Time) (*Restored, error) {
	s, err := s.resolved()
	if err != nil {
		return nil, err
	}
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()

	bak := s.backupPath()
	_, good, err := readState(bak, "backup")
	if err != nil {
		return nil, texts.Errorf("statefile.cannot-restore", err)
	}
	if good == nil {
		return nil, texts.Errorf("statefile.no-backup", bak)
	}

	res := &Restored{Path: s.path, Backup: bak}
	damaged, err := readBytes(s.path, "state file")
	if err != nil {
		return nil, texts.Errorf("statefile.cannot-restore", err)
	}
	if damaged != nil {
		_, err := decode(s.path, damaged)
		var d *DamagedError
		switch {
		case err == nil:
			return nil, texts.Errorf("statefile.reads-fine", s.path, ErrNothingToRestore)
		case !errors.As(err, &d):
			// A newer acctguard's file is not damaged.
			return nil, texts.Errorf("statefile.cannot-restore", err)
		}
		if res.Aside, err = keepAside(s.path, damaged, now); err != nil {
			return nil, texts.Errorf("statefile.cannot-keep", err)
		}
	}
	if err := writeFile(s.path, good, nil); err != nil {
		return nil, texts.Errorf("statefile.cannot-restore", saveError(s.path, err))
	}
	return res, nil
}

// keepAside keeps the file at path, whose content is data, under a new
// name beside it, path.damaged-YYYYMMDD-HHMMSS (-2, -3... when that is
// taken), without moving it: a hard link, or a copy where there are no
// hard links. It returns the new name.
func keepAside(path string, data []byte, now time.Time) (string, error) {
	base := path + ".damaged-" + now.Format("20060102-150405")
	for n := 1; n <= 100; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		err := link(path, name)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			err = copyNew(name, data)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		// It holds the person's records like the state file does.
		if err := os.Chmod(name, 0o600); err != nil {
			return "", err
		}
		return name, atomicfile.SyncDir(filepath.Dir(name))
	}
	return "", texts.Errorf("statefile.names-taken", base)
}

// copyNew writes data to a new file name, failing with fs.ErrExist when
// it exists, and flushes it to disk.
func copyNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
