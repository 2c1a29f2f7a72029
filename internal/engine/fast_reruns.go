package engine

import (
	"context"
	"errors"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/wide"

	"github.com/shopspring/decimal"
)

// errNotFast says that a rerun left the integer path (a figure too large):
// the stage is then done again in decimals.
var errNotFast = errors.New("engine: a rerun does not fit the integer path")

// fastGrant is a rerun's effective grant on the integer path: in pence,
// and its exact numerator (funding.IntValue.Num).
type fastGrant struct {
	pence int64
	num   wide.Int
}

// fastValue is system j's grant had its plan been p, on the integer path:
// its allocation by funding.Rerun (in units), its schedule and value by
// the job's funding.IntValuer. It returns errNotFast when a figure does
// not fit.
func (r *reruns) fastValue(j int, p decimal.Decimal) (fastGrant, error) {
	e, f := r.e, r.e.fast
	pot := e.sc.Pot
	if e.sc.PotDeficits {
		s := e.ds.Systems[j]
		s.Plan = p
		pot = pot.Sub(funding.PotFor(e.ds.Systems[j:j+1], e.sc)).Add(funding.PotFor([]plan.System{s}, e.sc))
	}
	u, ok, err := r.rr.Units(j, p, pot)
	if err != nil {
		return fastGrant{}, err
	}
	if !ok {
		a, err := r.rr.AmountPot(j, p, pot)
		if err != nil {
			return fastGrant{}, err
		}
		if u, ok = f.unitsOf(a); !ok {
			return fastGrant{}, errNotFast
		}
	}
	if u == 0 {
		return fastGrant{}, nil
	}
	var scr funding.ValueScratch
	iv, ok := f.val.Value(u, &scr)
	if !ok {
		return fastGrant{}, errNotFast
	}
	g, ok := f.val.Grant(iv)
	if !ok {
		return fastGrant{}, errNotFast
	}
	return fastGrant{pence: g, num: iv.Num}, nil
}

// fastPrudence is prudence on the integer path; ok is false when a rerun
// left it (nothing is then written to res).
func (e *job) fastPrudence(ctx context.Context, res *analysis.Result, m money.Ratio) (bool, error) {
	rr, err := e.newReruns()
	if err != nil {
		return false, err
	}
	f := e.fast
	var todo []int
	for j := range res.Systems {
		if res.Systems[j].Group == analysis.Balanced {
			todo = append(todo, j)
		}
	}
	plans := make([]decimal.Decimal, len(todo))
	grants := make([]fastGrant, len(todo))
	errs := make([]error, len(todo))
	pp := newPenaltyPlanner(m)
	work := func(k int) {
		j := todo[k]
		plans[k] = pp.plan(res.Systems[j].Population)
		grants[k], errs[k] = rr.fastValue(j, plans[k])
	}
	if err := parallel(ctx, len(todo), len(todo) >= 64, work); err != nil {
		return false, err
	}
	for _, err := range errs {
		if errors.Is(err, errNotFast) {
			return false, nil
		} else if err != nil {
			return false, err
		}
	}
	pens := make([]decimal.Decimal, len(todo)) // one backing array for the penalties the results point to
	for k, j := range todo {
		s := &res.Systems[j]
		pens[k] = pence(grants[k].pence - f.grant[j])
		s.PenaltyPlan = plans[k]
		s.PrudencePenalty = &pens[k]
		s.PenaltyGrantExact = f.exact(grants[k].num)
	}
	return true, nil
}
