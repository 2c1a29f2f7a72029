package tui

import (
	"bytes"

	"icsplan/internal/report"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

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
	if m.confirming {
		return m.answerQuit(msg)
	}
	if len(m.lib.Years) == 0 {
		if msg.String() == "q" {
			return m.quit()
		}
		return nil
	}
	if m.width > 0 && (m.width < minWidth || m.height < minHeight) {
		if key.Matches(msg, k.Quit) {
			return m.askQuit()
		}
		return nil
	}
	if m.current().Capturing() {
		return m.route(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.askQuit()
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
	case key.Matches(msg, k.NextRegime), key.Matches(msg, k.PrevRegime):
		return m.stepRegime(key.Matches(msg, k.PrevRegime))
	case key.Matches(msg, k.Copy):
		return m.copySummary()
	case key.Matches(msg, k.Export):
		return m.export()
	case key.Matches(msg, k.WriteEmail):
		return m.writeSummary()
	default:
		return m.route(msg)
	}
	return nil
}

// askQuit quits, unless there are unsaved edits: then it asks once, and
// the next key answers (see answerQuit).
func (m *model) askQuit() tea.Cmd {
	if !m.unsaved() {
		return m.quit()
	}
	m.confirming = true
	m.setStatus("Unsaved edits to "+safe(scenarioTitle(m.base))+": quit without saving? q or y quits; any other key carries on "+
		"(ctrl+s on the Scenario screen saves them).", true)
	return nil
}

// answerQuit takes the key after askQuit: q or y quits, anything else
// carries on and does nothing more.
func (m *model) answerQuit(msg tea.KeyMsg) tea.Cmd {
	m.confirming = false
	if s := msg.String(); s == "q" || s == "y" || s == "Y" {
		return m.quit()
	}
	m.setStatus("Carrying on: the edits are kept.", false)
	return nil
}

// refusal says why what the figures leave the program as (copied,
// exported, written) cannot be done now, or "" when it can: there must be
// an analysis, of the scenario as its fields describe it, and no newer one
// running.
func (m *model) refusal(done string) string {
	cur := &m.prog.cur
	switch {
	case !m.hasRes:
		return "Nothing " + done + " yet: the analysis is still running."
	case len(m.invalid) > 0:
		return "Not " + done + ": the scenario has an invalid field (" + labels(m.invalid) +
			"), and nothing invalid leaves icsplan. Correct it on the Scenario screen, or reset it there with ctrl+r."
	case m.calcErr != nil:
		return "Not " + done + ": the edited scenario could not be analysed (" + safe(firstLine(m.calcErr.Error())) +
			"). Correct it on the Scenario screen, or reset it there with ctrl+r."
	case cur.partial:
		return "Not " + done + " yet: the prudence penalties and the sensitivity grid are still being computed."
	case cur.busy:
		return "Not " + done + " yet: the analysis of the latest edit is still running."
	case cur.incBusy:
		return "Not " + done + " yet: the incentive analyses (the strategy table and the terms that end the reward) are still running."
	case cur.incErr != nil:
		return "Not " + done + ": the incentive analyses could not be computed (" + safe(firstLine(cur.incErr.Error())) +
			"), and a report without them would be incomplete."
	}
	return ""
}

// copySummary sends the email summary to the terminal's clipboard.
func (m *model) copySummary() tea.Cmd {
	if why := m.refusal("copied"); why != "" {
		m.setStatus(why, true)
		return nil
	}
	return copyCmd(m.clip, report.EmailSummary(shownResult(&m.prog.cur, m.prog.now())))
}

// writeSummary writes the email summary to a new file in the current
// folder, the dependable route where the terminal's clipboard is not.
func (m *model) writeSummary() tea.Cmd {
	if why := m.refusal("written"); why != "" {
		m.setStatus(why, true)
		return nil
	}
	text := report.EmailSummary(shownResult(&m.prog.cur, m.prog.now()))
	return writeCmd(reportStem(m.year(), m.work, m.edited)+"-email", ".txt", "the email summary", []byte(text))
}

// export writes the text report to a new file in the current folder, or,
// on a screen with a table of its own to export (Compare), that table.
func (m *model) export() tea.Cmd {
	if why := m.refusal("exported"); why != "" {
		m.setStatus(why, true)
		return nil
	}
	if ex, ok := m.current().(exporter); ok {
		stem, text, err := ex.Export()
		if err != nil {
			m.setStatus("Not exported: "+err.Error(), true)
			return nil
		}
		return writeCmd(stem, ".txt", "the comparison", []byte(text))
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, shownResult(&m.prog.cur, m.prog.now()), report.Text, report.Options{}); err != nil {
		m.setStatus("Not exported: "+firstLine(err.Error()), true)
		return nil
	}
	return writeCmd(reportStem(m.year(), m.work, m.edited), ".txt", "the report", buf.Bytes())
}
