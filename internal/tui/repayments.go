package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// repaymentsModel shows the money due back by year: in total as bars, and
// per system as a table that scrolls (only the rows on screen are drawn).
type repaymentsModel struct {
	scroll scroller // over the per-system rows
}

func newRepayments() repaymentsModel { return repaymentsModel{} }

// payers lists the systems with something due, in file order.
func payers(m *model) []int {
	var out []int
	for i := range m.res.Systems {
		if len(m.res.Systems[i].Repayments) > 0 {
			out = append(out, i)
		}
	}
	return out
}

func (p *repaymentsModel) update(m *model, msg tea.KeyMsg) tea.Cmd {
	top := p.topLines(m, m.width)
	h := m.bodyHeight() - len(top) - 1
	p.scroll.update(m.keys, msg, len(payers(m)), max(1, h))
	return nil
}

// topLines are the totals by year, as bars.
func (p repaymentsModel) topLines(m *model, w int) []string {
	r := &m.res
	st := m.st
	out := []string{st.heading.Render("Money due back by year, all systems")}
	if r.Scenario.Repayment == nil {
		out = append(out, "This scenario is a grant: nothing is due back.")
		return out
	}
	if len(r.Years) == 0 {
		out = append(out, "Nothing is due back.")
		return out
	}
	maxV := decimal.Zero
	for _, y := range r.Years {
		if t := y.Principal.Add(y.Interest); t.GreaterThan(maxV) {
			maxV = t
		}
	}
	barW := min(50, max(10, w-10-34))
	for _, y := range r.Years {
		t := y.Principal.Add(y.Interest)
		label := fm(y.Principal) + " principal"
		if !y.Interest.IsZero() {
			label += " + " + fm(y.Interest) + " interest"
		}
		out = append(out, padRight(safe(y.Year), 10)+st.barRepay.Render(padRight(bar(t, maxV, barW), barW))+" "+label)
	}
	out = append(out, wrap(fmt.Sprintf("Due back in all: %s; present value %s at %s; assumed never repaid: %s.",
		fm(r.Totals.Repayments), fm(r.Totals.PVRepayments), pct(r.Scenario.Assumptions.DiscountRate), pct(r.Scenario.Assumptions.WriteOff)), w)...)
	out = append(out, "")
	return out
}

func (p repaymentsModel) view(m *model, w, h int) string {
	r := &m.res
	st := m.st
	lines := p.topLines(m, w)
	if r.Scenario.Repayment == nil || len(r.Years) == 0 {
		return fitLines(lines, w, h)
	}
	ids := payers(m)
	const codeW, colW = 5, 11
	nameW := 16
	nYears := len(r.Years)
	fit := max(1, (w-2-codeW-1-nameW-(colW+1))/(colW+1))
	shownYears := min(nYears, fit)
	nameW = min(40, max(nameW, w-2-codeW-1-(shownYears+1)*(colW+1)))
	hdr := "  " + padRight("Code", codeW) + " " + padRight("Name", nameW)
	for _, y := range r.Years[:shownYears] {
		hdr += " " + padLeft(safe(y.Year), colW)
	}
	hdr += " " + padLeft("PV", colW)
	title := fmt.Sprintf("By system: %d with something due (principal + interest)", len(ids))
	if shownYears < nYears {
		title += fmt.Sprintf("; first %d of %d years shown", shownYears, nYears)
	}
	lines = append(lines, st.heading.Render(trunc(title, w)), st.header.Render(trunc(hdr, w)))
	rowsH := max(1, h-len(lines))
	rows := make([]string, len(ids))
	// Render only the rows on screen.
	sc := p.scroll
	sc.clamp(len(ids), rowsH)
	end := min(len(ids), sc.off+viewH(len(ids), rowsH))
	for k := sc.off; k < end; k++ {
		sys := &r.Systems[ids[k]]
		line := "  " + padRight(safe(sys.Code), codeW) + " " + padRight(safe(sys.Name), nameW)
		for _, y := range r.Years[:shownYears] {
			cell := "–"
			for _, in := range sys.Repayments {
				if in.Year == y.Year {
					cell = fm(in.Total())
				}
			}
			line += " " + padLeft(cell, colW)
		}
		line += " " + padLeft(fm(sys.PVRepayments), colW)
		rows[k] = trunc(line, w)
	}
	return fitLines(lines, w, h-rowsH) + "\n" + sc.window(rows, w, rowsH)
}
