package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

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

// switchTo moves to year yi, scenario si and starts analysing it. A new
// year's warnings (its plans', the scenario's) lead the status line.
func (m *model) switchTo(yi, si int) tea.Cmd {
	if yi < 0 || yi >= len(m.lib.Years) {
		return nil
	}
	dropped := ""
	if m.unsaved() {
		dropped = "Unsaved edits to " + safe(scenarioTitle(m.base)) + " dropped. "
	}
	yearChanged := yi != m.yi
	m.yi, m.si = yi, clampIndex(si, len(m.lib.Years[yi].Scenarios))
	m.loadScenario()
	m.hasRes = false
	cmd := m.analyseWork()
	y := m.year()
	text := fmt.Sprintf("%s%s · scenario %d of %d: %s", dropped, y.Label, m.si+1, len(y.Scenarios), safe(scenarioTitle(m.work)))
	ws := m.work.Warnings(y.Dataset)
	if yearChanged {
		ws = statusWarnings(y, m.work)
	}
	if len(ws) > 0 {
		text += " · " + warningsLine(ws)
	}
	m.setStatus(text, false)
	return tea.Batch(cmd, m.broadcast(changedMsg{loaded: true, switched: true, year: yearChanged}))
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
