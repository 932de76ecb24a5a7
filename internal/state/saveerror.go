package state

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/acctguard/acctguard/internal/i18n"
)

// ErrFolder is the error reading a state file that is a folder.
var ErrFolder = texts.Errorf("statefile.folder")

// ErrNotWritable and ErrDiskFull are matched (errors.Is) by a *SaveError
// that failed because acctguard may not write in the state file's folder
// (or its disk is read-only), or because the disk, or the person's quota
// on it, is full. Both happen before the new file replaces the old one,
// so the state file is as it was.
var (
	ErrNotWritable = texts.Errorf("statefile.not-writable")
	ErrDiskFull    = texts.Errorf("statefile.disk-full")
)

// SaveError reports a save that failed. Err is the cause, without the
// names of acctguard's temp files, which mean nothing to the person.
type SaveError struct {
	Path string
	Err  error
}

func (e *SaveError) Error() string { return e.In(i18n.English) }

func (e *SaveError) Unwrap() error { return e.Err }

func (e *SaveError) Is(target error) bool {
	switch target {
	case ErrNotWritable:
		return errors.Is(e.Err, fs.ErrPermission) || errors.Is(e.Err, syscall.EROFS)
	case ErrDiskFull:
		if runtime.GOOS == "windows" {
			return errors.Is(e.Err, errDiskFullWindows) || errors.Is(e.Err, errHandleDiskFullWindows)
		}
		return errors.Is(e.Err, syscall.ENOSPC) || errors.Is(e.Err, syscall.EDQUOT)
	}
	return false
}

// ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL, which syscall does not name;
// the same numbers mean other things on Unix.
const (
	errDiskFullWindows       syscall.Errno = 112
	errHandleDiskFullWindows syscall.Errno = 39
)

// saveError returns err, from saving the state file at path, as a
// *SaveError without the temp files' names, or nil.
func saveError(path string, err error) error {
	if err == nil {
		return nil
	}
	return &SaveError{Path: path, Err: withoutTempNames(err, path, path+".bak")}
}

// withoutTempNames returns the cause of err when err names a temp file of
// ours (open, write, sync or rename of one), else err.
func withoutTempNames(err error, targets ...string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && isTempFor(filepath.Base(pe.Path), targets...) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) && isTempFor(filepath.Base(le.Old), targets...) {
		return le.Err
	}
	return err
}
