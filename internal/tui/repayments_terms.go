package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// The Repayments screen under terms: money by year, paid out and coming
// back (repayments, interest, dividends, deductions) with the bonuses,
// then what each system owes by year (flowTable).

// flowTop is the table of money by year, each year with a bar of what is
// due back (or, when nothing is, of what is paid out), and a line saying
// what the totals are.
func (p *repaymentsScreen) flowTop(w int) []string {
	r := &p.cur.res
	st := &p.st
	t := &p.flows
	out := []string{st.heading.Render(trunc("Money by year, all systems: paid out, and what comes back", w))}
	var cols []*flowCol
	for c := range t.cols {
		if col := &t.cols[c]; col.any() || c == colPaid {
			cols = append(cols, col)
		}
	}
	rows := [][]string{{"Year"}}
	for _, c := range cols {
		rows[0] = append(rows[0], c.head)
	}
	for i, y := range t.years {
		row := []string{safe(y)}
		for _, c := range cols {
			row = append(row, moneyCell(c.exact[i], c.shown[i]))
		}
		rows = append(rows, row)
	}
	total := []string{"Total"}
	for _, c := range cols {
		total = append(total, fm(c.total))
	}
	rows = append(rows, total)
	for _, row := range rows { // a little air between the columns
		for c := 1; c < len(row); c++ {
			row[c] = padLeft(row[c], max(10, ansi.StringWidth(row[c])))
		}
	}
	lines, ok := columns(rows, w)
	if !ok { // too wide: cut the last columns, never a figure
		lines = columnsCut(rows, w)
	}
	bars := &t.cols[colDue]
	style := st.barRepay
	if !bars.any() {
		bars, style = &t.cols[colPaid], st.barCash
	}
	barW := min(30, w-ansi.StringWidth(lines[0])-2)
	maxV := decimal.Zero
	for _, v := range bars.exact {
		maxV = decimal.Max(maxV, v)
	}
	for k, l := range lines {
		switch {
		case k == 0 || k == len(lines)-1:
			out = append(out, st.header.Render(l))
		case barW >= 6:
			out = append(out, l+"  "+style.Render(bar(bars.exact[k-1], maxV, barW)))
		default:
			out = append(out, l)
		}
	}
	return append(append(out, wrap(p.flowSummary(r), w)...), "")
}

// flowSummary says what the totals are made of.
func (p *repaymentsScreen) flowSummary(r *analysis.Result) string {
	t := &p.flows
	tot := &r.Totals
	s := fmt.Sprintf("Paid out %s in all", fm(t.cols[colPaid].total))
	if len(r.Scenario.Tranches) > 0 {
		s += fmt.Sprintf(" (allocated %s; withheld %s, of which %s redistributed and %s held)",
			fm(tot.Allocated), fm(tot.Withheld), fm(tot.Redistributed), fm(tot.Held))
	}
	s += "."
	switch {
	case r.Scenario.Repayment == nil && !t.cols[colDue].any():
		s += " A grant: nothing is due back."
	case r.Scenario.Repayment != nil:
		s += fmt.Sprintf(" Due back %s; present value of the repayments or dividends %s at %s; assumed never repaid: %s.",
			fm(t.cols[colDue].total), fm(tot.PVRepayments), pct(r.Scenario.Assumptions.DiscountRate), pct(r.Scenario.Assumptions.WriteOff))
	default:
		s += fmt.Sprintf(" Due back %s.", fm(t.cols[colDue].total))
	}
	switch ded, bon := t.cols[colDeductions].any(), t.cols[colBonuses].any(); {
	case ded && bon:
		s += " Deductions and bonuses at face value, before probability and discounting."
	case ded:
		s += " Deductions at face value, before probability and discounting."
	case bon:
		s += " Bonuses at face value, before probability and discounting."
	}
	return s
}

// moneyCell is a £m figure, or "–" for none.
func moneyCell(exact, shown decimal.Decimal) string {
	if exact.IsZero() {
		return "–"
	}
	return fm(shown)
}

// columnsCut lays rows out as columns does, keeping as many columns as fit
// in w.
func columnsCut(rows [][]string, w int) []string {
	for n := len(rows[0]) - 1; n >= 1; n-- {
		cut := make([][]string, len(rows))
		for i, r := range rows {
			cut[i] = r[:n]
		}
		if lines, ok := columns(cut, w); ok {
			return lines
		}
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = trunc(r[0], w)
	}
	return lines
}

// flowHeader is the per-system table's title and heading under terms.
func (p *repaymentsScreen) flowHeader(w int, l flowLayout) []string {
	t := &p.flows
	st := &p.st
	hdr := "  " + padRight("Code", l.codeW) + " " + padRight("Name", l.nameW)
	for _, i := range t.dueYears[:l.years] {
		hdr += " " + padLeft(safe(t.years[i]), l.colW)
	}
	if l.bonus {
		hdr += " " + padLeft("Bonuses", l.colW)
	}
	if l.pv {
		hdr += " " + padLeft("PV", l.colW)
	}
	var what []string
	if len(t.dueYears) > 0 {
		what = append(what, "owed by year")
	}
	if l.bonus {
		what = append(what, "bonuses in all")
	}
	title := fmt.Sprintf("By system: %s, %s", nOf(len(t.rows), "system", "systems"), strings.Join(what, "; "))
	if l.years < len(t.dueYears) {
		title += fmt.Sprintf("; first %d of %d years shown", l.years, len(t.dueYears))
	}
	return []string{st.heading.Render(trunc(title, w)), st.header.Render(trunc(hdr, w))}
}

// flowLayout is how the per-system table fits the width.
type flowLayout struct {
	codeW, nameW, colW, years int
	bonus, pv                 bool
}

func (p *repaymentsScreen) flowLayoutFor(w int) flowLayout {
	t := &p.flows
	l := flowLayout{codeW: 5, nameW: 16, bonus: t.cols[colBonuses].any(), pv: p.cur.res.Scenario.Repayment != nil}
	// Columns as wide as their widest figure, a total, with two spaces.
	widest := max(ansi.StringWidth(fm(t.bonusT)), ansi.StringWidth(fm(t.pvT)), len("Bonuses"), len("2024/25"))
	for _, i := range t.dueYears {
		widest = max(widest, ansi.StringWidth(fm(t.cols[colDue].shown[i])))
	}
	l.colW = min(11, widest+2)
	extra := 0
	if l.bonus {
		extra++
	}
	if l.pv {
		extra++
	}
	fit := max(0, (w-2-l.codeW-1-l.nameW-extra*(l.colW+1))/(l.colW+1))
	l.years = min(len(t.dueYears), fit)
	l.nameW = min(40, max(l.nameW, w-2-l.codeW-1-(l.years+extra)*(l.colW+1)))
	return l
}

// flowRow is row k of the per-system table under terms, or after the last
// the totals row.
func (p *repaymentsScreen) flowRow(k int, l flowLayout) string {
	t := &p.flows
	if k == len(t.rows) {
		line := "  " + padRight("Total", l.codeW) + " " + padRight(nOf(len(t.rows), "system", "systems"), l.nameW)
		for _, i := range t.dueYears[:l.years] {
			line += " " + padLeft(fm(t.cols[colDue].shown[i]), l.colW)
		}
		if l.bonus {
			line += " " + padLeft(fm(t.bonusT), l.colW)
		}
		if l.pv {
			line += " " + padLeft(fm(t.pvT), l.colW)
		}
		return p.st.header.Render(line)
	}
	sys := &p.cur.res.Systems[t.rows[k]]
	mark := "  "
	if sys.Illustrative() {
		mark = " †"
	}
	line := mark + padRight(safe(sys.Code), l.codeW) + " " + padRight(safe(sys.Name), l.nameW)
	for j := range l.years {
		cell := "–"
		if t.has[k][j] {
			cell = fm(t.cells[k][j])
		}
		line += " " + padLeft(cell, l.colW)
	}
	if l.bonus {
		line += " " + padLeft(moneyCell(sys.Bonuses, t.bonus[k]), l.colW)
	}
	if l.pv {
		line += " " + padLeft(fm(t.pv[k]), l.colW)
	}
	return line
}

// flowView draws the screen under terms as one page that scrolls: the
// years, the per-system table with its totals row, and the legend. Only
// the lines on screen are drawn.
func (p *repaymentsScreen) flowView(w, h int) string {
	t := &p.flows
	top := p.flowTop(w)
	if len(t.rows) == 0 {
		return p.scroll.window(top, w, h)
	}
	l := p.flowLayoutFor(w)
	top = append(top, p.flowHeader(w, l)...)
	legend := "† illustrative figures · each column adds up to its total, and each year across"
	if !t.tied {
		legend = "† illustrative figures · rounded one by one: a column may differ from its total by £0.1m"
	}
	n := len(t.rows) + 1
	lines := make([]string, len(top)+n+1)
	sc := p.scroll
	sc.clamp(len(lines), h)
	for i := sc.off; i < min(len(lines), sc.off+viewH(len(lines), h)); i++ {
		switch {
		case i < len(top):
			lines[i] = top[i]
		case i < len(top)+n:
			lines[i] = trunc(p.flowRow(i-len(top), l), w)
		default:
			lines[i] = p.st.dim.Render(trunc(legend, w))
		}
	}
	return sc.window(lines, w, h)
}

// flowLines is how many lines flowView's page has.
func (p *repaymentsScreen) flowLines(w int) int {
	t := &p.flows
	n := len(p.flowTop(w))
	if len(t.rows) > 0 {
		n += 2 + len(t.rows) + 1 + 1
	}
	return n
}

// nOf is n with its noun: "1 system", "2 systems".
func nOf(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }
