package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
)

// The steps of an explanation that the terms add (DESIGN.md, "Consequences:
// the terms that follow the money"): each tranche paid or withheld and why,
// the cash received, each consequence, and the effective grant written out
// term by term. Every figure is the analysis's own.

// figures shows what the terms test, forecast and outturn, when the
// scenario has terms: "Forecast -£4,200,000.00; outturn blank."
func (d *doc) figures(sys *analysis.SystemResult) {
	show := func(f plan.Figure) string {
		if !f.Known {
			return "blank"
		}
		return fp(f.Value)
	}
	d.para(fmt.Sprintf("Forecast %s; outturn %s.", show(sys.Forecast), show(sys.Outturn)))
}

// provenance is where the row's figures were published and how well they
// are known, when the plans say.
func (d *doc) provenance(sys *analysis.SystemResult) {
	grade := map[plan.Confidence]string{plan.ConfidenceHigh: "high", plan.ConfidenceMedium: "medium", plan.ConfidenceLow: "low"}
	conf := ""
	if g, ok := grade[sys.Confidence]; ok {
		conf = fmt.Sprintf("confidence %s (%s)", g, sys.Confidence)
	}
	switch {
	case sys.SourceURL != "" && conf != "":
		d.para("Published at " + safe(sys.SourceURL) + "; " + conf + ".")
	case sys.SourceURL != "":
		d.para("Published at " + safe(sys.SourceURL) + ".")
	case conf != "":
		d.para(strings.ToUpper(conf[:1]) + conf[1:] + ".")
	}
}

// tranches is the step that pays the allocation out: each tranche, its
// part, whether it was paid and why, any forfeits redistributed to it and
// what the cash is worth today; then the cash received and the figures
// that follow from it.
func (d *doc) tranches(r *analysis.Result, sys *analysis.SystemResult) {
	rate := r.Scenario.Assumptions.DiscountRate
	for _, t := range sys.Tranches {
		terms := fmt.Sprintf("%s, paid in %s, t = %d", pct(t.Share), safe(t.Paid), t.T)
		if t.Condition != plan.ConditionNone && t.Condition != "" {
			terms += fmt.Sprintf(", on the %s with %s tolerance", t.Condition, fp(t.Tolerance))
			if f := r.Scenario.Tranches[t.Number-1].Forfeit; f == plan.ForfeitRedistribute {
				terms += ", forfeits redistributed"
			} else {
				terms += ", forfeits held"
			}
		}
		s := fmt.Sprintf("Tranche %d (%s): its part %s. %s", t.Number, terms, fp(t.Amount), t.Why())
		if !t.Redistributed.IsZero() {
			s += fmt.Sprintf(" Redistributed to it from the systems that failed: %s.", fp(t.Redistributed))
		}
		s += " Received " + fp(t.Received())
		if t.T > 0 && !t.Received().IsZero() {
			s += fmt.Sprintf(", worth %s today (÷ (1 + %s)^%d)", fp(t.Value), pct(rate), t.T)
		}
		d.para(s + ".")
	}
	d.para(fmt.Sprintf("Received R = allocation − withheld + redistributed to it = %s − %s + %s = %s.",
		fp(sys.Allocation), fp(sys.Withheld), fp(sys.Redistributed), fp(sys.Received)))
	d.para(fmt.Sprintf("Per head %s (R ÷ %s people).", fp(sys.PerHead), count(sys.Population)))
	d.para(fmt.Sprintf("Fair share (the cash received in all, by weighted population): %s; transfer R − fair share = %s.",
		fp(sys.FairShare), fp(sys.Transfer)))
}

// consequences is the step of the scenario's consequences: each one
// applied to the system (base × rate, the year, the probability, what it
// is worth today), or why it was not.
func (d *doc) consequences(r *analysis.Result, sys *analysis.SystemResult) {
	applied := map[int]analysis.ConsequenceResult{}
	for _, c := range sys.Consequences {
		applied[c.Number] = c
	}
	rate := r.Scenario.Assumptions.DiscountRate
	for k, c := range r.Scenario.Consequences {
		head := fmt.Sprintf("Consequence %d, a %s on the %s (for %s planners)", k+1, c.Kind, c.Base, c.Group)
		cr, ok := applied[k+1]
		if !ok {
			d.para(head + ": " + notApplied(c, sys) + ".")
			continue
		}
		d.para(fmt.Sprintf("%s: %s, in %s (t = %d), with probability %s: worth %s × %s ÷ (1 + %s)^%d = %s today.",
			head, cr.Sum(), safe(cr.Year), cr.T, pct(cr.Probability), pct(cr.Probability), fp(cr.Amount), pct(rate), cr.T, fp(cr.Value)))
	}
	d.para(fmt.Sprintf("Deductions in all %s; bonuses %s (at face value, before probability and discounting).",
		fp(sys.Deductions), fp(sys.Bonuses)))
}

// notApplied says why consequence c was not applied to sys: the planners
// it is for, a blank outturn, or a base (or rate) of nothing.
func notApplied(c plan.Consequence, sys *analysis.SystemResult) string {
	deficit := sys.Group == analysis.Deficit
	switch {
	case c.Group == plan.AppliesDeficit && !deficit:
		return "not applied, since it planned to balance"
	case c.Group == plan.AppliesBalanced && deficit:
		return "not applied, since it planned a deficit"
	case c.NeedsOutturn() && !sys.Outturn.Known:
		return "not applied: its outturn is blank (the caveats count this)"
	case c.Rate.IsZero():
		return "nothing, at a rate of 0%"
	}
	var zero bool
	why := ""
	switch c.Base {
	case plan.BaseOverspend:
		zero, why = !sys.Outturn.Value.LessThan(sys.Plan), "its outturn is not below its plan"
	case plan.BaseImprovement:
		zero, why = !sys.Outturn.Value.GreaterThan(sys.Plan), "its outturn is not above its plan"
	case plan.BaseReceived:
		zero, why = sys.Received.IsZero(), "it received nothing"
	case plan.BaseDeficit:
		zero, why = !sys.Plan.IsNegative(), "it planned no deficit"
	}
	if zero {
		return "nothing, since " + why
	}
	return "nothing: the amount rounds to less than one unit"
}

// term is one line of the effective grant written out: its sign, its
// value and what it is.
type term struct {
	sign, value, what string
}

// generalGrant is the effective grant under terms, written out term by
// term (DESIGN.md's generalised G): the cash of each tranche (or the
// allocation) discounted, less (1 − w) × the PV of what is repaid or paid
// in dividends, plus each bonus and less each deduction, expected and
// discounted; then G as the analysis has it, from the exact terms.
func (d *doc) generalGrant(r *analysis.Result, sys *analysis.SystemResult) {
	sc := r.Scenario
	d.para(fmt.Sprintf("G = Σ cash × v(t) − (1 − write-off) × Σ (repayment or dividend) × v(t) + Σ bonus × p × v(t) − Σ deduction × p × v(t), with v(t) = 1 ÷ (1 + %s)^t:",
		pct(sc.Assumptions.DiscountRate)))
	var ts []term
	if len(sys.Tranches) == 0 {
		ts = append(ts, term{"", fp(sys.Received), "the allocation, received in " + safe(r.Dataset.Year)})
	}
	for _, t := range sys.Tranches {
		what := fmt.Sprintf("tranche %d, received %s", t.Number, safe(t.Paid))
		if t.Received().IsZero() {
			what = fmt.Sprintf("tranche %d, withheld", t.Number)
		}
		ts = append(ts, term{"+", fp(t.Value), what})
	}
	if sc.Repayment != nil {
		what := "the PV of the repayments"
		if sc.Repayment.IsPDC() {
			what = "the PV of the dividends"
		}
		ts = append(ts, term{"−", fmt.Sprintf("(1 − %s) × %s", pct(sc.Assumptions.WriteOff), fp(sys.PVRepayments)), what})
	}
	for _, c := range sys.Consequences {
		sign := "+"
		if c.Kind == plan.Deduction {
			sign = "−"
		}
		ts = append(ts, term{sign, fp(c.Value), fmt.Sprintf("%s %d, %s, %s likely", c.Kind, c.Number, safe(c.Year), pct(c.Probability))})
	}
	ts[0].sign = " "
	ts = append(ts, term{"=", fp(sys.EffectiveGrant), "G, from the exact terms over one denominator, rounded once"})
	d.terms(ts)
	if len(sys.Tranches) > 0 {
		d.para(fmt.Sprintf("Grant element G ÷ R = %s.", sys.GrantElement.StringFixed(4)))
	} else {
		d.para(fmt.Sprintf("Grant element G ÷ A = %s.", sys.GrantElement.StringFixed(4)))
	}
	d.para("(Each term is shown to the penny; G is worked out from their exact values, so it can differ from their sum by a penny or two.)")
}

// terms lays out the terms of a sum, values aligned on the right, each
// with what it is after it (wrapped below when the width is short).
func (d *doc) terms(ts []term) {
	vw := 0
	for _, t := range ts {
		vw = max(vw, ansi.StringWidth(t.value))
	}
	for _, t := range ts {
		lead := "  " + t.sign + " " + padLeft(t.value, vw) + "  "
		rest := d.w - ansi.StringWidth(lead)
		if rest < 20 {
			d.add(trunc("  "+t.sign+" "+t.value, d.w))
			for _, l := range wrap(t.what, d.w-6) {
				d.add("      " + l)
			}
			continue
		}
		for i, l := range wrap(t.what, rest) {
			if i == 0 {
				d.add(lead + l)
			} else {
				d.add(strings.Repeat(" ", ansi.StringWidth(lead)) + l)
			}
		}
	}
}

// dividends is the repayment step for public dividend capital: never
// repaid; a dividend each year on the cash received.
func (d *doc) dividends(r *analysis.Result, sys *analysis.SystemResult, idx int) {
	rp := r.Scenario.Repayment
	d.para(fmt.Sprintf("Public dividend capital: never repaid; a dividend of %s of the %s received, each year for %d years from %s.",
		pct(rp.Interest), fp(sys.Received), rp.Years, safe(rp.FirstYear)))
	if len(sys.Repayments) == 0 {
		d.para("No dividend is due from this system.")
		return
	}
	d.dividendTable(r.Discounted(idx))
	d.para(fmt.Sprintf("Factor = 1 ÷ (1 + %s)^t. PV of the dividends, summed exactly and rounded once: %s.",
		pct(r.Scenario.Assumptions.DiscountRate), fp(sys.PVRepayments)))
}

// dividendTable lays out dividends (an instalment's interest) with their
// factors and values, or a sentence each when the table does not fit.
func (d *doc) dividendTable(ins []analysis.DiscountedInstalment) {
	rows := [][]string{{"Year", "t", "Dividend", "Factor", "PV"}}
	for _, in := range ins {
		rows = append(rows, []string{safe(in.Year), fmt.Sprint(in.T), fp(in.Total()), in.Factor.StringFixed(6), fp(in.PV)})
	}
	if lines, ok := columns(rows, d.w); ok {
		d.add(d.st.header.Render(lines[0]))
		d.add(lines[1:]...)
		return
	}
	for _, in := range ins {
		d.para(fmt.Sprintf("%s (t = %d): dividend %s; factor %s; PV %s.", safe(in.Year), in.T, fp(in.Total()), in.Factor.StringFixed(6), fp(in.PV)))
	}
}
