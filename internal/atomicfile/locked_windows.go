//go:build windows

package atomicfile

import (
	"errors"
	"syscall"
)

// Windows error numbers for a file another process holds open.
const (
	errorSharingViolation syscall.Errno = 32 // ERROR_SHARING_VIOLATION
	errorLockViolation    syscall.Errno = 33 // ERROR_LOCK_VIOLATION
)

// sharingViolation reports whether err says another program has the file open.
func sharingViolation(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}
