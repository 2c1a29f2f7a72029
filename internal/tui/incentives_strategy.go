package tui

import (
	"errors"
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// strategyPage is one row of the strategy table step by step, as the
// explanation lays out the scenario as it ran: the plan it made and the
// other strategy's, each run through the allocation, the cash, the
// repayments (or dividends), the consequences and the effective grant; the
// gain; and the rerun at £1m more deficit behind its marginal price. The
// reruns come from Options.Strategy, traced once per analysis (Refresh).
type strategyPage struct {
	idx int // system index (file order)

	traced   bool
	resN     int
	trace    analysis.StrategyTrace
	traceErr error
}

// Valid reports whether the system and its incentives are still in the
// analysis.
func (p *strategyPage) Valid(cur *current) bool {
	return p.idx >= 0 && p.idx < len(cur.res.Systems)
}

// errNoStrategy is why a row is shown without its reruns.
var errNoStrategy = errors.New("the reruns were not traced")

// Refresh traces the system's reruns for the current analysis, once per
// analysis.
func (p *strategyPage) Refresh(c *common) {
	if p.traced && p.resN == c.cur.resN {
		return
	}
	p.traced, p.resN = true, c.cur.resN
	p.trace, p.traceErr = analysis.StrategyTrace{}, errNoStrategy
	if c.strategy == nil || !p.Valid(&c.cur) {
		return
	}
	p.trace, p.traceErr = c.strategy(c.cur.year.Dataset, c.cur.res.Scenario, p.idx)
}

// Lines renders the reruns at width w.
func (p *strategyPage) Lines(c *common, w int) []string {
	r := &c.cur.res
	if !p.Valid(&c.cur) {
		return []string{"No system selected."}
	}
	d := &doc{st: &c.st, w: w}
	sys := &r.Systems[p.idx]
	pageHead(d, safe(sys.Code)+" · "+safe(sys.Name))
	d.para(fmt.Sprintf("It planned %s, so it is in the %s group.", planWords(sys.Plan), sys.Group))
	if inc := r.Incentives; inc != nil && p.idx < len(inc.Systems) {
		si := &inc.Systems[p.idx]
		if si.Gain != nil {
			d.para(fmt.Sprintf("Gain (G with a deficit plan − G with a balanced plan): %s; a further £1 of planned deficit would have brought £%s.",
				fp(*si.Gain), perPound(si.MarginalPrice)))
		} else {
			d.para(fmt.Sprintf("No system planned a deficit, so there is no deficit plan to compare with; a further £1 of planned deficit would have brought £%s.",
				perPound(si.MarginalPrice)))
		}
	}
	if p.traceErr != nil {
		d.para("(The reruns' steps are not available: " + safe(firstLine(p.traceErr.Error())) + ".)")
		return d.lines
	}
	t := &p.trace
	first, second := t.Deficit, t.Balanced
	firstName, secondName := "As it planned: a deficit (the scenario as it ran)", "Had it planned to balance: plan £0.00"
	if t.Group == analysis.Balanced {
		first, second = t.Balanced, t.Deficit
		firstName, secondName = "As it planned: to balance (the scenario as it ran)", "Had it planned like the deficit group"
	}
	n := 1
	step := func(title string) { d.step(n, title); n++ }
	step(firstName)
	writeRerun(d, r, first)
	step(secondName)
	d.para("A rerun of the whole scenario with only its plan changed.")
	if t.Group == analysis.Balanced && len(t.MedianOf) == 0 {
		d.para("No system planned a deficit, so there is no deficit plan to rerun.")
	} else {
		if t.Group == analysis.Balanced {
			d.para(fmt.Sprintf("The deficit group's median planned deficit per head is £%s; × its %s people, rounded to £1000, "+
				"that is the plan below.", t.Median.Round(6).StringFixed(6), count(sys.Population)))
		}
		writeRerun(d, r, second)
	}
	if t.Gain != nil {
		step("The gain")
		d.para(fmt.Sprintf("Gain = G with a deficit plan − G with a balanced plan = %s − %s = %s.",
			fp(t.Deficit.Value.EffectiveGrant), fp(t.Balanced.Value.EffectiveGrant), fp(*t.Gain)))
	}
	step("A further £1,000,000 of planned deficit")
	writeRerun(d, r, t.Marginal)
	d.para(fmt.Sprintf("Price = (G at that plan − G as it ran) ÷ £1,000,000 = (%s − %s) ÷ £1,000,000 = £%s per £1 (from the exact grants, rounded once to four places).",
		fp(t.Marginal.Value.EffectiveGrant), fp(t.AsRun.EffectiveGrant), perPound(t.Price)))
	return d.lines
}

// planWords is a plan in words: "a deficit of £50,000,000.00", "a surplus
// of £1,000.00", "to balance".
func planWords(p decimal.Decimal) string {
	switch p.Sign() {
	case -1:
		return "a deficit of " + strings.TrimPrefix(fp(p), "-")
	case 1:
		return "a surplus of " + fp(p)
	}
	return "to balance"
}

// writeRerun lays out one side of a strategy: the plan, how it reached its
// allocation, the cash, the repayments, the consequences and the value.
func writeRerun(d *doc, r *analysis.Result, t analysis.RerunTrace) {
	sc := r.Scenario
	d.para(fmt.Sprintf("Plan %s, which puts it in the %s group.", money2(t.Plan), t.Group))
	writeShare(d, sc, t.Share)
	if t.Received.Equal(t.Allocation) || t.Received.IsZero() && len(sc.Tranches) == 0 {
		d.para(fmt.Sprintf("Cash received: %s.", fp(t.Allocation)))
	} else {
		d.para(fmt.Sprintf("Allocation %s; cash received through the tranches: %s.", fp(t.Allocation), fp(t.Received)))
	}
	switch {
	case sc.Repayment == nil:
		d.para("A grant: nothing is repaid.")
	case len(t.Repayments) == 0:
		d.para("Nothing is due back.")
	default:
		d.instalments(t.Repayments)
		d.para(fmt.Sprintf("PV of what is paid back, summed exactly and rounded once: %s.", fp(t.Value.PV)))
	}
	for _, c := range t.Consequences {
		d.para(fmt.Sprintf("Consequence %d, a %s of %s of its %s (%s) in %s, with probability %s: %s, worth %s today.",
			c.Number, safe(string(c.Kind)), pct(c.Rate), safe(string(c.Base)), fp(c.BaseAmount),
			safe(c.Year), pct(c.Probability), fp(c.Amount), fp(c.Value)))
	}
	d.grant("G", sc, t.Allocation, t.Value.PV, t.Value.EffectiveGrant)
}

// writeShare says how a rerun reached its allocation.
func writeShare(d *doc, sc plan.Scenario, sh analysis.Share) {
	describeShare(d, sc, sh, shareWords{
		ineligible: "With that plan it is not eligible, so it receives nothing.",
		shared:     "The pot is shared", receives: "receives", allocation: true,
	})
}

// shareWords are the wording of a share's description: a strategy's rerun
// says what it receives, the prudence rerun what it would receive.
type shareWords struct {
	ineligible string // the sentence for a system the rerun makes ineligible
	shared     string // how the sentence on a share opens
	receives   string // "receives" or "would receive"
	allocation bool   // end with the allocation
}

// describeShare says how a rerun reached its allocation sh: ineligible,
// capped in a round of the water-filling, or its exact share, the whole
// units and any leftover unit.
func describeShare(d *doc, sc plan.Scenario, sh analysis.Share, w shareWords) {
	unit := sc.FieldText(plan.FieldUnit)
	switch {
	case !sh.Eligible:
		d.para(w.ineligible)
	case sh.HasCap && sh.CapRound > 0:
		d.para(fmt.Sprintf("%s: its cap of %s bound in round %d, so it %s its cap.", w.shared, fp(sh.Cap), sh.CapRound, w.receives))
	default:
		extra := "no leftover unit"
		if sh.Extra {
			extra = "+" + unit + " for one of the largest remainders"
		}
		tail := "."
		if w.allocation {
			tail = "; allocation " + fp(sh.Amount) + "."
		}
		d.para(fmt.Sprintf("%s: its exact share is £%s (to 6 decimals), %s in whole units of %s, %s%s",
			w.shared, money.GroupedFixed(sh.ExactTo(6), 6), fp(sh.Floor), unit, extra, tail))
	}
}
