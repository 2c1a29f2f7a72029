package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
)

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
	st := &m.prog.st
	bodyH := m.bodyHeight()
	var body string
	switch {
	case !m.hasRes && m.calcErr != nil:
		body = fitLines(append([]string{st.errorText.Render("The analysis failed:")}, wrap(safe(m.calcErr.Error()), m.width)...), m.width, bodyH)
	case !m.hasRes:
		body = fitLines([]string{"", "Computing " + safe(scenarioTitle(m.work)) + " …"}, m.width, bodyH)
	default:
		body = m.current().View()
		if b := m.bannerLines(); len(b) > 0 {
			body = strings.Join(b, "\n") + "\n" + body
		}
	}
	return m.headerView() + "\n" + body + "\n" + m.statusView() + "\n" + m.helpView()
}

// bannerLines say, at the top of the body, when the figures shown are not
// those of the scenario as its fields describe it: a field is invalid, or
// the edited scenario could not be analysed. None when they are.
func (m *model) bannerLines() []string {
	if !m.hasRes || len(m.lib.Years) == 0 {
		return nil
	}
	var msg string
	switch {
	case len(m.invalid) > 0:
		msg = "✗ INVALID FIELD (" + labels(m.invalid) + "): these are the figures of the last valid scenario" +
			lastValid(m.work, m.invalid) + ", not of what is typed. Correct it on Scenario or reset with ctrl+r there; " +
			"y, w and e refuse until then."
	case m.calcErr != nil:
		msg = "✗ THE EDITED SCENARIO COULD NOT BE ANALYSED: these are the figures of the last good analysis. " +
			"Correct it on Scenario or reset with ctrl+r there; y, w and e refuse until then."
	default:
		return nil
	}
	lines := wrap(msg, m.width)
	if len(lines) > 3 {
		lines = lines[:3]
	}
	for i, l := range lines {
		lines[i] = m.prog.st.banner.Render(padRight(l, m.width))
	}
	return lines
}

// lastValid says what the invalid fields hold in the last valid scenario
// sc, which may be a value typed on the way ("(Pot £1)"): "" when none is
// a field.
func lastValid(sc plan.Scenario, keys []string) string {
	var parts []string
	for _, k := range keys {
		if k == "" {
			continue
		}
		v := safe(sc.FieldText(k))
		switch {
		case v == "" && k == plan.FieldProfile:
			v = "equal shares"
		case v == "":
			v = "blank"
		}
		parts = append(parts, fieldLabel(k)+" "+v)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// layout gives every screen the size of the body.
func (m *model) layout() {
	h := m.bodyHeight()
	for _, s := range m.tabs {
		s.SetSize(m.width, h)
	}
}

// bodyHeight is the number of lines left for the screen's body once the
// header (2 lines), the banner (if any), status line and help are drawn.
func (m *model) bodyHeight() int {
	helpLines := strings.Count(m.helpView(), "\n") + 1
	statusLines := strings.Count(m.statusView(), "\n") + 1
	return max(1, m.height-2-len(m.bannerLines())-statusLines-helpLines)
}

// helpView is the help bar (or, after ?, the full help), cut to the width.
func (m *model) helpView() string {
	lines := strings.Split(m.help.View(rootHelp{k: &m.prog.keys, screen: m.current(), regimes: len(m.lib.Regimes) > 0}), "\n")
	for i, l := range lines {
		lines[i] = trunc(strings.TrimRight(l, " "), m.width)
	}
	return strings.Join(lines, "\n")
}

// headerView is two lines: where we are (year, scenario) and the tabs.
func (m *model) headerView() string {
	st := &m.prog.st
	y := m.year()
	edited := ""
	switch {
	case len(m.invalid) > 0:
		edited = " (edited, invalid)"
	case m.unsaved():
		edited = " (edited)"
	case m.edited:
		edited = " (edited, saved)"
	}
	// The title gives way to the marks, which must show.
	head := fmt.Sprintf(" icsplan · %s (year %d/%d) · %s: ", y.Label, m.yi+1, len(m.lib.Years), m.where("/"))
	tail := edited + " "
	line := head + trunc(safe(scenarioTitle(m.base)), m.width-ansi.StringWidth(head+tail)) + tail
	title := st.title.Render(padRight(line, m.width))
	return title + "\n" + m.tabsView()
}

// tabsView is the tabs, the current one in brackets: spaced out when they
// fit the width, else closer together, so that every tab shows at 80
// columns.
func (m *model) tabsView() string {
	st := &m.prog.st
	for _, pad := range []string{" ", ""} {
		tabs := make([]string, len(m.tabs))
		width := len(m.tabs) - 1
		for i, s := range m.tabs {
			label := fmt.Sprintf("%d %s", i+1, s.Title())
			if i == m.active {
				tabs[i] = st.activeTab.Render("[" + label + "]")
				width += ansi.StringWidth(label) + 2
			} else {
				tabs[i] = st.tab.Render(pad + label + pad)
				width += ansi.StringWidth(label) + 2*len(pad)
			}
		}
		if width <= m.width || pad == "" {
			return trunc(strings.Join(tabs, " "), m.width)
		}
	}
	return ""
}

// statusView is the status line: what just happened, or an error. A long
// message (a file's full path) wraps onto up to three lines, between its
// parts (" · ") where it can.
func (m *model) statusView() string {
	st := &m.prog.st
	s := safe(m.status)
	style := st.status
	switch {
	case m.confirming:
	case m.calcErr != nil && m.hasRes:
		s = "✗ " + safe(firstLine(m.calcErr.Error())) + " (showing the last good result)"
		style = st.errorText
	case m.partial && m.job.busy():
		if s != "" {
			s += " · "
		}
		s += "computing the prudence penalties and the sensitivity grid…"
	case m.job.busy() && m.hasRes:
		if s != "" {
			s += " · "
		}
		s += "recomputing…"
	case m.incBusy():
		if s != "" {
			s += " · "
		}
		s += "computing the incentives…"
	}
	if m.statusErr {
		style = st.errorText
	}
	lines := joinWrap(strings.Split(s, " · "), " · ", "", max(1, m.width))
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = trunc(lines[2]+"…", m.width)
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

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

// firstLine is the first line of s, with " …" when more follows.
func firstLine(s string) string {
	first, rest, found := strings.Cut(s, "\n")
	if found && rest != "" {
		return first + " …"
	}
	return first
}
