package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// transition is one row of a pair's transition table.
type transition struct {
	label string
	refs  []analysis.SystemRef
}

// transitions are a pair's four rows, in the order the design lists them.
func transitions(t analysis.Transitions) []transition {
	return []transition{
		{"deficit → deficit", t.DeficitDeficit},
		{"deficit → balanced", t.DeficitBalanced},
		{"balanced → deficit", t.BalancedDeficit},
		{"balanced → balanced", t.BalancedBalanced},
	}
}

// pair is one pair of consecutive years: the transitions as a table of
// counts with bars (enter names them), persistence of recipients, the
// change in planned deficit per head, the bailout slope, and the codes
// that appear or vanish.
func (y *yearsScreen) pair(b *navBuilder, p *analysis.Panel, i, w int) {
	st := &y.st
	pr := &p.Pairs[i]
	from, to := safe(pr.From), safe(pr.To)
	rows := transitions(pr.Transitions)
	both := 0
	for _, r := range rows {
		both += len(r.refs)
	}
	b.add("", st.heading.Render(trunc(fmt.Sprintf("%s → %s: plans by group in each year, and who was paid", from, to), w)))
	lw := 21
	bw := max(4, min(40, w-1-lw-8-2))
	b.add(st.header.Render(trunc(" "+padRight("Group in each year", lw)+padLeft("Systems", 8), w)))
	for _, r := range rows {
		line := padRight(r.label, lw) + padLeft(fmt.Sprint(len(r.refs)), 8) + "  " +
			bar(decimal.NewFromInt(int64(len(r.refs))), decimal.NewFromInt(int64(both)), bw)
		title := fmt.Sprintf("%s → %s: %s, %d of the %d systems in both years", from, to, r.label, len(r.refs), both)
		y.refsRow(b, trunc(line, w-1), title, r.refs, i)
	}
	y.persistence(b, pr, i, w)
	b.para(changeText(pr), w)
	b.para(slopeText(pr, p.Years[i].Systems), w)
	if n := len(pr.Joined); n > 0 {
		y.refsRow(b, trunc(fmt.Sprintf("%d %s first in %s: %s", n, plural(n, "system appears", "systems appear"), to, refCodes(pr.Joined)), w-1),
			fmt.Sprintf("Codes in %s that are not in %s", to, from), pr.Joined, i)
	}
	if n := len(pr.Left); n > 0 {
		y.refsRow(b, trunc(fmt.Sprintf("%d %s of %s not in %s: %s", n, plural(n, "system", "systems"), from, to, refCodes(pr.Left)), w-1),
			fmt.Sprintf("Codes in %s that are not in %s", from, to), pr.Left, i)
	}
}

// refsRow adds a row that names refs on enter, or a plain line when there
// is no one to name.
func (y *yearsScreen) refsRow(b *navBuilder, line, title string, refs []analysis.SystemRef, pair int) {
	if len(refs) == 0 {
		b.add(" " + line)
		return
	}
	b.row(line, &namesPage{title: title, refs: refs, pair: pair, pv: y.view()})
}

// persistence is the row of recipients who planned a deficit the next
// year; enter lists them.
func (y *yearsScreen) persistence(b *navBuilder, pr *analysis.Pair, i, w int) {
	r, k := len(pr.Recipients), len(pr.RecipientsDeficitNext)
	if r == 0 {
		b.add(" " + trunc(fmt.Sprintf("Persistence: no system present in both years received money in %s.", safe(pr.From)), w-1))
		return
	}
	line := fmt.Sprintf("Persistence: of %d %s paid in %s, %d planned a deficit in %s", r,
		plural(r, "system", "systems"), safe(pr.From), k, safe(pr.To))
	b.row(trunc(line, w-1), &recipientsPage{pair: i, pv: y.view()})
	k, kd := len(pr.ReportedRecipients), len(pr.ReportedRecipientsDeficitNext)
	b.para(fmt.Sprintf("  On rows reported in both years alone: %d of the %d, and %d of those %d planned a deficit in %s.",
		k, r, kd, k, safe(pr.To)), w)
}

// changeText is the change in planned deficit per head, in a sentence.
func changeText(pr *analysis.Pair) string {
	c := pr.ChangePerHead
	return fmt.Sprintf("Change in planned deficit per head, %s to %s (means over the systems in both years): "+
		"recipients of money %s (%d), the others %s (%d); difference %s.",
		safe(pr.From), safe(pr.To), signedP(c.Recipients), c.NRecipients, signedP(c.Others), c.NOthers, signedP(c.Difference))
}

// slopeText is the bailout slope of the pair's first year, in a sentence.
func slopeText(pr *analysis.Pair, systems int) string {
	if pr.BailoutSlope == nil {
		return fmt.Sprintf("Bailout slope, %s: not defined (fewer than two systems, or every system planned the same deficit per head).", safe(pr.From))
	}
	s := pr.BailoutSlope.StringFixed(4)
	return fmt.Sprintf("Bailout slope, %s: %s. By least squares over its %d systems, each £1 of planned deficit per head "+
		"brought £%s of cash per head (1.0000 would cover every £1).", safe(pr.From), s, systems, s)
}

// signedP shows a change per head to the penny with its sign; "–" for none.
func signedP(d *decimal.Decimal) string {
	switch {
	case d == nil:
		return "–"
	case d.Sign() > 0:
		return "+" + fp(*d)
	}
	return fp(*d)
}

// refCodes lists the codes of refs.
func refCodes(refs []analysis.SystemRef) string {
	cs := make([]string, len(refs))
	for i, r := range refs {
		cs[i] = safe(r.Code)
	}
	return strings.Join(cs, ", ")
}

// plural is one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
