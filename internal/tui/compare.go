package tui

import (
	"fmt"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// compareModel puts every scenario of the year side by side, one column
// each; ←/→ scroll when they do not all fit.
type compareModel struct {
	off int // first scenario column shown
}

func newCompare() compareModel { return compareModel{} }

const compareLabelW = 26

// compareCols sizes the scenario columns: 18 to 30 cells, as many as fit.
func compareCols(w, n int) (colW, fit int) {
	colW = max(18, min(30, (w-compareLabelW)/max(1, n)))
	fit = max(1, (w-compareLabelW)/colW)
	return colW, fit
}

func (c *compareModel) update(m *model, msg tea.KeyMsg) tea.Cmd {
	n := len(m.year().Scenarios)
	_, fit := compareCols(m.width, n)
	switch {
	case key.Matches(msg, m.keys.Left):
		c.off--
	case key.Matches(msg, m.keys.Right):
		c.off++
	}
	c.off = max(0, min(c.off, n-fit))
	return nil
}

func (c compareModel) view(m *model, w, h int) string {
	st := m.st
	y := m.year()
	n := len(y.Scenarios)
	colW, fit := compareCols(w, n)
	off := max(0, min(c.off, n-fit))
	end := min(n, off+fit)

	// One result per scenario: the working one for the current scenario,
	// so edits show here too.
	type col struct {
		res analysis.Result
		err error
		ok  bool
	}
	cols := make([]col, n)
	for i := range cols {
		switch {
		case i == m.si && m.hasRes:
			cols[i] = col{res: m.res, ok: true}
		case m.cmpYear == m.yi && i < len(m.cmp):
			cols[i] = col{res: m.cmp[i].res, err: m.cmp[i].err, ok: m.cmp[i].err == nil}
		}
	}

	var lines []string
	title := fmt.Sprintf("%s: %d scenario(s) side by side", y.Label, n)
	if n > fit {
		title += fmt.Sprintf(" · showing %d–%d (←/→ for more)", off+1, end)
	}
	lines = append(lines, st.heading.Render(trunc(title, w)), "")

	row := func(label string, cell func(i int, cl col) string) {
		line := padRight(label, compareLabelW)
		for i := off; i < end; i++ {
			v := "…"
			switch {
			case cols[i].err != nil:
				v = "error"
			case cols[i].ok:
				v = cell(i, cols[i])
			}
			line += padRight(trunc(v, colW-1), colW)
		}
		lines = append(lines, trunc(line, w))
	}
	hdr := padRight("", compareLabelW)
	for i := off; i < end; i++ {
		name := safe(y.Scenarios[i].Name)
		if i == m.si {
			name = "▶ " + name
			if m.edited() {
				name += " (edited)"
			}
		}
		hdr += padRight(name, colW-1) + " "
	}
	lines = append(lines, st.header.Render(trunc(hdr, w)))
	row("Title", func(i int, cl col) string { return trunc(safe(scenarioTitle(cl.res.Scenario)), colW-1) })
	row("Pot", func(i int, cl col) string { return fm(cl.res.Totals.Pot) })
	row("Eligible / method", func(i int, cl col) string {
		return trunc(string(cl.res.Scenario.Eligibility.Rule)+" / "+string(cl.res.Scenario.Allocation.Method), colW-1)
	})
	row("Repayable", func(i int, cl col) string {
		if cl.res.Scenario.Repayment == nil {
			return "no (grant)"
		}
		return fmt.Sprintf("%d yrs from %s", cl.res.Scenario.Repayment.Years, safe(cl.res.Scenario.Repayment.FirstYear))
	})
	row("To deficit group", func(i int, cl col) string { return fm(cl.res.Deficit.Allocation) })
	row("To balanced group", func(i int, cl col) string { return fm(cl.res.Balanced.Allocation) })
	row("Per head, deficit", func(i int, cl col) string { return fp(cl.res.Deficit.PerHead) })
	row("Per head, balanced", func(i int, cl col) string { return fp(cl.res.Balanced.PerHead) })
	row("Eff. grant, deficit", func(i int, cl col) string { return fm(cl.res.Deficit.EffectiveGrant) })
	row("Eff. grant, balanced", func(i int, cl col) string { return fm(cl.res.Balanced.EffectiveGrant) })
	row("Grant/head, deficit", func(i int, cl col) string { return fp(cl.res.Deficit.GrantPerHead) })
	row("Grant/head, balanced", func(i int, cl col) string { return fp(cl.res.Balanced.GrantPerHead) })
	row("Net transfer to deficit", func(i int, cl col) string { return fm(cl.res.NetTransferToDeficit) })
	row("Verdict", func(i int, cl col) string {
		return st.verdictText(cl.res.Verdict.Label).Render(cl.res.Verdict.Label.Short())
	})
	lines = append(lines, "", st.dim.Render(trunc("▶ the scenario open in the other screens; < > or p n switch to another.", w)))
	for i := off; i < end; i++ {
		if cols[i].err != nil {
			lines = append(lines, trunc(st.errorText.Render(fmt.Sprintf("✗ %s: %s", safe(y.Scenarios[i].Name), safe(firstLine(cols[i].err.Error())))), w))
		}
	}
	return fitLines(lines, w, h)
}
