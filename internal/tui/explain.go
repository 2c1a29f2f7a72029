package tui

import (
	"errors"
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// systemPage explains one system's figures step by step, from the exact
// figures the analysis kept: its weight and share of the basis, caps and
// water-filling, the rounding units handed out, each instalment with its
// discount factor, the effective grant and the prudence penalty with the
// rerun behind it.
type systemPage struct {
	idx int // system index (file order)

	// The prudence rerun of analysis resN (see Refresh).
	traced   bool
	resN     int
	trace    analysis.PrudenceTrace
	traceErr error
}

// Valid reports whether the system is still in the analysis.
func (p *systemPage) Valid(cur *current) bool { return p.idx >= 0 && p.idx < len(cur.res.Systems) }

// Refresh traces the prudence rerun of a balanced system for the current
// analysis, once per analysis.
func (p *systemPage) Refresh(c *common) {
	if p.traced && p.resN == c.cur.resN {
		return
	}
	p.traced, p.resN = true, c.cur.resN
	p.trace, p.traceErr = analysis.PrudenceTrace{}, errNoRerun
	if c.trace == nil || !p.Valid(&c.cur) || c.cur.res.Systems[p.idx].PrudencePenalty == nil {
		return
	}
	p.trace, p.traceErr = c.trace(c.cur.year.Dataset, c.cur.res.Scenario, p.idx)
}

// errNoRerun is why a penalty is shown without its rerun: none was traced.
var errNoRerun = errors.New("the rerun was not traced")

// Lines renders the explanation at width w.
func (p *systemPage) Lines(c *common, w int) []string {
	r := &c.cur.res
	if !p.Valid(&c.cur) {
		return []string{"No system selected."}
	}
	d := &doc{st: &c.st, w: w}
	sys := &r.Systems[p.idx]
	sc := r.Scenario
	d.systemHead(sys, sc)
	n := 0
	step := func(title string) { n++; d.step(n, title) }
	step("Eligibility")
	d.eligibility(r, sys)
	step("Weight and share")
	d.weight(r, sys, p.idx)
	step("Caps and water-filling")
	d.caps(r, sys, p.idx)
	step("Rounding")
	d.rounding(r, sys)
	if len(sys.Tranches) > 0 {
		step("Tranches: what is paid, and when")
		d.tranches(r, sys)
	}
	if len(sc.Consequences) > 0 {
		step("Consequences")
		d.consequences(r, sys)
	}
	if sc.Repayment != nil && sc.Repayment.IsPDC() {
		step("Dividends and discounting")
		d.dividends(r, sys, p.idx)
	} else {
		step("Repayments and discounting")
		d.repayments(r, sys, p.idx)
	}
	step("Effective grant")
	if plainTerms(sc) {
		d.grant("G", sc, sys.Allocation, sys.PVRepayments, sys.EffectiveGrant)
		d.para(fmt.Sprintf("Grant element G ÷ A = %s.", sys.GrantElement.StringFixed(4)))
	} else {
		d.generalGrant(r, sys)
	}
	step("Prudence penalty")
	if c.cur.partial {
		d.para("Being computed: the rerun with this system's plan changed follows the headline in a moment.")
		return d.lines
	}
	d.prudence(r, sys, p)
	return d.lines
}

// plainTerms reports whether a scenario's effective grant is A − (1 − w)
// × PV: the whole allocation paid at once, with no consequences, repaid as
// a loan or not at all.
func plainTerms(sc plan.Scenario) bool {
	return len(sc.Tranches) == 0 && len(sc.Consequences) == 0 && (sc.Repayment == nil || !sc.Repayment.IsPDC())
}

// grant states an effective grant g (named name) of allocation a whose
// repayments are worth pv: as the formula where it holds, else as what it
// is made of.
func (d *doc) grant(name string, sc plan.Scenario, a, pv, g decimal.Decimal) {
	if plainTerms(sc) {
		d.para(fmt.Sprintf("%s = A − (1 − write-off) × PV = %s − (1 − %s) × %s = %s (from the exact PV, rounded once).",
			name, fp(a), pct(sc.Assumptions.WriteOff), fp(pv), fp(g)))
		return
	}
	d.para(fmt.Sprintf("%s = the cash received and the consequences, each discounted to the year of receipt, less (1 − %s) × "+
		"the present value of what is paid back = %s (over one common denominator, rounded once).", name, pct(sc.Assumptions.WriteOff), fp(g)))
}

// doc builds an explanation's lines: numbered steps of wrapped paragraphs.
type doc struct {
	st    *styles
	w     int
	lines []string
}

func (d *doc) add(s ...string) { d.lines = append(d.lines, s...) }

func (d *doc) para(s string) { d.add(wrap(s, d.w)...) }

func (d *doc) step(n int, title string) {
	d.add("", d.st.heading.Render(fmt.Sprintf("%d. %s", n, title)))
}

// systemHead names the system and says what it is and which group it is in.
func (d *doc) systemHead(sys *analysis.SystemResult, sc plan.Scenario) {
	threshold := sc.Assumptions.BalancedThreshold
	head := safe(sys.Code) + " · " + safe(sys.Name)
	if sys.Region != "" {
		head += " · " + safe(sys.Region)
	}
	d.add(d.st.heading.Render(trunc(head, d.w-12)) + d.st.dim.Render("  esc: back"))
	d.para(fmt.Sprintf("Population %s; weighted population %s; plan %s.",
		count(sys.Population), decCount(sys.WeightedPopulation), fp(sys.Plan)))
	if sys.Source != "" {
		marker := ""
		if sys.Illustrative() {
			marker = " († illustrative figures)"
		}
		d.para("Source: " + safe(sys.Source) + marker)
	}
	d.provenance(sys)
	if sc.HasTerms() {
		d.figures(sys)
	}
	if sys.Group == analysis.Deficit {
		d.para(fmt.Sprintf("Group: deficit plan — its plan %s is below minus the balanced threshold (%s).", fp(sys.Plan), fp(threshold.Neg())))
	} else {
		d.para(fmt.Sprintf("Group: balanced plan — its plan %s is not below minus the balanced threshold (%s).", fp(sys.Plan), fp(threshold.Neg())))
	}
}

// eligibility is step 1: the rule on the basis.
func (d *doc) eligibility(r *analysis.Result, sys *analysis.SystemResult) {
	sc := r.Scenario
	basis := sys.Basis(sc.Eligibility.Basis)
	basisText := "unknown"
	if basis.Known {
		basisText = fp(basis.Value)
	}
	if sys.Share.Eligible {
		d.para(fmt.Sprintf("Rule %q on the %s (%s): eligible.", sc.Eligibility.Rule, sc.Eligibility.Basis, basisText))
	} else {
		d.para(fmt.Sprintf("Rule %q on the %s (%s): not eligible, so it receives nothing from the pot.", sc.Eligibility.Rule, sc.Eligibility.Basis, basisText))
	}
}

// weight is step 2: the weight the method gives, and its share of the basis.
func (d *doc) weight(r *analysis.Result, sys *analysis.SystemResult, idx int) {
	sc := r.Scenario
	sh := sys.Share
	switch sc.Allocation.Method {
	case plan.MethodProRata:
		d.para(fmt.Sprintf("Method pro_rata: the weight is the deficit on the %s, %s.", sc.Allocation.Basis, fp(sh.Weight)))
	case plan.MethodPerCapita:
		d.para(fmt.Sprintf("Method per_capita: the weight is the weighted population, %s.", decCount(sh.Weight)))
	default:
		d.para(fmt.Sprintf("Method %s: every eligible system has weight %s.", sc.Allocation.Method, decCount(sh.Weight)))
	}
	if share, ok := r.BasisShare(idx); ok {
		total := r.Allocation.Rounds[0].Weights
		d.para(fmt.Sprintf("Share of the basis: %s ÷ %s (all eligible weights) = %s.",
			decCount(sh.Weight), decCount(total), money.Percent(share, 4)))
	}
}

// caps is step 3: its cap, and each round of water-filling.
func (d *doc) caps(r *analysis.Result, sys *analysis.SystemResult, idx int) {
	sh := sys.Share
	switch {
	case !sh.Eligible:
		d.para("Not eligible: no share, so no cap applies.")
	case sh.HasCap:
		d.para(fmt.Sprintf("Cap: its deficit rounded down to whole units of %s = %s.", r.Scenario.FieldText(plan.FieldUnit), fp(sh.Cap)))
	default:
		d.para("No cap (cap = " + string(r.Scenario.Allocation.Cap) + ").")
	}
	if !sh.Eligible {
		return
	}
	for k, rd := range r.Allocation.Rounds {
		mark := ""
		for _, c := range rd.Capped {
			if c == idx {
				mark = " ← its cap bound here"
			}
		}
		d.para(fmt.Sprintf("Round %d: %s shared over weights %s; %d system(s) fixed at their caps%s.",
			k+1, fp(rd.Pot), decCount(rd.Weights), len(rd.Capped), mark))
	}
	if sh.HasCap {
		if sh.CapRound > 0 {
			d.para(fmt.Sprintf("Its cap bound in round %d, so it receives its cap.", sh.CapRound))
		} else {
			d.para("Its cap never bound.")
		}
	}
}

// rounding is step 4: the exact share, the whole units, the leftover unit,
// and what it comes to.
func (d *doc) rounding(r *analysis.Result, sys *analysis.SystemResult) {
	sh := sys.Share
	unit := r.Scenario.FieldText(plan.FieldUnit)
	switch {
	case !sh.Eligible:
		d.para("Nothing to round: it receives nothing.")
	default:
		if sh.HasCap && sh.CapRound > 0 {
			d.para(fmt.Sprintf("Its share is its cap, already whole units: %s.", fp(sh.Cap)))
		} else {
			d.para(fmt.Sprintf("Exact share before rounding: pot left × weight ÷ weights left = £%s (to 6 decimals).", money.GroupedFixed(sh.ExactTo(6), 6)))
		}
		d.para(fmt.Sprintf("Whole units of %s from the floor step: %s.", unit, fp(sh.Floor)))
		if sh.Extra {
			d.para(fmt.Sprintf("Leftover unit: +%s, for one of the largest remainders.", unit))
		} else {
			d.para("Leftover unit: none (its remainder was not among the largest).")
		}
	}
	if len(sys.Tranches) > 0 { // per head, fair share and transfer follow from the cash received (step 5)
		d.para(fmt.Sprintf("Allocation: %s, before the tranches.", fp(sys.Allocation)))
		return
	}
	d.para(fmt.Sprintf("Allocation: %s; per head %s (÷ %s people).", fp(sys.Allocation), fp(sys.PerHead), count(sys.Population)))
	d.para(fmt.Sprintf("Fair share (the allocated total by weighted population): %s; transfer %s.", fp(sys.FairShare), fp(sys.Transfer)))
}

// repayments is step 5: each instalment with its discount factor and value.
func (d *doc) repayments(r *analysis.Result, sys *analysis.SystemResult, idx int) {
	sc := r.Scenario
	rate := sc.Assumptions.DiscountRate
	switch {
	case sc.Repayment == nil:
		d.para("A grant: nothing is repaid.")
		return
	case len(sys.Repayments) == 0:
		d.para("Nothing is due back from this system.")
		return
	}
	d.instalments(r.Discounted(idx))
	d.para(fmt.Sprintf("Factor = 1 ÷ (1 + %s)^t. PV of repayments, summed exactly and rounded once: %s.", pct(rate), fp(sys.PVRepayments)))
}

// instalments lays out instalments with their factors and values: a table
// when it fits the width (without the interest columns when there is no
// interest, if that is what it takes), else a sentence each.
func (d *doc) instalments(ins []analysis.DiscountedInstalment) {
	noInterest := true
	for _, in := range ins {
		noInterest = noInterest && in.Interest.IsZero()
	}
	full := [][]string{{"Year", "t", "Principal", "Interest", "Total", "Factor", "PV"}}
	short := [][]string{{"Year", "t", "Amount", "Factor", "PV"}}
	for _, in := range ins {
		t, f := fmt.Sprint(in.T), in.Factor.StringFixed(6)
		full = append(full, []string{safe(in.Year), t, fp(in.Principal), fp(in.Interest), fp(in.Total()), f, fp(in.PV)})
		short = append(short, []string{safe(in.Year), t, fp(in.Total()), f, fp(in.PV)})
	}
	for _, rows := range [][][]string{full, short} {
		if lines, ok := columns(rows, d.w); ok && (len(rows[0]) == 7 || noInterest) {
			d.add(d.st.header.Render(lines[0]))
			d.add(lines[1:]...)
			return
		}
	}
	for _, in := range ins {
		d.para(fmt.Sprintf("%s (t = %d): principal %s + interest %s = %s; factor %s; PV %s.", safe(in.Year), in.T,
			fp(in.Principal), fp(in.Interest), fp(in.Total()), in.Factor.StringFixed(6), fp(in.PV)))
	}
}

// columns lays rows of cells out, the first row a header: each column as
// wide as its widest cell, the first left-aligned and the rest
// right-aligned, one space apart. ok is false when that is wider than w.
func columns(rows [][]string, w int) (lines []string, ok bool) {
	if len(rows) == 0 {
		return nil, true
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	total := len(widths) - 1
	for _, cw := range widths {
		total += cw
	}
	if total > w {
		return nil, false
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			if i == 0 {
				b.WriteString(padRight(c, widths[i]))
				continue
			}
			b.WriteString(" " + padLeft(c, widths[i]))
		}
		lines = append(lines, b.String())
	}
	return lines, true
}
