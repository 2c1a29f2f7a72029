package engine

import (
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// reruns values one system under a changed plan, everything else unchanged,
// as a full rerun of the scenario would (rerunValue), by the engine's exact
// integer rerun path where it applies: funding.Rerun for the system's
// allocation, with the pot moved by the system's own deficit when pot =
// "deficits" (AmountPot), then its own tranches, schedule, consequences and
// value on its new plan. Only forfeits that are redistributed make a
// system's cash depend on other systems' allocations; then every rerun is a
// full one. A reruns is safe for concurrent use.
type reruns struct {
	e  *job
	rr *funding.Rerun // nil: full reruns
}

// newReruns prepares reruns of the job's scenario, once per job.
func (e *job) newReruns() (*reruns, error) {
	if e.rerun != nil {
		return e.rerun, nil
	}
	if e.redistributes() {
		e.rerun = &reruns{e: e}
		return e.rerun, nil
	}
	rr, err := funding.NewRerunFrom(e.ds.Systems, e.sc, e.alloc)
	if err != nil {
		return nil, err
	}
	e.rerun = &reruns{e: e, rr: rr}
	return e.rerun, nil
}

// redistributes reports whether a tranche shares its forfeits over the
// systems that passed it, so that a system's cash depends on the others'.
func (e *job) redistributes() bool {
	for _, t := range e.sc.Tranches {
		if t.Forfeit == plan.ForfeitRedistribute {
			return true
		}
	}
	return false
}

// value is system j's value had its plan been p.
func (r *reruns) value(j int, p decimal.Decimal) (grantValue, error) {
	e := r.e
	if r.rr == nil {
		return e.rerunValue(j, p)
	}
	s := e.ds.Systems[j]
	s.Plan = p
	pot := e.sc.Pot
	if e.sc.PotDeficits {
		// The pot is a sum over systems: only j's term moves.
		pot = pot.Sub(funding.PotFor(e.ds.Systems[j:j+1], e.sc)).Add(funding.PotFor([]plan.System{s}, e.sc))
	}
	a, err := r.rr.AmountPot(j, p, pot)
	if err != nil {
		return grantValue{}, err
	}
	return e.valueOf(s, a)
}

// grantValue is a rerun's effective grant, rounded once to pence, and
// exact: all a rerun needs of funding.Value.
type grantValue struct {
	EffectiveGrant      decimal.Decimal
	EffectiveGrantExact money.Ratio
}

// noValue is the value of a system that receives nothing and owes nothing.
var noValue = grantValue{EffectiveGrant: zero, EffectiveGrantExact: money.R(zero, one)}

// grantOf values flows at discount rate r and write-off w as
// funding.Flows.Value does its effective grant: G = (x − (1 − w)·n)/den,
// exact, and rounded once to pence.
func grantOf(f funding.Flows, r, w decimal.Decimal) grantValue {
	x, n, den := f.Exact(r)
	num := x.Sub(one.Sub(w).Mul(n))
	return grantValue{EffectiveGrant: num.DivRound(den, 2), EffectiveGrantExact: money.R(num, den)}
}

// valueOf is the value of system s (with its plan as rerun) when it is
// allocated a and nobody's forfeits come its way.
func (e *job) valueOf(s plan.System, a decimal.Decimal) (grantValue, error) {
	if a.IsZero() && len(e.sc.Consequences) == 0 {
		return noValue, nil
	}
	rc, err := funding.Split(s, e.sc, a)
	if err != nil {
		return grantValue{}, err
	}
	o, err := e.outcome(s, rc)
	if err != nil {
		return grantValue{}, err
	}
	return grantOf(o.flows, e.sc.Assumptions.DiscountRate, e.sc.Assumptions.WriteOff), nil
}

// rerunValue is system j's value in a full rerun of the scenario with its
// plan set to p: the pot worked out again (pot = "deficits"), the whole
// allocation, every system's tranches and redistribution, then j's
// schedule and consequences. It is the reference the fast path must equal.
func (e *job) rerunValue(j int, p decimal.Decimal) (grantValue, error) {
	ds := e.ds.WithPlan(j, p)
	sc := e.sc
	sc.Pot = funding.PotFor(ds.Systems, sc)
	alloc, err := funding.Allocate(ds.Systems, sc)
	if err != nil {
		return grantValue{}, err
	}
	rec, err := funding.Receive(ds.Systems, sc, alloc.Amounts(), ds.Year)
	if err != nil {
		return grantValue{}, err
	}
	o, err := e.outcome(ds.Systems[j], rec.Systems[j])
	if err != nil {
		return grantValue{}, err
	}
	return grantOf(o.flows, sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff), nil
}
