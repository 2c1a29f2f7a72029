// Package tui is icsplan's Bubble Tea program: a root model holding a slice
// of screens (Overview, Systems, Repayments, Scenario, Compare, Incentives,
// Years), one keymap with help, and styles in one place.
//
// Keys (? shows those that act where you are):
//
//	tab, shift+tab, 1–7   change screen
//	[ ]                   previous / next year
//	< > (or p n)          previous / next scenario of the year (from a regime:
//	                      back to the year's scenario it left)
//	r R                   next / previous regime of the library, moved to the
//	                      year's plans; past the last, back to the year's scenarios
//	↑↓ j k, pgup pgdn b f, g G home end   move and scroll
//	y                     send the email summary to the terminal's clipboard (OSC 52)
//	w                     write the email summary to icsplan-<year>-<scenario>-email.txt
//	e                     export the text report to icsplan-<year>-<scenario>.txt
//	?                     all keys;  q or ctrl+c quit (q is a letter while typing;
//	                      with unsaved edits q asks once: q or y quits)
//
//	Systems: s sort by the next column, S reverse, / filter (esc clears),
//	         enter explain the system step by step (esc back)
//	Scenario: enter edit a field or change a choice, ←→ h l change a choice,
//	          enter/esc finish typing, t add a tranche, c add a consequence,
//	          x remove the tranche or consequence under the cursor, ctrl+s
//	          save <name>-edited.toml beside the plans, ctrl+r reset to the
//	          scenario as loaded
//	Compare: ←→ h l scroll the columns, ↑↓ the rows; v the regimes of the
//	         library side by side (again: the year's scenarios); e exports
//	         the comparison
//	Incentives: s sort the strategy table by the next column, S reverse; ↑↓
//	         move from row to row (a system, a term) and scroll the text
//	         between; enter a system's two reruns step by step, or every
//	         point of a term's search (esc back)
//	Years:   ↑↓ move from row to row (a published figure, a transition, the
//	         recipients, a system) and scroll the text between; enter opens
//	         the row (names, a figure's source, a system's history), esc
//	         back; ←→ h l the year columns when they do not all fit
//
// Files are written in the current folder (a saved scenario beside the
// plans opened, when that folder can be written), always as a new file:
// an existing one is never replaced, the next free name is taken
// (…-edited-2.toml). An edited scenario's files and summaries carry
// -edited in their names and "(edited)" in their titles.
//
// No silent wrong answer: while a field of the Scenario screen is invalid,
// every screen says in its body that the figures are the last valid
// analysis, and y, w and e refuse.
//
// The headline first, in three stages, each cancelled by a newer analysis:
// given Options.Headline, the root shows an analysis's headline (groups,
// verdict, every system's figures) as soon as it is done, then runs
// Options.Analyse for the prudence penalties, the grid and the caveats
// (analyse.go), then, given Options.Incentives, the incentive stage
// (stage.go). Until each arrives the screens say what is being computed
// and y, w and e wait; Systems and Repayments lay out a new analysis only
// when they are in sight.
//
// # The screen contract
//
// Every tab is a screen (screen.go): Update(tea.Msg) (screen, tea.Cmd),
// View, SetSize, help.KeyMap (ShortHelp and FullHelp of its own keys, as
// they act now), Title (the tab's name) and Capturing (a text field has the
// keyboard, so keys are text). A screen embeds common: the program it shares
// with the root (styles, keys, the analyser, the command line's overrides,
// and cur, the current year, scenario and their latest analysis, which only
// the root writes) and the size of its body. The root (root.go) builds the
// tabs from the constructor list screens, draws the header, the tabs, the
// status line and the help from that slice (adding its own keys around the
// screen's: rootHelp), sizes every screen, hands keys to the current one and
// every other message to all. It never reads a screen's fields, and screens
// never call the root or each other: the root tells them what changed
// (changedMsg: a new result, a new scenario or year; focusMsg: the screen
// was opened or left), and they ask with messages (editedMsg, resetMsg,
// statusMsg, switchMsg).
//
// A screen with a table of its own to write implements exporter: e then
// writes that (Compare's comparison) instead of the text report. The root
// draws a banner at the top of every body while the figures are not the
// scenario as its fields describe it (current.stale), and refuses y, w and
// e then; screens only mark what they show (Compare's "▶ last valid").
//
// A table whose rows open a step-by-step explanation, as Systems does, is a
// table wrapped in a drill (drill.go): the table's Explain returns the page
// of the row under the cursor, and drill handles enter, esc and backspace,
// scrolling, and closing the page when its row is gone or the scenario
// changes. A page that derives figures of its own (the prudence rerun)
// implements refresher, which drill calls on opening and after each
// analysis, so that drawing never computes.
//
// # Adding a screen
//
// Write one file with a type that embeds common and implements screen, and
// a constructor func(common) screen; add the constructor to screens, in tab
// order. The tab, its number key, its help and its size follow. Read what
// it shows from cur; react to changedMsg if it keeps anything derived from
// it; start its own analyses, if any, on focusMsg with the analyser (as
// Compare does, with a job that cancels the superseded ones; Years reads
// the panel across years so, once). For a table with explanations,
// implement table and page and return newDrill(c, t, "explain …") from the
// constructor. A screen that reads top to bottom with rows to open among
// its text (Years) keeps them in a navDoc (nav.go).
//
// Every analysis runs in a tea.Cmd with a context: starting a new analysis
// of the working scenario cancels the one it supersedes, and results carry
// a sequence number so a stale one never replaces a newer one. Compare
// analyses the year's scenarios only once it is opened. Text from data files
// goes through sanitize.Text before it is drawn. Below 80×24 the program
// says so plainly. The terminal is never queried (see noprobe): colours are
// fixed ones that read on dark and light backgrounds.
package tui

import (
	"context"
	"time"

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
	// Analyse computes every analysis the program shows, or with Headline
	// the rest of it (cmd passes engine.AnalyseWithoutIncentives, and runs
	// the incentives as a stage of their own); it must return ctx.Err()
	// when ctx is done.
	Analyse func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error)
	// Headline computes the headline of an analysis (cmd passes
	// engine.AnalyseHeadline): the figures every screen shows first, without
	// the prudence penalties, the sensitivity grid and the caveats. After an
	// edit the program shows it at once and then runs Analyse for the rest;
	// nil shows each analysis only when Analyse has it all.
	Headline func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error)
	// Prudence traces the rerun behind balanced system j's prudence penalty
	// for its explanation (cmd passes engine.PrudenceTrace); nil shows the
	// penalty without its rerun.
	Prudence func(ds plan.Dataset, sc plan.Scenario, j int) (analysis.PrudenceTrace, error)
	// Incentives runs the incentive analyses on a result of Analyse after it
	// is shown (cmd passes AnalyseWithoutIncentives as Analyse, and
	// engine.Incentives here), so that the headline comes first; it must
	// return ctx.Err() when ctx is done. Nil: Analyse computes them itself.
	Incentives func(ctx context.Context, ds plan.Dataset, sc plan.Scenario, res analysis.Result) (*analysis.Incentives, error)
	// Strategy traces system j's strategies step by step for the Incentives
	// screen (cmd passes engine.StrategyTrace); nil shows a row without its
	// reruns.
	Strategy func(ds plan.Dataset, sc plan.Scenario, j int) (analysis.StrategyTrace, error)
	// Panel reads the library across its years, each through its primary
	// scenario, for the Years screen (cmd passes engine.PanelContext); it
	// must return ctx.Err() when ctx is done. Nil: the Years screen says the
	// panel is not available.
	Panel func(ctx context.Context, lib plan.Library) (analysis.Panel, error)
	// Now is the clock a saved scenario's note is dated by; nil is time.Now.
	Now func() time.Time
}

// Run starts the program full-screen on the terminal and returns when the
// user quits.
func Run(lib plan.Library, opt Options) error { return run(lib, opt) }
