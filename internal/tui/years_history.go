package tui

import (
	"fmt"

	"icsplan/internal/analysis"
)

// historyPage is one system across the panel: each year's group, plan,
// planned deficit per head, cash received, loan principal repaid and owed
// at the year's end, and effective grant; then the cumulative figures and
// what it owes at every year end until its loans are repaid.
type historyPage struct {
	sys int // index into the panel's systems
	pv  *yearsData
}

// Valid is always true: the panel does not change.
func (p *historyPage) Valid(*current) bool { return true }

// Lines renders the history at width w: to the penny where the table fits,
// else in £m, each figure rounded alone (the cumulative figures follow to
// the penny).
func (p *historyPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	panel := &p.pv.p
	s := &panel.Systems[p.sys]
	pageHead(d, safe(s.Code)+" · "+safe(s.Name))
	present := 0
	for _, h := range s.History {
		if h.Present {
			present++
		}
	}
	d.para(fmt.Sprintf("In the plans of %d of the panel's %d years, each read through its primary scenario.", present, len(panel.Years)))
	d.add("")
	if lines, ok := historyTable(s, false, w); ok {
		d.add(c.st.header.Render(lines[0]))
		d.add(lines[1:]...)
	} else {
		lines, _ = historyTable(s, true, w)
		d.add(c.st.header.Render(lines[0]))
		d.add(lines[1:]...)
		d.para("(£m, each figure rounded alone; to the penny below.)")
	}
	last := safe(panel.Years[len(panel.Years)-1].Year)
	d.add("")
	d.para(fmt.Sprintf("Across the panel: received %s in cash; repaid %s of loan principal due by the end of %s; owes %s at the end of %s; "+
		"effective grant %s (the years' effective grants added up).", fp(s.Received), fp(s.Repaid), last, fp(s.Owed), last, fp(s.EffectiveGrant)))
	p.owed(d, s)
	for _, h := range s.History {
		if h.Illustrative {
			d.para("† its figures that year are illustrative, not reported.")
			break
		}
	}
	return d.lines
}

// historyTable lays out the system's years, in £m when inM, else to the
// penny; ok is false when that does not fit w.
func historyTable(s *analysis.PanelSystem, inM bool, w int) ([]string, bool) {
	plan, cash := money2, fp
	if inM {
		plan, cash = fmb, fm
	}
	rows := [][]string{{"Year", "Group", "Plan", "Deficit/head", "Received", "Repaid", "Owed at end", "Grant"}}
	for _, h := range s.History {
		if !h.Present {
			rows = append(rows, []string{safe(h.Year), "not in plans", "—", "—", "—", cash(h.Repaid), cash(h.Owed), "—"})
			continue
		}
		year := safe(h.Year)
		if h.Illustrative {
			year += "†"
		}
		rows = append(rows, []string{year, string(h.Group), plan(h.Plan), fp(h.DeficitPerHead), cash(h.Received),
			cash(h.Repaid), cash(h.Owed), cash(h.EffectiveGrant)})
	}
	return columns(rows, w)
}

// owed lists what the system owes at each year end, from every year's
// money, until its loans are repaid.
func (p *historyPage) owed(d *doc, s *analysis.PanelSystem) {
	for _, o := range p.pv.p.Owed {
		if codeKey(o.Code) != codeKey(s.Code) {
			continue
		}
		d.add("", d.st.heading.Render("Loan principal owed at each year end, every year's money together"))
		rows := [][]string{{"Year end", "Owed"}}
		for _, b := range o.Balances {
			rows = append(rows, []string{safe(b.Year), fp(b.Balance)})
		}
		if lines, ok := columns(rows, d.w); ok {
			d.add(d.st.header.Render(lines[0]))
			d.add(lines[1:]...)
		}
		return
	}
	d.para("It owes no loan principal at any year end.")
}
