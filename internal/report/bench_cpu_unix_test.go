//go:build unix

package report

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user and system, every
// thread), so that a benchmark on a shared machine can report the work done
// rather than the wall time it waited.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
