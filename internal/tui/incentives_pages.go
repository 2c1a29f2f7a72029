package tui

import (
	"fmt"

	"icsplan/internal/analysis"
)

// leverPage lists every point of one lever's search: the scan, then the
// bisection, each with the groups' effective grant and grant per head and
// the verdict on them.
type leverPage struct {
	name analysis.LeverName
}

// lever is the page's lever in the current analysis.
func (p *leverPage) lever(cur *current) (analysis.Lever, bool) {
	inc := cur.res.Incentives
	if inc == nil {
		return analysis.Lever{}, false
	}
	for _, l := range inc.Ending.Levers() {
		if l.Name == p.name {
			return l, len(l.Scan) > 0
		}
	}
	return analysis.Lever{}, false
}

// Valid reports whether the lever was still searched.
func (p *leverPage) Valid(cur *current) bool { _, ok := p.lever(cur); return ok }

// Lines renders the points at width w.
func (p *leverPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	l, ok := p.lever(&c.cur)
	if !ok {
		return []string{"The term was not searched."}
	}
	pdc := c.cur.res.Incentives.Ending.PDC
	pageHead(d, fmt.Sprintf("%s, %s to %s: every point searched", leverTitle(l, pdc), analysis.LeverPercent(l.From), analysis.LeverPercent(l.To)))
	d.para(leverReading(l) + ".")
	d.para("Each point reruns the whole scenario with the term set to that value, the rest as the scenario has it: each group's " +
		"effective grant (the sum of its systems' rounded grants) and per head, and the verdict on the per-head figures.")
	d.add("")
	pointTable(d, l.Scan)
	if len(l.Bisect) > 0 {
		d.add("", d.st.heading.Render("Bisection, inside the step where the verdict changes, to 0.0001"))
		pointTable(d, l.Bisect)
	}
	return d.lines
}

// pointTable lays out lever points: in £m when pence do not fit.
func pointTable(d *doc, pts []analysis.LeverPoint) {
	for _, inM := range []bool{false, true} {
		g := fp
		if inM {
			g = fm
		}
		rows := [][]string{{"Value", "Deficit G", "Balanced G", "Per head, deficit", "balanced", "Verdict"}}
		for _, pt := range pts {
			rows = append(rows, []string{analysis.LeverPercent(pt.Value), g(pt.DeficitGrant), g(pt.BalancedGrant),
				fp(pt.DeficitPerHead), fp(pt.BalancedPerHead), pt.Verdict.Words()})
		}
		if lines, ok := columns(rows, d.w); ok {
			d.add(d.st.header.Render(lines[0]))
			d.add(lines[1:]...)
			return
		}
	}
	for _, pt := range pts {
		d.para(fmt.Sprintf("%s: per head %s and %s, %s.", analysis.LeverPercent(pt.Value), fp(pt.DeficitPerHead), fp(pt.BalancedPerHead), pt.Verdict.Words()))
	}
}
