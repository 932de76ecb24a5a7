package cli

import (
	"errors"
	"fmt"

	"github.com/acctguard/acctguard/internal/state"
)

// stateStore is what commands need of the state file. *state.Store is the
// real one; command tests may give a command one of their own.
type stateStore interface {
	Path() string
	Load() (*state.File, error)
	Update(change func(*state.File) error) (*state.File, error)
}

// Store returns the state file the global flags chose.
func (f *Factory) Store() *state.Store { return state.New(f.StateFile) }

// stateError adds what to do to the store's errors: a damaged file names
// the last good copy, and is never written over.
func stateError(err error) error {
	var damaged *state.DamagedError
	if errors.As(err, &damaged) {
		hint := "the file was left exactly as it is; repair it by hand, or move it away to start afresh"
		if errors.Is(err, state.ErrEmpty) {
			hint = "the file was left exactly as it is; put it back from a backup of your computer if you have one, or remove it to start afresh"
		}
		if damaged.Backup != "" {
			hint = fmt.Sprintf("the last good copy is %s; the damaged file was left exactly as it is", damaged.Backup)
		}
		return withHint(err, hint)
	}
	var newer *state.NewerSchemaError
	if errors.As(err, &newer) {
		return withHint(err, "use the newer acctguard that wrote it")
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

// appendEvent records e in incident id under the lock, and returns the
// incident as saved.
func appendEvent(store stateStore, id int, e state.Event) (*state.Incident, error) {
	file, err := updateState(store, func(file *state.File) error {
		inc, ok := file.Incident(id)
		if !ok {
			return fmt.Errorf("incident %d no longer exists; was it deleted in another window?", id)
		}
		inc.Events = append(inc.Events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	inc, _ := file.Incident(id)
	return inc, nil
}
