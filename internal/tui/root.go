package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Minimum terminal size.
const (
	minWidth  = 80
	minHeight = 24
)

// model is the root model: it owns the library, the working scenario and
// its analysis, draws the header, tabs, status line and help, and hands
// keys to the current screen.
type model struct {
	lib  plan.Library
	prog *program // shared with the screens
	help help.Model
	clip io.Writer // where OSC 52 sequences go (the program's output)

	width, height int
	tabs          []screen
	active        int // index into tabs

	yi, si  int           // current year and scenario
	ri      int           // the regime of lib.Regimes shown instead of scenario si; -1 for none
	work    plan.Scenario // the working scenario, edited on the Scenario screen
	base    plan.Scenario // what Reset returns to
	edited  bool
	saved   bool     // the edits were saved as they stand
	invalid []string // the Scenario screen's invalid fields, while there are any
	load    int      // counts loadScenario
	rev     int      // the last edit or reset taken from the Scenario screen

	res     analysis.Result // the last good analysis of (yi, si)
	hasRes  bool            // res belongs to (yi, si)
	resN    int             // counts the analyses taken
	partial bool            // res is a headline: the rest of its analysis is running in job
	calcErr error           // the last analysis of the working scenario failed
	job     job             // the analyses of the working scenario
	incJob  job             // the incentive stage of res (see stage.go)
	incErr  error           // the incentive stage of res failed

	initCmd tea.Cmd // the opening analysis, started by Init

	status     string
	statusErr  bool
	confirming bool // q was pressed with unsaved edits: the next key answers
}

// newModel builds the root model; Init starts the opening analysis. A nil
// analyser is opt.Analyse.
func newModel(lib plan.Library, opt Options, out io.Writer, an analyser) model {
	if an == nil {
		an = opt.Analyse
	}
	if an == nil {
		an = func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error) {
			return analysis.Result{}, errors.New("tui: no analyser: Options.Analyse is not set")
		}
	}
	if opt.Override == nil {
		opt.Override = func(s plan.Scenario) plan.Scenario { return s }
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	m := model{
		lib: lib,
		prog: &program{
			st:         newStyles(out, opt.Colour),
			keys:       newKeyMap(len(screens)),
			analyse:    an,
			headline:   opt.Headline,
			trace:      opt.Prudence,
			override:   opt.Override,
			now:        opt.Now,
			root:       lib.Root,
			regimes:    lib.Regimes,
			readPanel:  bindPanel(opt.Panel, lib),
			incentives: opt.Incentives,
			strategy:   opt.Strategy,
		},
		help: help.New(),
		clip: out,
		ri:   -1,
	}
	m.help.Styles = m.prog.st.help
	c := common{program: m.prog}
	for _, mk := range screens {
		m.tabs = append(m.tabs, mk(c))
	}
	if len(lib.Years) == 0 {
		m.calcErr = fmt.Errorf("no plans loaded")
		m.publish()
		return m
	}
	m.yi = clampIndex(opt.Year, len(lib.Years))
	m.si = clampIndex(opt.Scenario, len(lib.Years[m.yi].Scenarios))
	m.loadScenario() // the year's scenario: nothing to move
	m.setStatus(openingStatus(m.year(), m.work, len(m.tabs), len(lib.Regimes) > 0), false)
	m.initCmd = m.analyseWork()
	m.broadcast(changedMsg{loaded: true, switched: true, year: true})
	return m
}

// bindPanel binds the Years screen's panel to the library opened; nil
// without one.
func bindPanel(panel func(context.Context, plan.Library) (analysis.Panel, error), lib plan.Library) paneller {
	if panel == nil {
		return nil
	}
	return func(ctx context.Context) (analysis.Panel, error) { return panel(ctx, lib) }
}

func clampIndex(i, n int) int {
	if i < 0 || n == 0 {
		return 0
	}
	if i >= n {
		return n - 1
	}
	return i
}

// year returns the current year; callers check there is one.
func (m *model) year() plan.Year { return m.lib.Years[m.yi] }

// loadScenario makes the current scenario the working one, as loaded (with
// the command line's overrides): the year's scenario si, or regime ri moved
// to the year's plans. A regime whose years cannot be moved is an error the
// status line gives.
func (m *model) loadScenario() error {
	y := m.year()
	if len(y.Scenarios) == 0 {
		y.Scenarios = []plan.Scenario{plan.DefaultScenario(y.Dataset)}
		m.lib.Years[m.yi] = y
	}
	sc, err := y.Scenarios[m.si], error(nil)
	if m.ri >= 0 {
		sc, err = regimeFor(m.lib.Regimes[m.ri], y)
	}
	m.base = m.prog.override(sc)
	m.work = m.base
	m.edited, m.saved, m.invalid = false, false, nil
	m.load++
	m.job.stale() // results of earlier edits are stale from now on
	m.calcErr = nil
	return err
}

// regimeFor is regime r moved to year y's plans (plan's ForYear).
func regimeFor(r plan.Scenario, y plan.Year) (plan.Scenario, error) {
	sc, err := r.ForYear(y.Label)
	if err != nil {
		return sc, fmt.Errorf("regime %s cannot be moved to %s: %w", r.Name, y.Label, err)
	}
	return sc, nil
}

// unsaved reports whether there are edits that were not saved.
func (m *model) unsaved() bool { return m.edited && !m.saved }

// publish replaces the current view the screens read.
func (m *model) publish() {
	cur := current{
		years: len(m.lib.Years), load: m.load, yi: m.yi, si: m.si, ri: m.ri,
		base: m.base, work: m.work, edited: m.edited, invalid: m.invalid,
		res: m.res, hasRes: m.hasRes, resN: m.resN, busy: m.job.busy(), err: m.calcErr,
		partial: m.partial, incBusy: m.incBusy(), incErr: m.incErr,
	}
	if cur.years > 0 {
		cur.year = m.year()
	}
	m.prog.cur = cur
}

// broadcast publishes the current view and hands msg to every screen.
func (m *model) broadcast(msg tea.Msg) tea.Cmd {
	m.publish()
	cmds := make([]tea.Cmd, len(m.tabs))
	for i, s := range m.tabs {
		m.tabs[i], cmds[i] = s.Update(msg)
	}
	return tea.Batch(cmds...)
}

// Init starts the opening analysis in the background: the first frame says
// what is being computed and the program answers keys (q) even while a big
// dataset is analysed.
func (m model) Init() tea.Cmd {
	if len(m.lib.Years) == 0 {
		return nil
	}
	return tea.Batch(m.initCmd, m.focus(m.active))
}

// focus makes tab i the current one and tells it so.
func (m *model) focus(i int) tea.Cmd {
	var cmds []tea.Cmd
	if i != m.active {
		var cmd tea.Cmd
		m.tabs[m.active], cmd = m.tabs[m.active].Update(focusMsg{focused: false})
		cmds = append(cmds, cmd)
	}
	m.active = i
	var cmd tea.Cmd
	m.tabs[i], cmd = m.tabs[i].Update(focusMsg{focused: true})
	return tea.Batch(append(cmds, cmd)...)
}

// Update routes messages: sizes, analyses and the screens' requests to the
// root; keys to the root's bindings and then to the current screen; any
// other message to every screen.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
	case incentivesMsg:
		cmd = m.applyIncentives(msg)
	case resultMsg:
		cmd = m.applyResult(msg)
	case statusMsg:
		m.setStatus(msg.text, msg.err)
	case wroteMsg:
		m.wrote(msg)
	case editedMsg:
		cmd = m.editedScenario(msg)
	case resetMsg:
		cmd = m.reset(msg)
	case switchMsg:
		cmd = m.switchTo(msg.yi, msg.si, -1)
	case tea.KeyMsg:
		cmd = m.keys(msg)
	default:
		cmd = m.broadcast(msg)
	}
	m.publish()
	m.layout()
	return m, cmd
}

// route hands a key to the current screen.
func (m *model) route(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	m.tabs[m.active], cmd = m.tabs[m.active].Update(msg)
	return cmd
}

// current is the current tab.
func (m *model) current() screen { return m.tabs[m.active] }

// quit stops the running analyses and ends the program.
func (m *model) quit() tea.Cmd {
	m.job.cancelAll()
	m.broadcast(quitMsg{})
	return tea.Quit
}

// quitMsg tells every screen that the program is ending, so that they stop
// what they have running.
type quitMsg struct{}

// wrote takes the report of a file written: a saved scenario whose edits
// have not changed since counts as saved.
func (m *model) wrote(msg wroteMsg) {
	m.setStatus(msg.text, msg.err)
	if msg.saved && msg.load == m.load && msg.rev == m.rev {
		m.saved = true
	}
}

func (m *model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }
