package tui

import (
	"fmt"

	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
)

// stepYear moves to the previous or next year, if there is one, keeping
// the regime shown (moved to that year's plans).
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
	return m.switchTo(yi, clampIndex(0, len(m.lib.Years[yi].Scenarios)), m.ri)
}

// stepScenario moves to the previous or next scenario of the year, round;
// on a regime, it goes back to the year's scenario it left.
func (m *model) stepScenario(back bool) tea.Cmd {
	if m.ri >= 0 {
		return m.switchTo(m.yi, m.si, -1)
	}
	n := len(m.year().Scenarios)
	if n <= 1 {
		m.setStatus(fmt.Sprintf("%s has only one scenario.", m.year().Label), false)
		return nil
	}
	d := 1
	if back {
		d = n - 1
	}
	return m.switchTo(m.yi, (m.si+d)%n, -1)
}

// stepRegime shows the next (or previous) regime of the library on the
// year's plans: from the year's scenarios the first (or last), and past
// the last (or first) back to the year's scenario it left.
func (m *model) stepRegime(back bool) tea.Cmd {
	n := len(m.lib.Regimes)
	if n == 0 {
		m.setStatus("No regime library: "+safe(m.lib.Root)+" has no "+plan.RegimesDir+" folder.", false)
		return nil
	}
	ri := m.ri + 1
	switch {
	case back && m.ri < 0:
		ri = n - 1
	case back:
		ri = m.ri - 1
	}
	if ri >= n {
		ri = -1
	}
	return m.switchTo(m.yi, m.si, ri)
}

// switchTo moves to year yi, scenario si, or regime ri of the library on
// that year's plans when ri >= 0, and starts analysing it. A new year's
// warnings (its plans', the scenario's) lead the status line.
func (m *model) switchTo(yi, si, ri int) tea.Cmd {
	if yi < 0 || yi >= len(m.lib.Years) || ri >= len(m.lib.Regimes) {
		return nil
	}
	dropped := ""
	if m.unsaved() {
		dropped = "Unsaved edits to " + safe(scenarioTitle(m.base)) + " dropped. "
	}
	yearChanged := yi != m.yi
	m.yi, m.si, m.ri = yi, clampIndex(si, len(m.lib.Years[yi].Scenarios)), max(ri, -1)
	moveErr := m.loadScenario()
	m.hasRes, m.partial = false, false
	cmd := m.analyseWork()
	y := m.year()
	text := fmt.Sprintf("%s%s · %s: %s", dropped, y.Label, m.where(" of "), safe(scenarioTitle(m.work)))
	if m.ri >= 0 {
		text += " · r next regime, < > back to the year's scenarios"
	}
	ws := m.work.Warnings(y.Dataset)
	if yearChanged {
		ws = statusWarnings(y, m.work)
	}
	if moveErr != nil {
		ws = append([]string{safe(moveErr.Error())}, ws...)
	}
	if len(ws) > 0 {
		text += " · " + warningsLine(ws)
	}
	m.setStatus(text, false)
	return tea.Batch(cmd, m.broadcast(changedMsg{loaded: true, switched: true, year: yearChanged}))
}

// where says which scenario is shown, counted from 1: "scenario 1/3" or
// "regime 3/8" (with of " of ": "regime 3 of 8").
func (m *model) where(of string) string {
	if m.ri >= 0 {
		return fmt.Sprintf("regime %d%s%d", m.ri+1, of, len(m.lib.Regimes))
	}
	return fmt.Sprintf("scenario %d%s%d", m.si+1, of, len(m.year().Scenarios))
}

// editedScenario takes an edit from the Scenario screen: a valid scenario
// is analysed at once (cancelling the analysis it supersedes); while a
// field is invalid the last valid scenario and its analysis stay, marked
// as such on every screen (see current.invalid).
func (m *model) editedScenario(msg editedMsg) tea.Cmd {
	if msg.load != m.load || msg.rev <= m.rev {
		return nil
	}
	m.rev = msg.rev
	m.edited, m.saved = true, false
	if !msg.valid {
		m.invalid = append([]string(nil), msg.invalid...)
		if len(m.invalid) == 0 {
			m.invalid = []string{""}
		}
		return nil
	}
	m.invalid = nil
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
	m.edited, m.saved, m.invalid = false, false, nil
	m.calcErr = nil
	m.job.stale()
	m.setStatus("Reset the scenario to how it was loaded.", false)
	return m.analyseWork()
}
