package tui

import (
	"context"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is one tab of the program. The root reaches every screen only
// through this interface: it never reads a screen's fields, and a screen
// never calls the root or another screen (they send messages).
type screen interface {
	// KeyMap lists the screen's own keys as they act now; the root adds its
	// own around them (see rootHelp).
	help.KeyMap
	// Update handles a key (only while the screen is the current tab) or any
	// other message (every screen sees those: changedMsg, focusMsg, the
	// results of its own commands).
	Update(tea.Msg) (screen, tea.Cmd)
	// View draws the body: exactly the size last given to SetSize.
	View() string
	// SetSize gives the size of the body, below the tabs and above the status
	// line and help.
	SetSize(w, h int)
	// Title is the tab's title.
	Title() string
	// Capturing reports whether a text field has the keyboard, so that keys
	// are text, not commands (only ctrl+c still quits).
	Capturing() bool
}

// screens are the tabs, in order: a new screen is one constructor here.
var screens = []func(common) screen{
	newOverview,
	newSystems,
	newRepayments,
	newScenario,
	newCompare,
	newIncentives,
	newYears,
}

// exporter is a screen whose own table e writes instead of the text report
// (Compare writes the comparison). The root asks it only when nothing is
// wrong with the working scenario.
type exporter interface {
	// Export returns the file's stem (icsplan-2023-24-comparison) and text,
	// or an error saying why there is nothing to write yet.
	Export() (stem, text string, err error)
}

// analyser analyses a scenario of a dataset; ctx is cancelled when the
// result is no longer wanted.
type analyser func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error)

// strategist traces system j's two strategies and its marginal rerun
// (engine.StrategyTrace).
type strategist func(ds plan.Dataset, sc plan.Scenario, j int) (analysis.StrategyTrace, error)

// tracer traces balanced system j's prudence penalty (engine.PrudenceTrace).
type tracer func(ds plan.Dataset, sc plan.Scenario, j int) (analysis.PrudenceTrace, error)

// paneller reads the library across its years (engine.PanelContext, bound
// to the library opened); ctx is cancelled when the panel is no longer
// wanted.
type paneller func(ctx context.Context) (analysis.Panel, error)

// program is what the root shares with every screen: fixed for the run
// except cur, which the root replaces (never edits in place) whenever the
// year, the scenario or its analysis changes. Screens only read it.
type program struct {
	st         styles
	keys       keyMap
	analyse    analyser
	headline   analyser                          // nil: each analysis is shown whole; else its headline first (stage.go)
	trace      tracer                            // nil: penalties are shown without their rerun
	override   func(plan.Scenario) plan.Scenario // the command line's overrides
	now        func() time.Time                  // the clock a saved scenario's note is dated by
	root       string                            // the library's Root: plan.EmbeddedRoot for the plans in the binary
	regimes    []plan.Scenario                   // the regime library, as written (each for its own year; see regimeFor)
	readPanel  paneller                          // nil: the Years screen says the panel is not available
	incentives stager                            // nil: the analyser computes the incentives itself
	strategy   strategist                        // nil: the Incentives screen shows a row without its reruns
	cur        current
}

// current is what the screens show.
type current struct {
	years  int           // years loaded; 0 when there is nothing to show
	load   int           // counts the loads of a scenario (a new year or scenario)
	yi, si int           // the year and scenario, as indices
	ri     int           // the regime shown instead of scenario si, as an index into regimes; -1 for none
	year   plan.Year     // the current year: label, dataset and scenarios
	base   plan.Scenario // the scenario as loaded (with overrides): what reset returns to
	work   plan.Scenario // the working scenario, as edited
	edited bool          // work was edited since it was loaded or reset

	// invalid names what is wrong with the Scenario screen's fields (plan's
	// keys, "pot"; "" for the whole) while they do not describe a valid
	// scenario: work and res are then the last valid scenario and its
	// analysis, not what is typed.
	invalid []string

	res    analysis.Result // the latest good analysis of work, when hasRes
	hasRes bool
	resN   int   // counts the analyses taken, so that figures derived from res can be kept until the next
	busy   bool  // a newer analysis of work is running
	err    error // the latest analysis of work failed

	// partial says res is the headline alone: its prudence penalties,
	// sensitivity grid, caveats and data check are still being computed.
	partial bool

	incBusy bool  // the incentive analyses of res are still being computed (res.Incentives is nil until they arrive)
	incErr  error // they failed
}

// stale reports whether the figures shown are not those of the scenario as
// the fields describe it: a field is invalid, or its analysis failed.
func (c *current) stale() bool { return len(c.invalid) > 0 || c.err != nil }

// common is embedded by every screen: the shared program (styles, keys,
// analyser, current) and the size of the body.
type common struct {
	*program
	width, height int
}

// SetSize records the size of the body.
func (c *common) SetSize(w, h int) { c.width, c.height = w, h }

// changedMsg tells every screen what the root has just changed in current.
type changedMsg struct {
	result   bool // a new analysis of the working scenario
	loaded   bool // the scenario was (re)loaded: another year or scenario, or a reset
	switched bool // another year or scenario
	year     bool // another year
	// incentives: the incentive analyses of the latest result arrived (or
	// failed), in res.Incentives.
	incentives bool
}

// focusMsg tells a screen that it has become (or stopped being) the current
// tab.
type focusMsg struct{ focused bool }

// statusMsg sets the status line.
type statusMsg struct {
	text string
	err  bool
}

// editedMsg tells the root that the user changed the working scenario: sc
// is the scenario the fields now describe, valid when every field is. load
// is the load the fields were filled from and rev numbers the Scenario
// screen's messages, so that an edit overtaken by a switch, a reset or a
// later edit is ignored (commands deliver their messages in any order).
type editedMsg struct {
	load, rev int
	sc        plan.Scenario
	valid     bool
	invalid   []string // when not valid: the fields that are wrong (form.invalid)
}

// wroteMsg reports a file written (or not) by a command: the status line
// says so, and a scenario saved from the fields of load at edit rev (as in
// editedMsg) counts as the edits saved, unless they were edited since.
type wroteMsg struct {
	text      string // the status line
	err       bool
	saved     bool // a scenario was saved
	load, rev int
}

// resetMsg asks the root to go back to the scenario as loaded; load and rev
// as for editedMsg.
type resetMsg struct{ load, rev int }

// switchMsg asks the root to show another year and scenario.
type switchMsg struct{ yi, si int }

// status returns a command that sets the status line.
func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: isErr} }
}

// send returns a command that delivers msg.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
