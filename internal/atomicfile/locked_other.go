//go:build !windows

package atomicfile

// sharingViolation reports whether err says another program has the file
// open; only Windows has sharing violations, elsewhere it is always false.
func sharingViolation(err error) bool { return false }
