package state

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// holdLock takes the state file's lock as another acctguard would, and
// returns the function that releases it.
func holdLock(t *testing.T, s *Store) func() {
	t.Helper()
	l := flock.New(s.Path() + ".lock")
	if err := l.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Unlock() })
	return func() { l.Unlock() }
}

// A save that finds the lock held says so once, and goes on as soon as it
// is released.
func TestUpdateWaitsForTheLockAndSaysSo(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	release := holdLock(t, s)
	notices := make(chan Notice, 10)
	s.Notify = func(n Notice) { notices <- n }
	s.noticeAfter = time.Millisecond
	s.LockTimeout = time.Hour

	done := make(chan error)
	go func() { done <- appendNote(s, "w", 0) }()
	if n := <-notices; n.Kind != NoticeWaiting || n.Path != s.Path() || n.Changes != nil {
		t.Errorf("notice %+v", n)
	}
	select {
	case err := <-done:
		t.Fatalf("Update returned while the lock was held: %v", err)
	default:
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(notices) != 0 {
		t.Errorf("%d more notices, want one in all", len(notices))
	}
	checkEvents(t, s, 1, 1)
}

// A save gives up after LockTimeout, having changed nothing, and the next
// one works once the lock is free again.
func TestUpdateGivesUpOnAHeldLock(t *testing.T) {
	s := newStore(t)
	mustUpdate(t, s, func(f *File) error { f.NewIncident("x", "", "", "en", t0); return nil })
	before := readFile(t, s.Path())
	release := holdLock(t, s)
	var notices []Notice
	s.Notify = func(n Notice) { notices = append(notices, n) }
	s.LockTimeout = 20 * time.Millisecond

	_, err := s.Update(func(*File) error {
		t.Error("Update called fn without the lock")
		return nil
	})
	var locked *LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("Update error = %v (%T), want a *LockedError", err, err)
	}
	want := fmt.Sprintf("state file %q is in use by another acctguard: gave up after waiting 20ms", s.Path())
	if err.Error() != want {
		t.Errorf("error =\n%s\nwant\n%s", err, want)
	}
	// Half the timeout is shorter than a second: the person heard of the
	// wait before it ended.
	if len(notices) != 1 || notices[0].Kind != NoticeWaiting {
		t.Errorf("notices %+v, want one NoticeWaiting", notices)
	}
	if got := readFile(t, s.Path()); got != before {
		t.Errorf("state file changed to:\n%s", got)
	}
	if err := s.DropPrevious(); !errors.As(err, &locked) {
		t.Errorf("DropPrevious error = %v, want a *LockedError", err)
	}

	// The waits that gave up leave no lock behind once the other
	// acctguard is done.
	release()
	s.LockTimeout = time.Minute
	if err := appendNote(s, "w", 0); err != nil {
		t.Fatal(err)
	}
	checkEvents(t, s, 1, 1)
}
