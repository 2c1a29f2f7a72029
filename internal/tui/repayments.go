package tui

import (
	"fmt"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// repaymentsScreen shows the money due back by year: in total as bars, and
// per system as a table that scrolls (only the rows on screen are drawn).
// Its £m figures foot (see footRepayments): the years add up to the amount
// due, each system's figures in a year to the year's total, and the PVs to
// the PV of all.
type repaymentsScreen struct {
	common
	scroll scroller   // over the per-system rows
	table  repayTable // of the analysis resN, without terms
	flows  flowTable  // of the analysis resN, under terms (termsView)
	resN   int        // the analysis the tables are of; -1 for none
	shown  bool       // the screen is the current one: a new analysis is footed at once, else when it is opened
}

func newRepayments(c common) screen { return &repaymentsScreen{common: c, resN: -1} }

// sync foots the current analysis's figures if the tables are of an older
// one.
func (p *repaymentsScreen) sync() {
	if !p.cur.hasRes || p.resN == p.cur.resN {
		return
	}
	p.table, p.flows = repayTable{}, flowTable{}
	if termsView(p.cur.res.Scenario) {
		p.flows = footFlows(&p.cur.res)
	} else {
		p.table = footRepayments(&p.cur.res)
	}
	p.resN = p.cur.resN
}

// Title is the tab's title.
func (p *repaymentsScreen) Title() string { return "Repayments" }

// Capturing is always false: the screen has no text field.
func (p *repaymentsScreen) Capturing() bool { return false }

// ShortHelp lists the scrolling keys.
func (p *repaymentsScreen) ShortHelp() []key.Binding { short, _ := p.keys.scrollKeys(); return short }

// FullHelp lists the scrolling keys.
func (p *repaymentsScreen) FullHelp() [][]key.Binding {
	_, full := p.keys.scrollKeys()
	return [][]key.Binding{full}
}

// payers lists the systems with something due, in file order.
func payers(r *analysis.Result) []int {
	var out []int
	for i := range r.Systems {
		if len(r.Systems[i].Repayments) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// Update foots a new analysis's figures (when the screen is shown, or
// when it is opened: an edit's headline never waits for a screen out of
// sight) and scrolls the per-system rows.
func (p *repaymentsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case focusMsg:
		if p.shown = msg.focused; p.shown {
			p.sync()
		}
	case changedMsg:
		if msg.result && p.shown {
			p.sync()
		}
	case tea.KeyMsg:
		if termsView(p.cur.res.Scenario) {
			p.scroll.update(&p.keys, msg, p.flowLines(p.width), p.height)
			break
		}
		h := p.height - len(p.topLines(p.width)) - 3
		p.scroll.update(&p.keys, msg, len(p.table.payers)+1, max(1, h))
	}
	return p, nil
}

// topLines are the totals by year, as bars labelled with their footed
// figures.
func (p *repaymentsScreen) topLines(w int) []string {
	r := &p.cur.res
	st := &p.st
	t := &p.table
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
		if v := y.Total(); v.GreaterThan(maxV) {
			maxV = v
		}
	}
	barW := min(50, max(10, w-10-34))
	for i, y := range r.Years {
		label := fm(t.years[i])
		if !t.interest[i].IsZero() {
			label = fm(t.principal[i]) + " + " + fm(t.interest[i]) + " interest = " + fm(t.years[i])
		}
		out = append(out, padRight(safe(y.Year), 10)+st.barRepay.Render(padRight(bar(y.Total(), maxV, barW), barW))+" "+label)
	}
	out = append(out, wrap(fmt.Sprintf("Due back in all: %s (the years add up to it); present value %s at %s; assumed never repaid: %s.",
		fm(t.due), fm(t.pvT), pct(r.Scenario.Assumptions.DiscountRate), pct(r.Scenario.Assumptions.WriteOff)), w)...)
	out = append(out, "")
	return out
}

// View draws the totals and the rows on screen, a totals row after them.
func (p *repaymentsScreen) View() string {
	r := &p.cur.res
	t := &p.table
	w, h := p.width, p.height
	if p.resN != p.cur.resN { // not footed yet
		return fitLines(nil, w, h)
	}
	if termsView(r.Scenario) {
		return p.flowView(w, h)
	}
	lines := p.topLines(w)
	if r.Scenario.Repayment == nil || len(r.Years) == 0 {
		return fitLines(lines, w, h)
	}
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
	title := fmt.Sprintf("By system: %d with something due (principal + interest)", len(t.payers))
	if shownYears < nYears {
		title += fmt.Sprintf("; first %d of %d years shown", shownYears, nYears)
	}
	lines = append(lines, p.st.heading.Render(trunc(title, w)), p.st.header.Render(trunc(hdr, w)))
	legend := "† illustrative figures · each column adds up to its total"
	if !t.tied {
		legend = "† illustrative figures · rounded one by one: a column may differ from its total by £0.1m"
	}
	return p.rowsView(lines, len(t.payers)+1, func(k int) string { return p.rowLine(k, shownYears, codeW, nameW, colW) }, legend)
}

// rowsView draws the lines above the table, then the n rows of the table
// that are on screen (row draws one; only those are drawn), scrolled, and
// the legend on the last line.
func (p *repaymentsScreen) rowsView(lines []string, n int, row func(k int) string, legend string) string {
	w, h := p.width, p.height
	rowsH := max(1, h-len(lines)-1)
	rows := make([]string, n)
	sc := p.scroll
	sc.clamp(n, rowsH)
	end := min(n, sc.off+viewH(n, rowsH))
	for k := sc.off; k < end; k++ {
		rows[k] = trunc(row(k), w)
	}
	return fitLines(lines, w, h-rowsH-1) + "\n" + sc.window(rows, w, rowsH) + "\n" + p.st.dim.Render(trunc(legend, w))
}

// rowLine is row k of the per-system table: payer k, or after the last
// the totals row.
func (p *repaymentsScreen) rowLine(k, years, codeW, nameW, colW int) string {
	t := &p.table
	r := &p.cur.res
	if k == len(t.payers) {
		line := "  " + padRight("Total", codeW) + " " + padRight(fmt.Sprintf("%d systems", len(t.payers)), nameW)
		for i := range years {
			line += " " + padLeft(fm(t.years[i]), colW)
		}
		return p.st.header.Render(line + " " + padLeft(fm(t.pvT), colW))
	}
	sys := &r.Systems[t.payers[k]]
	mark := "  "
	if sys.Illustrative() {
		mark = " †"
	}
	line := mark + padRight(safe(sys.Code), codeW) + " " + padRight(safe(sys.Name), nameW)
	for i := range years {
		cell := "–"
		if t.has[k][i] {
			cell = fm(t.cells[k][i])
		}
		line += " " + padLeft(cell, colW)
	}
	return line + " " + padLeft(fm(t.pv[k]), colW)
}
