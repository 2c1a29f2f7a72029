package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/report"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// screen is one of the program's tabs.
type screen int

// The screens, in tab order.
const (
	screenOverview screen = iota
	screenSystems
	screenRepayments
	screenScenario
	screenCompare
	numScreens
)

var screenNames = [numScreens]string{"Overview", "Systems", "Repayments", "Scenario", "Compare"}

// Minimum terminal size.
const (
	minWidth  = 80
	minHeight = 24
)

// analyser runs the analysis (Options.Analyse); tests may swap it.
type analyser func(context.Context, plan.Dataset, plan.Scenario) (analysis.Result, error)

// resultMsg carries a finished analysis of the working scenario. seq orders
// requests so that a stale result never overwrites a newer one.
type resultMsg struct {
	seq    int
	yi, si int
	res    analysis.Result
	err    error
}

// compareMsg carries the analyses of every scenario of a year.
type compareMsg struct {
	seq     int
	yi      int
	entries []compareEntry
}

// compareEntry is one scenario's analysis for the Compare screen.
type compareEntry struct {
	res analysis.Result
	err error
}

// statusMsg sets the status line.
type statusMsg struct {
	text string
	err  bool
}

// model is the root model: it owns the data, the working scenario and its
// analysis, and routes keys to the child of the current screen.
type model struct {
	lib     plan.Library
	opt     Options
	analyse analyser
	keys    keyMap
	st      styles
	help    help.Model
	clip    io.Writer // where OSC 52 sequences go (the program's output)

	width, height int
	screen        screen

	yi, si  int             // current year and scenario
	work    plan.Scenario   // the working scenario, edited on the Scenario screen
	base    plan.Scenario   // what Reset returns to
	res     analysis.Result // the last good analysis of (yi, si)
	hasRes  bool            // res belongs to (yi, si)
	calcErr error           // the last analysis of the working scenario failed
	seq     int             // last analysis requested
	applied int             // last analysis applied
	minSeq  int             // first analysis of the scenario as loaded or reset; older ones are stale
	busy    bool

	initCmd tea.Cmd // the opening analysis, started by Init

	cmpSeq, cmpApplied int
	cmp                []compareEntry // analyses of the year's scenarios
	cmpYear            int            // year cmp belongs to; -1 for none

	status    string
	statusErr bool

	overview   overviewModel
	systems    systemsModel
	explain    explainModel
	repayments repaymentsModel
	editor     scenarioModel
	compare    compareModel
}

// newModel builds the root model; Init starts the analyses.
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
		lib:     lib,
		opt:     opt,
		analyse: an,
		keys:    newKeyMap(),
		st:      newStyles(out, opt.Colour),
		help:    help.New(),
		clip:    out,
		cmpYear: -1,
	}
	m.help.Styles = m.st.help
	m.overview = newOverview()
	m.systems = newSystems(m.st)
	m.explain = newExplain()
	m.repayments = newRepayments()
	m.compare = newCompare()
	if len(lib.Years) == 0 {
		m.calcErr = fmt.Errorf("no plans loaded")
		return m
	}
	m.yi = clampIndex(opt.Year, len(lib.Years))
	m.si = clampIndex(opt.Scenario, len(lib.Years[m.yi].Scenarios))
	m.loadScenario()
	m.setStatus("tab or 1–5 change screen · [ ] year · < > scenario · ? all keys", false)
	m.initCmd = m.computeCmd()
	m.cmpSeq++
	m.syncKeys()
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
// the command line's overrides), and resets the editor to it.
func (m *model) loadScenario() {
	y := m.year()
	if len(y.Scenarios) == 0 {
		y.Scenarios = []plan.Scenario{plan.DefaultScenario(y.Dataset)}
		m.lib.Years[m.yi] = y
	}
	m.base = m.opt.Override(y.Scenarios[m.si])
	m.work = m.base
	m.minSeq = m.seq + 1 // results of earlier edits are stale from now on
	m.editor = newScenarioEditor(m.work, y.Dataset.Year, m.st)
	m.calcErr = nil
}

// edited reports whether the working scenario differs from the loaded one.
func (m *model) edited() bool { return m.editor.changed }

// computeCmd analyses the working scenario off the Update loop.
func (m *model) computeCmd() tea.Cmd {
	m.seq++
	m.busy = true
	seq, yi, si := m.seq, m.yi, m.si
	ds, sc, an := m.year().Dataset, m.work, m.analyse
	return func() tea.Msg {
		res, err := an(context.Background(), ds, sc)
		return resultMsg{seq: seq, yi: yi, si: si, res: res, err: err}
	}
}

// compareCmd analyses every scenario of the current year.
func (m *model) compareCmd() tea.Cmd {
	seq, yi := m.cmpSeq, m.yi
	y, ov, an := m.year(), m.opt.Override, m.analyse
	return func() tea.Msg {
		entries := make([]compareEntry, len(y.Scenarios))
		for i, sc := range y.Scenarios {
			entries[i].res, entries[i].err = an(context.Background(), y.Dataset, ov(sc))
		}
		return compareMsg{seq: seq, yi: yi, entries: entries}
	}
}

// applyResult takes a finished analysis if it is the newest for the current
// year and scenario.
func (m model) applyResult(msg resultMsg) (model, tea.Cmd) {
	if msg.seq <= m.applied || msg.seq < m.minSeq || msg.yi != m.yi || msg.si != m.si {
		return m, nil
	}
	m.applied = msg.seq
	m.busy = msg.seq < m.seq
	if msg.err != nil {
		m.calcErr = msg.err
		return m, nil
	}
	m.calcErr = nil
	m.res = msg.res
	m.hasRes = true
	m.systems.setResult(&m.res)
	m.explain.refresh(&m)
	return m, nil
}

func (m *model) applyCompare(msg compareMsg) {
	if msg.seq < m.cmpApplied || msg.yi != m.yi {
		return
	}
	m.cmpApplied = msg.seq
	m.cmp = msg.entries
	m.cmpYear = msg.yi
}

// switchTo moves to year yi, scenario si and starts analysing it.
func (m model) switchTo(yi, si int) (model, tea.Cmd) {
	dropped := ""
	if m.edited() {
		dropped = "Unsaved edits to " + safe(scenarioTitle(m.base)) + " dropped. "
	}
	yearChanged := yi != m.yi
	m.yi, m.si = yi, si
	m.loadScenario()
	m.hasRes = false
	m.explain.open = false
	m.systems.resetView()
	cmds := []tea.Cmd{m.computeCmd()}
	if yearChanged {
		m.cmp = nil
		m.cmpSeq++
		cmds = append(cmds, m.compareCmd())
	}
	y := m.year()
	m.setStatus(fmt.Sprintf("%s%s · scenario %d of %d: %s", dropped, y.Label, si+1, len(y.Scenarios), safe(scenarioTitle(m.work))), false)
	return m, tea.Batch(cmds...)
}

func (m *model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// scenarioTitle is the scenario's title, or its name when it has none.
func scenarioTitle(s plan.Scenario) string {
	if strings.TrimSpace(s.Title) != "" {
		return s.Title
	}
	if s.Name != "" {
		return s.Name
	}
	return "scenario"
}

// typing reports whether a text field has the keyboard, so that letters are
// text, not commands.
func (m *model) typing() bool {
	return (m.screen == screenSystems && !m.explain.open && m.systems.filtering) ||
		(m.screen == screenScenario && m.editor.editing)
}

func (m *model) syncKeys() {
	m.keys.setContext(keyContext{
		screen:    m.screen,
		explain:   m.explain.open,
		typing:    m.typing(),
		filtering: m.systems.filter.Value() != "",
	})
}

// Init starts the opening analysis, and those of the year's scenarios for
// Compare, in the background: the first frame says what is being computed
// and the program answers keys (q) even while a big dataset is analysed.
func (m model) Init() tea.Cmd {
	if len(m.lib.Years) == 0 {
		return nil
	}
	return tea.Batch(m.initCmd, m.compareCmd())
}

// Update routes messages: window sizes and finished analyses to the root,
// keys to the global bindings and then to the current screen.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.explain.refresh(&m)
	case resultMsg:
		m, cmd = m.applyResult(msg)
	case compareMsg:
		m.applyCompare(msg)
	case statusMsg:
		m.setStatus(msg.text, msg.err)
	case savedMsg:
		m.setStatus(msg.text, msg.err)
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed quickly (or sent by tmux) can arrive as one
			// message: take them one at a time, so "]1" is two commands.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				m, cmd = m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
				m.syncKeys()
				cmds = append(cmds, cmd)
			}
			cmd = tea.Batch(cmds...)
		} else {
			m, cmd = m.handleKey(msg)
		}
	}
	m.syncKeys()
	return m, cmd
}

func (m model) handleKey(msg tea.KeyMsg) (model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) || msg.Type == tea.KeyCtrlC {
		return m, tea.Quit
	}
	if len(m.lib.Years) == 0 {
		if msg.String() == "q" {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.width > 0 && (m.width < minWidth || m.height < minHeight) {
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.typing() {
		return m.routeKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m, nil
	case key.Matches(msg, k.Next):
		m.screen = (m.screen + 1) % numScreens
		return m, nil
	case key.Matches(msg, k.Prev):
		m.screen = (m.screen + numScreens - 1) % numScreens
		return m, nil
	case key.Matches(msg, k.Screen):
		m.screen = screen(msg.String()[0] - '1')
		return m, nil
	case key.Matches(msg, k.PrevYear), key.Matches(msg, k.NextYear):
		d := 1
		if key.Matches(msg, k.PrevYear) {
			d = -1
		}
		yi := m.yi + d
		if yi < 0 || yi >= len(m.lib.Years) {
			m.setStatus(fmt.Sprintf("No %s year: %d year(s) loaded from %s.", map[int]string{-1: "earlier", 1: "later"}[d], len(m.lib.Years), safe(m.lib.Root)), false)
			return m, nil
		}
		return m.switchTo(yi, clampIndex(0, len(m.lib.Years[yi].Scenarios)))
	case key.Matches(msg, k.PrevScenario), key.Matches(msg, k.NextScenario):
		n := len(m.year().Scenarios)
		if n <= 1 {
			m.setStatus(fmt.Sprintf("%s has only one scenario.", m.year().Label), false)
			return m, nil
		}
		d := 1
		if key.Matches(msg, k.PrevScenario) {
			d = n - 1
		}
		return m.switchTo(m.yi, (m.si+d)%n)
	case key.Matches(msg, k.Copy):
		if !m.hasRes {
			m.setStatus("Nothing to copy yet: the analysis is still running.", true)
			return m, nil
		}
		return m, copyCmd(m.clip, report.EmailSummary(m.res))
	case key.Matches(msg, k.Export):
		if !m.hasRes {
			m.setStatus("Nothing to export yet: the analysis is still running.", true)
			return m, nil
		}
		return m, exportCmd(exportName(m.year(), m.work), m.res)
	}
	return m.routeKey(msg)
}

// routeKey hands a key to the current screen's child.
func (m model) routeKey(msg tea.KeyMsg) (model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenOverview:
		cmd = m.overview.update(&m, msg)
	case screenSystems:
		if m.explain.open {
			cmd = m.explain.update(&m, msg)
		} else {
			cmd = m.systems.update(&m, msg)
		}
	case screenRepayments:
		cmd = m.repayments.update(&m, msg)
	case screenScenario:
		cmd = m.editor.update(&m, msg)
	case screenCompare:
		cmd = m.compare.update(&m, msg)
	}
	return m, cmd
}

// editedScenario is called by the editor with a valid edited scenario.
func (m *model) editedScenario(sc plan.Scenario) tea.Cmd {
	m.work = sc
	return m.computeCmd()
}

// View draws the header, the current screen, the status line and the help.
func (m model) View() string {
	if m.width == 0 || m.height == 0 {
		return "icsplan: starting…"
	}
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf("terminal too small: need %d×%d, have %d×%d", minWidth, minHeight, m.width, m.height)
		lines := wrap(msg, m.width)
		lines = append(lines, "", "Enlarge the window, or press q to quit.")
		return fitLines(lines, m.width, m.height)
	}
	if len(m.lib.Years) == 0 {
		return fitLines([]string{"icsplan: no plans loaded.", "", "Press q to quit."}, m.width, m.height)
	}
	header := m.headerView()
	helpView := m.helpView()
	status := m.statusView()
	bodyH := m.bodyHeight()
	var body string
	switch {
	case !m.hasRes && m.calcErr != nil:
		body = fitLines(append([]string{m.st.errorText.Render("The analysis failed:")}, wrap(safe(m.calcErr.Error()), m.width)...), m.width, bodyH)
	case !m.hasRes:
		body = fitLines([]string{"", "Computing " + safe(scenarioTitle(m.work)) + " …"}, m.width, bodyH)
	default:
		body = m.bodyView(m.width, bodyH)
	}
	return header + "\n" + body + "\n" + status + "\n" + helpView
}

// bodyHeight is the number of lines left for the screen's body once the
// header (2 lines), status line and help are drawn.
func (m *model) bodyHeight() int {
	helpLines := strings.Count(m.helpView(), "\n") + 1
	statusLines := strings.Count(m.statusView(), "\n") + 1
	return max(1, m.height-2-statusLines-helpLines)
}

// helpView is the help bar (or, after ?, the full help), cut to the width.
func (m *model) helpView() string {
	lines := strings.Split(m.help.View(m.keys), "\n")
	for i, l := range lines {
		lines[i] = trunc(strings.TrimRight(l, " "), m.width)
	}
	return strings.Join(lines, "\n")
}

func (m model) bodyView(w, h int) string {
	switch m.screen {
	case screenSystems:
		if m.explain.open {
			return m.explain.view(&m, w, h)
		}
		return m.systems.view(&m, w, h)
	case screenRepayments:
		return m.repayments.view(&m, w, h)
	case screenScenario:
		return m.editor.view(&m, w, h)
	case screenCompare:
		return m.compare.view(&m, w, h)
	default:
		return m.overview.view(&m, w, h)
	}
}

// headerView is two lines: where we are (year, scenario) and the tabs.
func (m model) headerView() string {
	y := m.year()
	edited := ""
	if m.edited() {
		edited = " (edited)"
	}
	line := fmt.Sprintf(" icsplan · %s (year %d/%d) · scenario %d/%d: %s%s ",
		y.Label, m.yi+1, len(m.lib.Years), m.si+1, len(y.Scenarios), safe(scenarioTitle(m.work)), edited)
	title := m.st.title.Render(padRight(line, m.width))
	var tabs []string
	for i, name := range screenNames {
		label := fmt.Sprintf("%d %s", i+1, name)
		if screen(i) == m.screen {
			tabs = append(tabs, m.st.activeTab.Render("["+label+"]"))
		} else {
			tabs = append(tabs, m.st.tab.Render(" "+label+" "))
		}
	}
	return title + "\n" + trunc(strings.Join(tabs, " "), m.width)
}

// statusView is the status line: what just happened, or an error. A long
// message (a file's full path) wraps onto up to three lines.
func (m model) statusView() string {
	s := safe(m.status)
	style := m.st.status
	switch {
	case m.calcErr != nil && m.hasRes:
		s = "✗ " + safe(firstLine(m.calcErr.Error())) + " (showing the last good result)"
		style = m.st.errorText
	case m.busy && m.hasRes:
		if s != "" {
			s += " · "
		}
		s += "recomputing…"
	}
	if m.statusErr {
		style = m.st.errorText
	}
	lines := strings.Split(ansi.Hardwrap(s, max(1, m.width), true), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = trunc(lines[2]+"…", m.width)
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

func firstLine(s string) string {
	first, rest, found := strings.Cut(s, "\n")
	if found && rest != "" {
		return first + " …"
	}
	return first
}
