package state

import (
	"errors"
	"io/fs"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/gofrs/flock"
)

// DefaultLockTimeout is how long a save waits for another acctguard to
// finish before it gives up. Holding the lock takes milliseconds (nothing
// waits for the person while it is held), so waiting this long means the
// other one is stuck; the person is told to close it rather than being
// left with a window that never answers.
const DefaultLockTimeout = 30 * time.Second

// waitNoticeAfter is how long a save waits before the person is told that
// it is waiting.
const waitNoticeAfter = time.Second

// LockedError reports that another acctguard held the state file's lock
// for longer than the store would wait. Nothing was read or written.
type LockedError struct {
	Path   string
	Waited time.Duration
}

func (e *LockedError) Error() string { return e.In(i18n.English) }

// lock takes the lock on the sidecar lock file, waiting for another
// acctguard to release it: Notify hears of the wait after a second (or
// half the timeout, when that is shorter), and after the timeout it gives
// up with a *LockedError. It returns the function that releases the lock.
func (s *Store) lock() (func(), error) {
	// The lock is on a sidecar file that is never deleted or replaced. A
	// lock on state.json itself would sit on the inode that a save's
	// rename replaces, and a process waiting on it would then hold a lock
	// on a file nobody reads.
	l := flock.New(s.lockPath(), flock.SetPermissions(0o600))
	unlock := func() { l.Unlock() }
	ok, err := l.TryLock()
	if err != nil {
		// The lock file is made on first use: in a folder acctguard may
		// not write in, that is where a save fails.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			if se := (&SaveError{Path: s.path, Err: pe.Err}); se.Is(ErrNotWritable) {
				return nil, se
			}
		}
		return nil, texts.Errorf("statefile.locking", s.path, err)
	}
	if ok {
		return unlock, nil
	}

	// Wait in a blocking Lock, not by polling: the kernel hands the lock
	// over the moment it is released, which keeps concurrent saves fair
	// and fast. If we give up first, the goroutine releases the lock
	// as soon as it gets it.
	got := make(chan error)
	abandoned := make(chan struct{})
	go func() {
		err := l.Lock()
		select {
		case got <- err:
		case <-abandoned:
			l.Unlock()
		}
	}()
	timeout := s.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	noticeAfter := min(waitNoticeAfter, timeout/2)
	if s.noticeAfter > 0 {
		noticeAfter = s.noticeAfter
	}
	start := time.Now()
	notice := time.NewTimer(noticeAfter)
	defer notice.Stop()
	giveUp := time.NewTimer(timeout)
	defer giveUp.Stop()
	noticed := false
	for {
		select {
		case err := <-got:
			if err != nil {
				return nil, texts.Errorf("statefile.locking", s.path, err)
			}
			return unlock, nil
		case <-notice.C:
			noticed = true
			s.notify(Notice{Kind: NoticeWaiting, Path: s.path})
		case <-giveUp.C:
			close(abandoned)
			// Both timers may have fired by the time we look; the person
			// hears of the wait before hearing that it ended.
			if !noticed && time.Since(start) >= noticeAfter {
				s.notify(Notice{Kind: NoticeWaiting, Path: s.path})
			}
			return nil, &LockedError{Path: s.path, Waited: timeout}
		}
	}
}
