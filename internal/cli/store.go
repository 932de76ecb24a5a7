package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/state"
)

// stateStore is what commands need of the state file. *state.Store is the
// real one; command tests may give a command one of their own.
type stateStore interface {
	Path() string
	Load() (*state.File, error)
	Update(change func(*state.File) error) (*state.File, error)
}

// Store returns the state file the global flags chose. What it has to
// tell the person while it works goes to standard error.
func (f *Factory) Store() *state.Store {
	s := state.New(f.StateFile)
	s.Notify = func(n state.Notice) { printNotice(f.IO.ErrOut, f.Lang, n) }
	s.LockTimeout, _ = lockTimeout(f.Getenv)
	// A folder the person chose (--state, ACCTGUARD_STATE) is theirs to
	// set; acctguard's own is kept private.
	s.PrivateDir = f.StateFile == f.resolveStateFile("") && f.Getenv("ACCTGUARD_STATE") == ""
	return s
}

// lockTimeout returns how long a save waits for another acctguard:
// ACCTGUARD_LOCK_TIMEOUT (a Go duration such as 5s), else the default.
func lockTimeout(getenv func(string) string) (time.Duration, error) {
	v := getenv("ACCTGUARD_LOCK_TIMEOUT")
	if v == "" {
		return state.DefaultLockTimeout, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, i18n.Errorf("error.state.lock-timeout", v)
	}
	return d, nil
}

// printNotice tells the person what the store is doing.
func printNotice(w io.Writer, l i18n.Lang, n state.Notice) {
	switch n.Kind {
	case state.NoticeWaiting:
		fmt.Fprintf(w, "acctguard: %s\n", l.T("store.waiting"))
	case state.NoticeTightened:
		dir := filepath.Dir(n.Path)
		var items []string
		for _, c := range n.Changes {
			name := filepath.Base(c.Path)
			if c.Path == dir {
				name = l.T("store.folder")
			}
			items = append(items, fmt.Sprintf("%s %04o → %04o", name, c.From, c.To))
		}
		fmt.Fprintf(w, "acctguard: %s\n", l.Tf("store.tightened", dir, strings.Join(items, l.T("store.list-sep"))))
	}
}

// stateError adds what to do to the store's errors: a damaged file names
// its backup and what restoring it loses, and is never written over.
func stateError(err error) error {
	var damaged *state.DamagedError
	if errors.As(err, &damaged) {
		hint := i18n.M("error.state.damaged.hint")
		if errors.Is(err, state.ErrEmpty) {
			hint = i18n.M("error.state.empty.hint")
		}
		switch {
		case errors.Is(err, state.ErrMissing):
			hint = i18n.M("error.state.missing.hint", damaged.Backup, "acctguard state restore")
		case damaged.Backup != "" && damaged.BackupErr != nil:
			hint = i18n.M("error.state.both-damaged.hint", damaged.BackupErr)
		case damaged.Backup != "":
			// The backup is the file before its last save, not a copy of
			// it: whoever restores it must know what they lose.
			hint = i18n.M("error.state.restore.hint", damaged.Backup, "acctguard state restore")
		}
		return hinted(err, hint)
	}
	var newer *state.NewerSchemaError
	if errors.As(err, &newer) {
		return hinted(err, i18n.M("error.state.newer.hint"))
	}
	var locked *state.LockedError
	switch {
	case errors.As(err, &locked):
		return hinted(err, i18n.M("error.state.locked.hint"))
	case errors.Is(err, state.ErrDiskFull):
		return hinted(err, i18n.M("error.state.disk-full.hint"))
	case errors.Is(err, state.ErrNotWritable):
		return hinted(err, i18n.M("error.state.not-writable.hint"))
	case errors.Is(err, state.ErrFolder):
		return hinted(err, i18n.M("error.state.folder.hint"))
	case errors.Is(err, fs.ErrPermission):
		return hinted(err, i18n.M("error.state.permission.hint"))
	}
	return err
}

// loadState reads the state file without taking the lock.
func loadState(store stateStore) (*state.File, error) {
	file, err := store.Load()
	if err != nil {
		return nil, stateError(err)
	}
	return file, nil
}

// updateState applies change under the lock and saves it.
func updateState(store stateStore, change func(*state.File) error) (*state.File, error) {
	file, err := store.Update(change)
	if err != nil {
		return nil, stateError(err)
	}
	return file, nil
}

// updateIncident applies change to incident id under the lock, saves it,
// and returns the incident as saved. An incident deleted in another
// window since it was read is an error.
func updateIncident(store stateStore, id int, change func(*state.Incident) error) (*state.Incident, error) {
	file, err := updateState(store, func(file *state.File) error {
		inc, ok := file.Incident(id)
		if !ok {
			return i18n.Errorf("error.incident.gone-window", id)
		}
		return change(inc)
	})
	if err != nil {
		return nil, err
	}
	inc, _ := file.Incident(id)
	return inc, nil
}

// appendEvent records e in incident id under the lock, and returns the
// incident as saved.
func appendEvent(store stateStore, id int, e state.Event) (*state.Incident, error) {
	return updateIncident(store, id, func(inc *state.Incident) error {
		inc.Events = append(inc.Events, e)
		return nil
	})
}
