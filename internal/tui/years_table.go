package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/charmbracelet/x/ansi"
)

// system is the panel's system of code, if it has one.
func (d *yearsData) system(code string) (*analysis.PanelSystem, bool) {
	i, ok := d.index[codeKey(code)]
	if !ok {
		return nil, false
	}
	return &d.p.Systems[i], true
}

// yearCols are the systems table's columns at a width: the years shown
// (from off, fit of them) and the name's width.
type yearCols struct {
	off, fit int
	name     int
}

// cols lays the systems table out at width w, keeping yoff in range.
func (y *yearsScreen) cols(w int) yearCols {
	d := y.data
	n := len(d.p.Years)
	fit := yearsFit(w, n, d.codeW)
	y.yoff = max(0, min(y.yoff, n-fit))
	name := w - (1 + d.codeW + 1) - fit*yYearW - (1 + yOwedW)
	return yearCols{off: y.yoff, fit: fit, name: max(yNameW0, min(48, name))}
}

// systems is the per-system table: each year's plan and cash, and what is
// owed at the end of the panel's last year, with a totals row; enter on a
// system opens its history.
func (y *yearsScreen) systems(b *navBuilder, p *analysis.Panel, w int) {
	st := &y.st
	d := y.data
	c := y.cols(w)
	last := safe(p.Years[len(p.Years)-1].Year)
	title := "Per system: plan and cash received each year, and loan principal owed at the end of " + last + " (£m)"
	if c.fit < len(p.Years) {
		title += fmt.Sprintf(" · years %d–%d of %d, ←/→ for more", c.off+1, c.off+c.fit, len(p.Years))
	}
	b.add("")
	b.para(st.heading.Render(title), w)
	lead := strings.Repeat(" ", 1+d.codeW+1+c.name)
	top, sub := lead, " "+padRight("Code", d.codeW)+" "+padRight("Name", c.name)
	for t := c.off; t < c.off+c.fit; t++ {
		top += " " + centre(safe(p.Years[t].Year), yYearW-1)
		sub += " " + padLeft("Plan", yPlanW) + "  " + padLeft("Cash", yCashW)
	}
	top += " " + padLeft("Owed at", yOwedW)
	sub += " " + padLeft(last, yOwedW)
	b.add(st.header.Render(trunc(top, w)), st.header.Render(trunc(sub, w)))
	for i := range p.Systems {
		b.row(trunc(y.systemLine(i, c), w-1), &historyPage{sys: i, pv: d})
	}
	total := padRight(fmt.Sprintf("Total, all %d", len(p.Systems)), d.codeW+1+c.name)
	for t := c.off; t < c.off+c.fit; t++ {
		total += " " + padLeft(money.Format(d.planT[t], styleMBrCell), yPlanW) + "  " + padLeft(money.Format(d.cashT[t], styleMCell), yCashW)
	}
	total += " " + padLeft(money.Format(d.owedT, styleMCell), yOwedW)
	b.add(st.header.Render(trunc(" "+total, w)))
	b.add(st.dim.Render(trunc("† illustrative that year · — not in that year's plans · plan: surplus/(deficit)", w)),
		st.dim.Render(trunc("£m columns add up to the totals row · enter opens a system's history", w)))
}

// systemLine is system i's row (without the cursor's cell).
func (y *yearsScreen) systemLine(i int, c yearCols) string {
	d := y.data
	s := &d.p.Systems[i]
	line := padRight(safe(s.Code), d.codeW) + " " + padRight(safe(s.Name), c.name)
	for t := c.off; t < c.off+c.fit; t++ {
		if t >= len(s.History) || !s.History[t].Present {
			line += " " + padLeft("—", yPlanW) + "  " + padLeft("—", yCashW)
			continue
		}
		mark := " "
		if s.History[t].Illustrative {
			mark = "†"
		}
		line += " " + padLeft(money.Format(d.plan[t][i], styleMBrCell), yPlanW) + mark + " " + padLeft(money.Format(d.cash[t][i], styleMCell), yCashW)
	}
	return line + " " + padLeft(money.Format(d.owed[i], styleMCell), yOwedW)
}

// centre pads s with spaces on both sides to w cells.
func centre(s string, w int) string {
	s = trunc(s, w)
	left := (w - ansi.StringWidth(s)) / 2
	return padRight(strings.Repeat(" ", left)+s, w)
}
