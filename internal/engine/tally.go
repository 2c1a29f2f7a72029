package engine

import (
	"fmt"
	"sort"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// tally sums the rounded per-system figures, so that tables foot.
type tally struct {
	tot      analysis.Totals
	def, bal analysis.GroupResult
	years    []analysis.YearTotal // every year index up to the latest with something due
	flows    map[int]*analysis.YearFlow
	pdc      bool
}

func newTally(pot decimal.Decimal, alloc funding.Allocation, rec funding.Receipts) *tally {
	return &tally{
		tot: analysis.Totals{Pot: pot, Allocated: alloc.Allocated, Unallocated: alloc.Unallocated,
			Repayments: zero, PVRepayments: zero, EffectiveGrant: zero, GrantElement: zero,
			Received: zero, Withheld: rec.Withheld, Redistributed: rec.Redistributed, Held: rec.Held,
			Deductions: zero, Bonuses: zero},
		def:   analysis.GroupResult{Group: analysis.Deficit, PlannedDeficit: zero, Allocation: zero, Received: zero, EffectiveGrant: zero},
		bal:   analysis.GroupResult{Group: analysis.Balanced, PlannedDeficit: zero, Allocation: zero, Received: zero, EffectiveGrant: zero},
		flows: map[int]*analysis.YearFlow{},
	}
}

// add counts one system, whose full schedule (every year) is sched and
// whose flows are f.
func (t *tally) add(sr analysis.SystemResult, sched []funding.Instalment, f funding.Flows) {
	for k, x := range sched {
		if x.Principal.IsZero() && x.Interest.IsZero() {
			continue
		}
		t.tot.Repayments = t.tot.Repayments.Add(x.Total())
		for len(t.years) <= k {
			t.years = append(t.years, analysis.YearTotal{Year: sched[len(t.years)].Year, Principal: zero, Interest: zero})
		}
		t.years[k].Principal = t.years[k].Principal.Add(x.Principal)
		t.years[k].Interest = t.years[k].Interest.Add(x.Interest)
	}
	t.addFlows(sr, sched, f)
	t.tot.PVRepayments = t.tot.PVRepayments.Add(sr.PVRepayments)
	t.tot.EffectiveGrant = t.tot.EffectiveGrant.Add(sr.EffectiveGrant)
	t.tot.Received = t.tot.Received.Add(sr.Received)
	t.tot.Deductions = t.tot.Deductions.Add(sr.Deductions)
	t.tot.Bonuses = t.tot.Bonuses.Add(sr.Bonuses)
	g := &t.bal
	if sr.Group == analysis.Deficit {
		g = &t.def
	}
	g.Systems++
	g.Population += sr.Population
	g.PlannedDeficit = g.PlannedDeficit.Add(deficitOf(sr.Plan))
	g.Allocation = g.Allocation.Add(sr.Allocation)
	g.Received = g.Received.Add(sr.Received)
	g.EffectiveGrant = g.EffectiveGrant.Add(sr.EffectiveGrant)
}

// year is the by-year row at year index t.
func (t *tally) year(at int) *analysis.YearFlow {
	y, ok := t.flows[at]
	if !ok {
		y = &analysis.YearFlow{T: at, Paid: zero, Principal: zero, Interest: zero, Dividends: zero, Deductions: zero, Bonuses: zero}
		t.flows[at] = y
	}
	return y
}

// addFlows adds one system's cash, repayments, dividends and consequences
// to the by-year rows.
func (t *tally) addFlows(sr analysis.SystemResult, sched []funding.Instalment, f funding.Flows) {
	for _, c := range f.Cash {
		if !c.Amount.IsZero() {
			y := t.year(c.T)
			y.Paid = y.Paid.Add(c.Amount)
		}
	}
	for _, x := range sched {
		if x.Principal.IsZero() && x.Interest.IsZero() {
			continue
		}
		y := t.year(x.T)
		y.Principal = y.Principal.Add(x.Principal)
		if t.pdc {
			y.Dividends = y.Dividends.Add(x.Interest)
		} else {
			y.Interest = y.Interest.Add(x.Interest)
		}
	}
	for _, c := range sr.Consequences {
		y := t.year(c.T)
		if c.Kind == plan.Deduction {
			y.Deductions = y.Deductions.Add(c.Amount)
		} else {
			y.Bonuses = y.Bonuses.Add(c.Amount)
		}
	}
}

// into writes the sums to res: the years with something due, the by-year
// rows from the plans' year, the totals with their grant element, and the
// groups with their per-head figures.
func (t *tally) into(res *analysis.Result) error {
	for _, y := range t.years {
		if !y.Principal.IsZero() || !y.Interest.IsZero() {
			res.Years = append(res.Years, y)
		}
	}
	y0, err := plan.YearStart(res.Dataset.Year)
	if err != nil && len(t.flows) > 0 {
		return fmt.Errorf("engine: %w", err)
	}
	ts := make([]int, 0, len(t.flows))
	for at := range t.flows {
		ts = append(ts, at)
	}
	sort.Ints(ts)
	for _, at := range ts {
		y := *t.flows[at]
		y.Year = fmt.Sprintf("%04d/%02d", y0+at, (y0+at+1)%100)
		res.Flows = append(res.Flows, y)
	}
	if !t.tot.Received.IsZero() {
		t.tot.GrantElement = t.tot.EffectiveGrant.DivRound(t.tot.Received, 4)
	}
	res.Totals = t.tot
	for _, g := range []*analysis.GroupResult{&t.def, &t.bal} {
		g.PerHead = perHead(g.Received, g.Population)
		g.GrantPerHead = perHead(g.EffectiveGrant, g.Population)
	}
	res.Deficit, res.Balanced = t.def, t.bal
	return nil
}
