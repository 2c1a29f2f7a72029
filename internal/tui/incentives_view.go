package tui

import (
	"fmt"
	"sort"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// incSort is a column the strategy table can be sorted by.
type incSort int

// Sort columns, in the order s cycles through them.
const (
	incFile incSort = iota
	incCode
	incName
	incGroup
	incBalanced
	incDeficit
	incGain
	incPrice
	numIncSorts
)

var incSortNames = [numIncSorts]string{"file order", "code", "name", "group", "grant if balanced", "grant if deficit", "gain", "marginal price"}

// The strategy table's columns but the name.
const (
	incGroupW = 8
	incMoneyW = 9
	incPriceW = 9
)

// build lays the document out at the current width, selecting row keep.
func (s *incentivesScreen) build(keep int) {
	s.w = s.width
	if s.width <= 0 {
		return
	}
	r := &s.cur.res
	inc := s.incentives()
	s.resN, s.has = s.cur.resN, inc != nil
	b := &navBuilder{}
	w := s.width
	st := &s.st
	switch {
	case !s.cur.hasRes:
	case inc == nil && s.cur.incErr != nil:
		b.add(st.errorText.Render("The incentive analyses could not be computed:"))
		b.para(safe(s.cur.incErr.Error()), w)
	case inc == nil:
		b.add("", "Computing the incentive analyses: a rerun per system, then the search for the terms that end the reward …")
	default:
		s.head(b, r, inc, w)
		s.table(b, r, inc, w)
		b.add("")
		b.para(st.heading.Render("The marginal price of a deficit: ")+safe(inc.Marginal.Text), w)
		s.terms(b, r, inc, w)
	}
	s.nav.set(b.lines, b.rows, keep)
	s.pages = b.pages
}

// head is the strategy table's sentence and counts, and the sentence on
// the terms that end the reward.
func (s *incentivesScreen) head(b *navBuilder, r *analysis.Result, inc *analysis.Incentives, w int) {
	st := &s.st
	sg := inc.Strategy
	b.para(st.heading.Render("Would a balanced plan have paid? ")+safe(sg.Text), w)
	if sg.Counted > 0 {
		b.para(fmt.Sprintf("Of the %d systems compared: a deficit plan paid more for %d, the same for %d, less for %d.",
			sg.Counted, sg.DeficitPays, sg.Equal, sg.BalancedPays), w)
	}
	b.add("")
	b.para(st.heading.Render("Terms that end the reward: ")+safe(inc.Ending.Text), w)
}

// incNameW is the name column's width at w (the code's is codeW).
func incNameW(w, codeW int) int {
	fixed := 2 + codeW + 1 + 1 + incGroupW + 3*(1+incMoneyW) + 1 + incPriceW
	return max(10, min(48, w-fixed))
}

// table is the strategy table, sorted, under its header; each row opens
// the system's reruns.
func (s *incentivesScreen) table(b *navBuilder, r *analysis.Result, inc *analysis.Incentives, w int) {
	st := &s.st
	codeW := 4
	for i := range r.Systems {
		codeW = min(10, max(codeW, ansi.StringWidth(safe(r.Systems[i].Code))))
	}
	nameW := incNameW(w, codeW)
	s.sortRows(r, inc)
	dir := "↑"
	if s.desc {
		dir = "↓"
	}
	b.add("")
	b.para(st.heading.Render("The strategy table")+fmt.Sprintf(" · %d systems · sorted by %s %s · s sorts by the next column, S reverses",
		len(r.Systems), incSortNames[s.sort], dir), w)
	lead := strings.Repeat(" ", 2+codeW+1+nameW+1+incGroupW)
	top := lead + " " + centre("Effective grant, £m", 2*incMoneyW+1) + " " + padLeft("Gain", incMoneyW) + " " + padLeft("Marginal", incPriceW)
	sub := "  " + padRight("Code", codeW) + " " + padRight("Name", nameW) + " " + padRight("Group", incGroupW) + " " +
		padLeft("balanced", incMoneyW) + " " + padLeft("deficit", incMoneyW) + " " + padLeft("£m", incMoneyW) + " " + padLeft("£ per £1", incPriceW)
	b.add(st.header.Render(trunc(top, w)), st.header.Render(trunc(sub, w)))
	for _, i := range s.order {
		b.row(trunc(incRow(&r.Systems[i], &inc.Systems[i], codeW, nameW), w-1), &strategyPage{idx: i})
	}
	b.add(st.dim.Render(trunc("† illustrative · each figure rounded alone: every row is its own rerun", w)),
		st.dim.Render(trunc("balanced: plan 0 or its own · deficit: its own or the median plan", w)))
}

// incRow is one system's row, after the cursor's cell: † if illustrative.
func incRow(sys *analysis.SystemResult, si *analysis.SystemIncentive, codeW, nameW int) string {
	mark := " "
	if sys.Illustrative() {
		mark = "†"
	}
	bal, def, gain := "–", "–", "–"
	if si.Gain != nil {
		bal, def = fmRatio(si.BalancedExact), fmRatio(si.DeficitExact)
		gain = money.Format(*si.Gain, styleMBrCell)
	}
	return mark + padRight(safe(sys.Code), codeW) + " " + padRight(safe(sys.Name), nameW) + " " + padRight(string(sys.Group), incGroupW) + " " +
		padLeft(bal, incMoneyW) + " " + padLeft(def, incMoneyW) + " " + padLeft(gain, incMoneyW) + " " + padLeft(perPound(si.MarginalPrice), incPriceW)
}

// fmRatio shows an exact amount in £m, rounded once to £0.1m, brackets for
// a negative one.
func fmRatio(r money.Ratio) string { return money.Format(r.Round(-5), styleMBrCell) }

// perPound shows a price per £1 to its four places, as the analysis words
// it: "0.4512", "−0.0100".
func perPound(d decimal.Decimal) string {
	return strings.Replace(d.StringFixed(4), "-", "−", 1)
}

// sortRows orders the systems by the sort column (reversed with S),
// falling back to file order.
func (s *incentivesScreen) sortRows(r *analysis.Result, inc *analysis.Incentives) {
	s.order = s.order[:0]
	for i := range r.Systems {
		s.order = append(s.order, i)
	}
	sys, si := r.Systems, inc.Systems
	gain := func(i, j int) int { // no gain sorts first
		a, b := si[i].Gain, si[j].Gain
		switch {
		case a != nil && b != nil:
			return a.Cmp(*b)
		case a != nil:
			return 1
		case b != nil:
			return -1
		}
		return 0
	}
	cmp := func(i, j int) int {
		switch s.sort {
		case incCode:
			return strings.Compare(safe(sys[i].Code), safe(sys[j].Code))
		case incName:
			return strings.Compare(strings.ToLower(safe(sys[i].Name)), strings.ToLower(safe(sys[j].Name)))
		case incGroup:
			return strings.Compare(string(sys[i].Group), string(sys[j].Group))
		case incBalanced:
			return si[i].BalancedExact.Cmp(si[j].BalancedExact)
		case incDeficit:
			return si[i].DeficitExact.Cmp(si[j].DeficitExact)
		case incGain:
			return gain(i, j)
		case incPrice:
			return si[i].PriceExact.Cmp(si[j].PriceExact)
		}
		return 0
	}
	sort.SliceStable(s.order, func(a, b int) bool {
		i, j := s.order[a], s.order[b]
		c := cmp(i, j)
		if s.desc {
			c = -c
		}
		if c != 0 {
			return c < 0
		}
		return i < j
	})
}
