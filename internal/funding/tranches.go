package funding

import (
	"fmt"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// PotFor is the pot the scenario shares on these systems: sc.Pot, or with
// pot = "deficits" the sum of the eligible systems' deficits on the
// allocation basis, each rounded down to whole units (a blank figure counts
// 0). With pro_rata and cap = "deficit" each eligible system then receives
// exactly its own deficit in whole units.
func PotFor(systems []plan.System, sc plan.Scenario) decimal.Decimal {
	if !sc.PotDeficits {
		return sc.Pot
	}
	u := sc.Allocation.Unit
	total := zero
	if !u.IsPositive() {
		return total
	}
	for _, s := range systems {
		if ok, _ := eligibleUnder(s, sc); !ok {
			continue
		}
		def, _ := deficitOn(s, sc.Allocation.Basis)
		q, _ := def.QuoRem(u, 0)
		total = total.Add(q.Mul(u))
	}
	return total
}

// Part is one system's part of one tranche.
type Part struct {
	Amount        decimal.Decimal // its part of the tranche (allocation × share, largest remainder), paid or not
	Passed        bool            // paid: unconditional, the test met, or the tested figure blank
	Known         bool            // the tested figure was known; true for an unconditional tranche
	Figure        decimal.Decimal // the tested figure (forecast or outturn), when tested and known
	Threshold     decimal.Decimal // plan − tolerance: the figure needed to pass, when tested
	Redistributed decimal.Decimal // its share of the tranche's forfeits, when they are redistributed
}

// Receipt is what one system received of its allocation through the tranches.
type Receipt struct {
	Parts         []Part          // one per tranche, in order; nil when the scenario has none
	Paid          decimal.Decimal // its parts of the tranches it passed
	Redistributed decimal.Decimal // its shares of other systems' forfeits
	Received      decimal.Decimal // Paid + Redistributed
	Withheld      decimal.Decimal // its parts of the tranches it failed
	UnknownTested bool            // a conditional tranche's figure was blank, so it was paid untested
}

// TrancheTotal sums one tranche over the systems.
type TrancheTotal struct {
	Year          string          // financial year paid
	T             int             // years after the plans' year
	Withheld      decimal.Decimal // the parts of the systems that failed it
	Redistributed decimal.Decimal // of that, shared over the systems that passed
	Held          decimal.Decimal // of that, kept by the centre
}

// Receipts is what every system received through the tranches.
type Receipts struct {
	Systems       []Receipt      // file order
	Tranches      []TrancheTotal // one per tranche
	Withheld      decimal.Decimal
	Redistributed decimal.Decimal
	Held          decimal.Decimal // Withheld − Redistributed
	UnknownTested int             // systems with a blank tested figure
}

// TrancheYears returns each tranche's financial year and year index t
// (counted from planYear; a tranche with no year is paid in planYear). A
// tranche before planYear is an error.
func TrancheYears(sc plan.Scenario, planYear string) ([]string, []int, error) {
	y0, err := startYear(planYear)
	if err != nil {
		return nil, nil, err
	}
	years := make([]string, len(sc.Tranches))
	ts := make([]int, len(sc.Tranches))
	for k, tr := range sc.Tranches {
		years[k] = planYear
		if tr.Paid != "" {
			y, err := startYear(tr.Paid)
			if err != nil {
				return nil, nil, err
			}
			if y < y0 {
				return nil, nil, fmt.Errorf("funding: tranche %d is paid in %s, before the plans' year %s", k+1, tr.Paid, planYear)
			}
			years[k], ts[k] = yearLabel(y), y-y0
		}
	}
	return years, ts, nil
}

// Split divides system s's allocation a over the scenario's tranches and
// tests each condition, before any redistribution: each part is a ×
// share apportioned by largest remainder in whole units (ties to the larger
// share, then the earlier tranche); a conditional part is paid only if the
// tested figure >= plan − tolerance, or if the figure is blank. With no
// tranches the whole allocation is received.
func Split(s plan.System, sc plan.Scenario, a decimal.Decimal) (Receipt, error) {
	rc := Receipt{Paid: a, Redistributed: zero, Received: a, Withheld: zero}
	n := len(sc.Tranches)
	if n == 0 {
		return rc, nil
	}
	amounts := make([]decimal.Decimal, n)
	if a.IsPositive() {
		shares := make([]decimal.Decimal, n)
		keys := make([]string, n)
		for k, tr := range sc.Tranches {
			shares[k], keys[k] = tr.Share, fmt.Sprintf("%06d", k)
		}
		var err error
		if amounts, err = money.Apportion(a, shares, sc.Allocation.Unit, keys); err != nil {
			return Receipt{}, fmt.Errorf("funding: system %s's tranches: %w", s.Code, err)
		}
	} else {
		for k := range amounts {
			amounts[k] = zero
		}
	}
	rc.Parts = make([]Part, n)
	rc.Paid = zero
	for k, tr := range sc.Tranches {
		p := Part{Amount: amounts[k], Passed: true, Known: true, Figure: zero, Threshold: zero, Redistributed: zero}
		if tr.Condition == plan.ConditionForecast || tr.Condition == plan.ConditionOutturn {
			f := s.Basis(plan.Basis(tr.Condition))
			p.Threshold = s.Plan.Sub(tr.Tolerance)
			p.Known = f.Known
			if f.Known {
				p.Figure = f.Value
				p.Passed = !f.Value.LessThan(p.Threshold)
			} else {
				rc.UnknownTested = true
			}
		}
		if p.Passed {
			rc.Paid = rc.Paid.Add(p.Amount)
		} else {
			rc.Withheld = rc.Withheld.Add(p.Amount)
		}
		rc.Parts[k] = p
	}
	rc.Received = rc.Paid
	return rc, nil
}

// Receive splits every system's allocation (amounts, in file order) over the
// tranches with Split, then shares each redistributed tranche's forfeits:
// what the systems that failed it were not paid is apportioned over the
// systems that passed it with a positive part, weighted by that part, in
// whole units (ties to the larger part, then the code that sorts first). A
// forfeit with no such system, or one held by the scenario, stays with the
// centre. Received = paid parts + redistributed shares, for every system.
func Receive(systems []plan.System, sc plan.Scenario, amounts []decimal.Decimal, planYear string) (Receipts, error) {
	if len(amounts) != len(systems) {
		return Receipts{}, fmt.Errorf("funding: %d allocations for %d systems", len(amounts), len(systems))
	}
	years, ts, err := TrancheYears(sc, planYear)
	if err != nil {
		return Receipts{}, err
	}
	out := Receipts{Systems: make([]Receipt, len(systems)), Withheld: zero, Redistributed: zero, Held: zero}
	for i, s := range systems {
		rc, err := Split(s, sc, amounts[i])
		if err != nil {
			return Receipts{}, err
		}
		if rc.UnknownTested {
			out.UnknownTested++
		}
		out.Systems[i] = rc
	}
	out.Tranches = make([]TrancheTotal, len(sc.Tranches))
	for k, tr := range sc.Tranches {
		tt := TrancheTotal{Year: years[k], T: ts[k], Withheld: zero, Redistributed: zero, Held: zero}
		for i := range out.Systems {
			if p := out.Systems[i].Parts[k]; !p.Passed {
				tt.Withheld = tt.Withheld.Add(p.Amount)
			}
		}
		if tr.Forfeit == plan.ForfeitRedistribute && tt.Withheld.IsPositive() {
			if tt.Redistributed, err = redistribute(systems, &out, k, tt.Withheld, sc.Allocation.Unit); err != nil {
				return Receipts{}, err
			}
		}
		tt.Held = tt.Withheld.Sub(tt.Redistributed)
		out.Tranches[k] = tt
		out.Withheld = out.Withheld.Add(tt.Withheld)
		out.Redistributed = out.Redistributed.Add(tt.Redistributed)
		out.Held = out.Held.Add(tt.Held)
	}
	return out, nil
}

// redistribute apportions tranche k's forfeit over the systems that passed
// it with a positive part, weighted by that part, and returns what was
// shared: the forfeit, or 0 when no such system exists (it is then held).
func redistribute(systems []plan.System, out *Receipts, k int, forfeit, unit decimal.Decimal) (decimal.Decimal, error) {
	var who []int
	var weights []decimal.Decimal
	var keys []string
	for i := range out.Systems {
		if p := out.Systems[i].Parts[k]; p.Passed && p.Amount.IsPositive() {
			who = append(who, i)
			weights = append(weights, p.Amount)
			keys = append(keys, systems[i].Code)
		}
	}
	if len(who) == 0 {
		return zero, nil
	}
	shares, err := money.Apportion(forfeit, weights, unit, keys)
	if err != nil {
		return zero, fmt.Errorf("funding: redistributing tranche %d: %w", k+1, err)
	}
	for m, i := range who {
		rc := &out.Systems[i]
		rc.Parts[k].Redistributed = shares[m]
		rc.Redistributed = rc.Redistributed.Add(shares[m])
		rc.Received = rc.Received.Add(shares[m])
	}
	return forfeit, nil
}
