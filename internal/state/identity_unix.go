//go:build linux || darwin

package state

import (
	"fmt"
	"os"
	"syscall"
)

// systemIdentity adds the device, inode and change time, which no tool can
// set back: a file renamed into place has a new inode.
func systemIdentity(fi os.FileInfo) string {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d:%d:%d", st.Dev, st.Ino, changeTime(st))
}
