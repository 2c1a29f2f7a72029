// Package tui is icsplan's Bubble Tea program: a root model routing to one
// screen at a time (Overview, Systems, Repayments, Scenario, Compare), one
// keymap with help, and styles in one place.
//
// Keys (? shows those that act where you are):
//
//	tab, shift+tab, 1–5   change screen
//	[ ]                   previous / next year
//	< > (or p n)          previous / next scenario of the year
//	↑↓ j k, pgup pgdn b f, g G home end   move and scroll
//	y                     copy the email summary to the clipboard (OSC 52)
//	e                     export the text report to icsplan-<year>-<scenario>.txt
//	?                     all keys;  q or ctrl+c quit (q is a letter while typing)
//
//	Systems: s sort by the next column, S reverse, / filter (esc clears),
//	         enter explain the system step by step (esc back)
//	Scenario: enter edit a field or change a choice, ←→ h l change a choice,
//	          enter/esc finish typing, ctrl+s save <name>-edited.toml,
//	          ctrl+r reset to the scenario as loaded
//	Compare: ←→ h l scroll when the scenarios do not all fit
//
// Every analysis runs in a tea.Cmd; results carry a sequence number so a
// stale one never replaces a newer one. Text from data files goes through
// sanitize.Text before it is drawn. Below 80×24 the program says so plainly.
package tui

import (
	"context"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// Options tune the program.
type Options struct {
	Year     int  // index into the library's years to open on
	Scenario int  // index into that year's scenarios
	Colour   bool // false under NO_COLOR
	// Override is applied to every scenario analysed (command-line --pot and
	// friends); nil for none.
	Override func(plan.Scenario) plan.Scenario
	// Analyse computes every analysis the program shows (cmd passes
	// engine.AnalyseContext); it must return ctx.Err() when ctx is done.
	Analyse func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error)
}

// Run starts the program full-screen on the terminal and returns when the
// user quits.
func Run(lib plan.Library, opt Options) error { return run(lib, opt) }
