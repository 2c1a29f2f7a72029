package tui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/report"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
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

	yi, si int           // current year and scenario
	work   plan.Scenario // the working scenario, edited on the Scenario screen
	base   plan.Scenario // what Reset returns to
	edited bool
	load   int // counts loadScenario
	rev    int // the last edit or reset taken from the Scenario screen

	res     analysis.Result // the last good analysis of (yi, si)
	hasRes  bool            // res belongs to (yi, si)
	calcErr error           // the last analysis of the working scenario failed
	job     job             // the analyses of the working scenario

	initCmd tea.Cmd // the opening analysis, started by Init

	status    string
	statusErr bool
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
	m := model{
		lib: lib,
		prog: &program{
			st:       newStyles(out, opt.Colour),
			keys:     newKeyMap(len(screens)),
			analyse:  an,
			override: opt.Override,
		},
		help: help.New(),
		clip: out,
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
	m.loadScenario()
	m.setStatus(openingHint(len(m.tabs)), false)
	m.initCmd = m.analyseWork()
	m.broadcast(changedMsg{loaded: true, switched: true, year: true})
	return m
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
// the command line's overrides).
func (m *model) loadScenario() {
	y := m.year()
	if len(y.Scenarios) == 0 {
		y.Scenarios = []plan.Scenario{plan.DefaultScenario(y.Dataset)}
		m.lib.Years[m.yi] = y
	}
	m.base = m.prog.override(y.Scenarios[m.si])
	m.work = m.base
	m.edited = false
	m.load++
	m.job.stale() // results of earlier edits are stale from now on
	m.calcErr = nil
}

// publish replaces the current view the screens read.
func (m *model) publish() {
	cur := current{
		years: len(m.lib.Years), load: m.load, yi: m.yi, si: m.si,
		base: m.base, work: m.work, edited: m.edited,
		res: m.res, hasRes: m.hasRes, busy: m.job.busy(), err: m.calcErr,
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
	case resultMsg:
		cmd = m.applyResult(msg)
	case statusMsg:
		m.setStatus(msg.text, msg.err)
	case editedMsg:
		cmd = m.editedScenario(msg)
	case resetMsg:
		cmd = m.reset(msg)
	case switchMsg:
		cmd = m.switchTo(msg.yi, msg.si)
	case tea.KeyMsg:
		cmd = m.keys(msg)
	default:
		cmd = m.broadcast(msg)
	}
	m.publish()
	m.layout()
	return m, cmd
}

// keys handles a key message. Keys typed quickly (or sent by tmux) can
// arrive as one message: they are taken one at a time, so "]1" is two
// commands.
func (m *model) keys(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) <= 1 || msg.Paste {
		return m.handleKey(msg)
	}
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		m.publish()
		m.layout()
	}
	return tea.Batch(cmds...)
}

func (m *model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.prog.keys
	if key.Matches(msg, k.ForceQuit) || msg.Type == tea.KeyCtrlC {
		return m.quit()
	}
	if len(m.lib.Years) == 0 {
		if msg.String() == "q" {
			return m.quit()
		}
		return nil
	}
	if m.width > 0 && (m.width < minWidth || m.height < minHeight) {
		if key.Matches(msg, k.Quit) {
			return m.quit()
		}
		return nil
	}
	if m.current().Capturing() {
		return m.route(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Next):
		return m.focus((m.active + 1) % len(m.tabs))
	case key.Matches(msg, k.Prev):
		return m.focus((m.active + len(m.tabs) - 1) % len(m.tabs))
	case key.Matches(msg, k.Screen):
		return m.focus(int(msg.String()[0] - '1'))
	case key.Matches(msg, k.PrevYear), key.Matches(msg, k.NextYear):
		return m.stepYear(key.Matches(msg, k.PrevYear))
	case key.Matches(msg, k.PrevScenario), key.Matches(msg, k.NextScenario):
		return m.stepScenario(key.Matches(msg, k.PrevScenario))
	case key.Matches(msg, k.Copy):
		if !m.hasRes {
			m.setStatus("Nothing to copy yet: the analysis is still running.", true)
			return nil
		}
		return copyCmd(m.clip, report.EmailSummary(m.res))
	case key.Matches(msg, k.Export):
		if !m.hasRes {
			m.setStatus("Nothing to export yet: the analysis is still running.", true)
			return nil
		}
		return exportCmd(exportName(m.year(), m.work), m.res)
	default:
		return m.route(msg)
	}
	return nil
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

// stepYear moves to the previous or next year, if there is one.
func (m *model) stepYear(back bool) tea.Cmd {
	d := 1
	if back {
		d = -1
	}
	yi := m.yi + d
	if yi < 0 || yi >= len(m.lib.Years) {
		m.setStatus(fmt.Sprintf("No %s year: %d year(s) loaded from %s.", map[int]string{-1: "earlier", 1: "later"}[d], len(m.lib.Years), safe(m.lib.Root)), false)
		return nil
	}
	return m.switchTo(yi, clampIndex(0, len(m.lib.Years[yi].Scenarios)))
}

// stepScenario moves to the previous or next scenario of the year, round.
func (m *model) stepScenario(back bool) tea.Cmd {
	n := len(m.year().Scenarios)
	if n <= 1 {
		m.setStatus(fmt.Sprintf("%s has only one scenario.", m.year().Label), false)
		return nil
	}
	d := 1
	if back {
		d = n - 1
	}
	return m.switchTo(m.yi, (m.si+d)%n)
}

// switchTo moves to year yi, scenario si and starts analysing it.
func (m *model) switchTo(yi, si int) tea.Cmd {
	if yi < 0 || yi >= len(m.lib.Years) {
		return nil
	}
	dropped := ""
	if m.edited {
		dropped = "Unsaved edits to " + safe(scenarioTitle(m.base)) + " dropped. "
	}
	yearChanged := yi != m.yi
	m.yi, m.si = yi, clampIndex(si, len(m.lib.Years[yi].Scenarios))
	m.loadScenario()
	m.hasRes = false
	cmd := m.analyseWork()
	y := m.year()
	m.setStatus(fmt.Sprintf("%s%s · scenario %d of %d: %s", dropped, y.Label, m.si+1, len(y.Scenarios), safe(scenarioTitle(m.work))), false)
	return tea.Batch(cmd, m.broadcast(changedMsg{loaded: true, switched: true, year: yearChanged}))
}

// editedScenario takes an edit from the Scenario screen: a valid scenario
// is analysed at once (cancelling the analysis it supersedes).
func (m *model) editedScenario(msg editedMsg) tea.Cmd {
	if msg.load != m.load || msg.rev <= m.rev {
		return nil
	}
	m.rev = msg.rev
	m.edited = true
	if !msg.valid {
		return nil
	}
	m.work = msg.sc
	return m.analyseWork()
}

// reset goes back to the scenario as loaded (the Scenario screen has
// refilled its fields already).
func (m *model) reset(msg resetMsg) tea.Cmd {
	if msg.load != m.load || msg.rev <= m.rev {
		return nil
	}
	m.rev = msg.rev
	m.work = m.base
	m.edited = false
	m.job.stale()
	m.setStatus("Reset the scenario to how it was loaded.", false)
	return m.analyseWork()
}

func (m *model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }
