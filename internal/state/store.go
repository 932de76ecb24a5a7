package state

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/atomicfile"
)

// Store reads and updates one state file. It is safe for concurrent use.
//
// It keeps nothing in memory between calls: the cli makes a new Store for
// every call, so a cache would never be hit, only be one more thing to get
// wrong.
type Store struct {
	path string

	// Notify, when not nil, hears what the person should know while the
	// store works, such as that it waits for another acctguard. Set it
	// before the Store is used.
	Notify func(Notice)
	// LockTimeout is how long a save waits for another acctguard before
	// it gives up; zero means DefaultLockTimeout.
	LockTimeout time.Duration
	// PrivateDir says the folder of the state file is acctguard's own
	// (the default place, not one the person chose), so a save keeps it
	// private (0700) as well as the files.
	PrivateDir bool
	// noticeAfter replaces the wait before NoticeWaiting, for tests.
	noticeAfter time.Duration
	// linked is set on the store resolved() returns for a state file that
	// is a symbolic link; path is then where it points.
	linked bool
}

// New returns the store for the state file at path. Nothing on disk is
// touched until the first Update.
func New(path string) *Store {
	return &Store{path: path}
}

// Path returns the path of the state file.
func (s *Store) Path() string { return s.path }

func (s *Store) lockPath() string   { return s.path + ".lock" }
func (s *Store) backupPath() string { return s.path + ".bak" }

// Load reads the state file without taking the lock: files are only ever
// replaced whole by rename, so a reader sees either the old or the new one.
// A missing file is an empty File, and nothing is created.
func (s *Store) Load() (*File, error) {
	t, err := s.resolved()
	if err != nil {
		return nil, err
	}
	f, _, err := t.read()
	return f, err
}

// Update applies fn to the current state and saves the result, under a lock
// so that concurrent acctguard processes see and keep each other's changes.
// fn must not wait for the person: other processes wait while it runs.
// Update itself waits at most LockTimeout for another process to finish,
// and then fails with a *LockedError.
//
// If fn returns an error nothing is written and that error is returned as
// it is. A damaged file or one from a newer acctguard is reported before fn
// is called and left untouched.
//
// The directory and the lock file beside the state file are created (0700
// and 0600) before fn runs, because the lock needs them; the state file
// itself is created only when there is something to save.
//
// A state file that is a symbolic link is followed: what it points to is
// replaced, in its own folder, and the link is left as it is.
func (s *Store) Update(fn func(*File) error) (*File, error) {
	t, err := s.resolved()
	if err != nil {
		return nil, err
	}
	return t.update(fn)
}

func (s *Store) update(fn func(*File) error) (*File, error) {
	if err := s.makeDir(); err != nil {
		return nil, err
	}
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()

	f, old, err := s.read()
	if err != nil {
		return nil, err
	}
	if err := fn(f); err != nil {
		return nil, err
	}
	f.Schema = SchemaVersion
	data, err := encode(f)
	if err != nil {
		return nil, texts.Errorf("statefile.save", s.path, err)
	}
	// Saving an unchanged file would only turn the backup into a second
	// copy of the current file and lose the previous good one.
	if old != nil && bytes.Equal(old, data) {
		return f, nil
	}
	if err := s.save(old, data); err != nil {
		return nil, err
	}
	return f, nil
}

// DropPrevious makes the backup hold the current state instead of the
// state before the last save, so that what that save removed (a deleted
// incident) is kept nowhere. It takes the lock, as a save does.
func (s *Store) DropPrevious() error {
	s, err := s.resolved()
	if err != nil {
		return err
	}
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	// A damaged file must not replace the backup: that may be the only
	// good copy left.
	_, data, err := s.read()
	if err != nil {
		return err
	}
	if data == nil {
		if err := os.Remove(s.backupPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return texts.Errorf("statefile.removing", s.backupPath(), err)
		}
		return nil
	}
	if err := backup(s.path, s.backupPath(), data); err != nil {
		return texts.Errorf("statefile.replacing", s.backupPath(), err)
	}
	return nil
}

// resolved returns the store for the file the state file's path stands
// for: s itself, or, when the path is a symbolic link, a copy of s for the
// file it points to (through any chain of links). A save then replaces
// that file, in its own folder, with its backup and its lock beside it,
// and the link stays as it is: replacing the link with a regular file
// would leave its target without updates, and the person without a word.
func (s *Store) resolved() (*Store, error) {
	target, err := followLinks(s.path)
	if err != nil || target == s.path {
		return s, err
	}
	t := *s
	t.path, t.linked = target, true
	// The folder the link points into was chosen by the person.
	t.PrivateDir = false
	return &t, nil
}

// followLinks returns the file path stands for: path itself, or, when it
// is a symbolic link, where it points, link after link. A path that does
// not exist, or cannot be looked at, stands for itself; reading it says
// why.
func followLinks(path string) (string, error) {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", texts.Errorf("statefile.reading-link", p, err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return "", texts.Errorf("statefile.link-loop", path)
}

// makeDir creates the folder of the state file (0700), which the lock file
// needs; the folder a link points into must exist already.
func (s *Store) makeDir() error {
	dir := filepath.Dir(s.path)
	if s.linked {
		if _, err := os.Stat(dir); err != nil {
			return texts.Errorf("statefile.link-folder", s.path, dir, err)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return texts.Errorf("statefile.making-dir", dir, err)
	}
	return nil
}

// read returns the decoded file and its bytes; the bytes are nil when the
// file does not exist. Damage names the backup when there is one, and says
// whether it can be read.
func (s *Store) read() (*File, []byte, error) {
	f, data, err := readState(s.path, "state file")
	if err == nil && data == nil {
		// No state file, but a backup: something removed the file. Read
		// as "no incidents", the next two saves would replace the backup,
		// the last copy of the person's records.
		if bak, _ := readBytes(s.backupPath(), "backup"); len(bytes.TrimSpace(bak)) > 0 {
			err = &DamagedError{Path: s.path, Err: ErrMissing}
		}
	}
	var d *DamagedError
	if errors.As(err, &d) {
		if _, statErr := os.Lstat(s.backupPath()); statErr == nil {
			d.Backup = s.backupPath()
			_, _, d.BackupErr = readState(s.backupPath(), "backup")
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return f, data, nil
}

// readState reads and decodes the state file or backup at path; what
// names it in errors. A missing file is an empty File, with nil bytes.
func readState(path, what string) (*File, []byte, error) {
	data, err := readBytes(path, what)
	if err != nil {
		return nil, nil, err
	}
	if data == nil {
		return empty(), nil, nil
	}
	f, err := decode(path, data)
	var d *DamagedError
	if errors.As(err, &d) {
		d.what = what
	}
	if err != nil {
		return nil, nil, err
	}
	return f, data, nil
}

// readBytes returns the bytes of the file at path, or nil when there is
// none; an empty file is an empty slice, not nil.
func readBytes(path, what string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if fi, statErr := os.Stat(path); err != nil && statErr == nil && fi.IsDir() {
		err = ErrFolder
	}
	if err != nil {
		return nil, texts.Errorf("statefile.reading", whatFile(what), path, err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// save replaces the state file with data, keeping old (the current file's
// bytes, nil if there is none) as the backup. The lock must be held.
func (s *Store) save(old, data []byte) error {
	removeStaleTemps(s.path, s.backupPath())
	if changes := s.tighten(); len(changes) > 0 {
		s.notify(Notice{Kind: NoticeTightened, Path: s.path, Changes: changes})
	}
	err := writeFile(s.path, data, func() {
		// The backup is refreshed only once the new content is written:
		// a save that fails (a full disk) leaves it as it was.
		//
		// An empty file is not worth keeping, and keeping it would
		// replace a backup that may be the only copy of the person's
		// records. The backup is a safety net: failing to refresh it must
		// not cost the person the answer they just gave, so its error is
		// dropped.
		if len(old) > 0 {
			_ = backup(s.path, s.backupPath(), old)
		}
	})
	return saveError(s.path, err)
}

// writeFile replaces path with data, private to the person; before, when
// not nil, runs once the new content is written and before it replaces
// path.
func writeFile(path string, data []byte, before func()) error {
	return atomicWrite(path, data, 0o600, func() {
		if before != nil {
			before()
		}
		beforeReplace()
	})
}

// atomicWrite is atomicfile.Write; tests replace it to fail as a full or
// read-only disk does.
var atomicWrite = atomicfile.Write

// backup makes bak a copy of the file at path, whose content is old.
func backup(path, bak string, old []byte) error {
	// A hard link costs no copying; renaming it over bak swaps the backup
	// atomically. state.json is only ever replaced, never written in place,
	// so sharing its inode with the backup is safe.
	tmp, err := linkTemp(path, bak)
	if err == nil {
		err = atomicfile.Replace(tmp, bak)
		// When bak is already a link to the same file (a crash came between
		// the backup and the save), rename does nothing and leaves tmp.
		os.Remove(tmp)
		return err
	}
	// Some file systems (FAT, some network shares) have no hard links.
	return atomicWrite(bak, old, 0o600, nil)
}

// beforeReplace runs in writeFile between writing the temp file and putting
// it in place; a test uses it to kill a process at exactly that point.
var beforeReplace = func() {}

// link is os.Link; tests replace it to take the copying path.
var link = os.Link

// linkTemp hard-links path to a fresh temp name for target in target's
// directory, and returns that name.
func linkTemp(path, target string) (string, error) {
	for range 100 {
		tmp := tempName(target)
		err := link(path, tmp)
		if !errors.Is(err, fs.ErrExist) {
			return tmp, err
		}
	}
	return "", texts.Errorf("statefile.no-temp-name", target)
}

// tempName returns a temp name for target: "." + its base name + decimal
// digits, in the same directory. It is the pattern renameio uses, so every
// temp file of ours, whoever created it, is recognised by isTempFor.
func tempName(target string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+strconv.FormatInt(rand.Int64(), 10))
}

// isTempFor reports whether name (a base name) is a temp file for one of
// the targets.
func isTempFor(name string, targets ...string) bool {
	for _, t := range targets {
		digits, ok := strings.CutPrefix(name, "."+filepath.Base(t))
		if ok && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	return false
}

// removeStaleTemps removes temp files a crashed acctguard left beside the
// state file. Temp files are only created under the lock, so while we hold
// it every one that exists is stale. Failing to remove one costs only disk
// space, so errors are ignored: they must not stop a save.
func removeStaleTemps(path, bak string) {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isTempFor(e.Name(), path, bak) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
