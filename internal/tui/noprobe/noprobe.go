// Package noprobe stops Bubble Tea v1 from querying the terminal as the
// program starts.
//
// Bubble Tea v1's package init (tea_init.go) calls lipgloss.HasDarkBackground,
// which writes OSC 11 and CSI 6n to a terminal on stdout and waits up to
// 5 seconds (termenv.OSCTimeout) for the answers. A terminal that never
// answers (many Windows consoles, Citrix and PuTTY set-ups, some CI
// terminals) stalls every run of any binary that links Bubble Tea —
// --version, --help and --report too, NO_COLOR or not. Bubble Tea v2 drops
// that init; v1 has no way to turn it off.
//
// termenv sends no query when TERM is "dumb". This package sets TERM=dumb in
// its own init, which Go runs before Bubble Tea's (the spec's order: among
// the packages whose imports are ready, the first by import path; this one
// imports only syscall, and "icsplan/…" sorts before "os", which Bubble Tea
// needs), and Restore puts TERM back. internal/tui calls Restore from its
// init, which runs after Bubble Tea's because it imports it. Nothing reads
// TERM in between except termenv's and lipgloss's package-level outputs,
// which recompute the colour profile from the environment when asked.
//
// Keep this package's imports to syscall alone: importing os (or anything
// that imports it) could let Bubble Tea's init run first. TestNoTerminalProbe
// in internal/tui runs the real binary on a terminal that never answers and
// fails if any query is written.
package noprobe

import "syscall"

// term is TERM as the process started with it; set says it was set at all.
var term, set = syscall.Getenv("TERM")

func init() {
	_ = syscall.Setenv("TERM", "dumb")
}

// Restore gives TERM back the value the process started with.
func Restore() {
	if set {
		_ = syscall.Setenv("TERM", term)
		return
	}
	_ = syscall.Unsetenv("TERM")
}
