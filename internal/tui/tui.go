// Package tui is icsplan's Bubble Tea program: a root model routing to one
// screen at a time (Overview, Systems, Repayments, Scenario, Compare), one
// keymap with help, and styles in one place.
package tui

import "icsplan/internal/plan"

// Options tune the program.
type Options struct {
	Year     int  // index into the library's years to open on
	Scenario int  // index into that year's scenarios
	Colour   bool // false under NO_COLOR
	// Override is applied to every scenario analysed (command-line --pot and
	// friends); nil for none.
	Override func(plan.Scenario) plan.Scenario
}

// Run starts the program full-screen on the terminal and returns when the
// user quits.
func Run(lib plan.Library, opt Options) error { return run(lib, opt) }
