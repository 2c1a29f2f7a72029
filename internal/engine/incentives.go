package engine

import (
	"context"
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"
)

// Incentives runs the incentive analyses of sc on ds (DESIGN.md,
// "Incentives: would a balanced plan have paid?"): the strategy table, the
// marginal price of a deficit and the terms that end the reward. res must
// be the analysis of the same ds and sc, by AnalyseWithoutIncentives (or
// Analyse): the strategy table reuses its prudence penalties and the
// searches start from its verdict. It is the stage a caller runs after the
// headline, so that the headline shows first; Analyse and AnalyseContext
// run it themselves and set Result.Incentives.
//
// Cost, for n systems of which d planned a deficit: one rerun per deficit
// planner (its balanced plan) and one per system (its marginal price), each
// by the engine's exact integer rerun path (funding.Rerun, AmountPot: about
// O(log n) for the water-filling plus a share of one pass for the leftover
// unit); then 3 × 101 scan points and about 20 bisection steps, each a
// revaluation of every system's flows in integers (O(n), no allocation
// redone). It looks at ctx every few hundred reruns and before each scan,
// and returns ctx.Err() when ctx is done.
func Incentives(ctx context.Context, ds plan.Dataset, sc plan.Scenario, res analysis.Result) (*analysis.Incentives, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(res.Systems) != len(ds.Systems) {
		return nil, fmt.Errorf("incentives: the analysis has %d systems and the plans %d", len(res.Systems), len(ds.Systems))
	}
	j, err := newJob(ds, sc)
	if err != nil {
		return nil, err
	}
	if j.fast == nil {
		if err := j.decimalFlows(); err != nil {
			return nil, err
		}
	}
	return j.incentives(ctx, &res)
}

// AnalyseWithoutIncentives is AnalyseContext without the incentive stage:
// Result.Incentives is nil. A caller that wants the headline first runs it
// and then Incentives on its result.
func AnalyseWithoutIncentives(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	return analyse(ctx, ds, sc, false)
}

// AnalyseHeadline is the headline of AnalyseContext, for a caller that shows
// it before the rest (the TUI, after each edit): every system's
// allocation, cash, repayments and effective grant, the groups, the totals,
// the outturns and the verdict, each the figure AnalyseContext gives. The
// prudence penalties are nil, and the sensitivity grid, the caveats, the
// data check and the incentives are empty; AnalyseWithoutIncentives gives
// them, at the cost of a rerun per balanced system and the grid.
func AnalyseHeadline(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	return headlineAnalyse(ctx, ds, sc)
}

// incentives is the incentive stage on the job that produced res.
func (e *job) incentives(ctx context.Context, res *analysis.Result) (*analysis.Incentives, error) {
	inc := &analysis.Incentives{Systems: make([]analysis.SystemIncentive, len(res.Systems))}
	if err := e.strategyRows(ctx, res, inc.Systems); err != nil {
		return nil, err
	}
	inc.Strategy = strategyOf(res.Systems, inc.Systems)
	inc.Strategy.Text = analysis.StrategyText(inc.Strategy, len(res.Systems))
	if m, ok := e.marginal(res.Systems); ok {
		inc.Marginal = m
	} else {
		inc.Marginal = marginalOf(res.Systems, inc.Systems)
	}
	inc.Marginal.Text = analysis.MarginalText(inc.Marginal, res.PriceOfDeficit, res.HasPrice)
	var err error
	if inc.Ending, err = e.endingTerms(ctx, res); err != nil {
		return nil, err
	}
	return inc, nil
}

// strategyRows fills each system's row: the marginal rerun at plan −
// £1,000,000 for every system, the rerun at plan 0 for a deficit planner,
// and the prudence penalty reused for a balanced one. The reruns run on
// every processor, each writing its own row.
func (e *job) strategyRows(ctx context.Context, res *analysis.Result, rows []analysis.SystemIncentive) error {
	if e.fast != nil {
		if done, err := e.fastStrategyRows(ctx, res, rows); done || err != nil {
			return err
		}
		clear(rows)
	}
	rr, err := e.newReruns()
	if err != nil {
		return err
	}
	errs := make([]error, len(rows))
	work := func(i int) { errs[i] = strategyRow(rr, i, res.Systems[i], &rows[i]) }
	if err := parallel(ctx, len(rows), len(rows) >= 64, work); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// strategyRow is system i's row (sr its figures as run).
func strategyRow(rr *reruns, i int, sr analysis.SystemResult, row *analysis.SystemIncentive) error {
	own := sr.Value.EffectiveGrantExact
	row.MarginalPlan = sr.Plan.Sub(analysis.MarginalStep)
	v, err := rr.value(i, row.MarginalPlan)
	if err != nil {
		return err
	}
	row.MarginalGrant, row.MarginalExact = v.EffectiveGrant, v.EffectiveGrantExact
	row.PriceExact = priceOf(v.EffectiveGrantExact, own)
	row.MarginalPrice = row.PriceExact.Round(4)
	if sr.Group == analysis.Balanced {
		row.OwnIsBalanced = true
		row.BalancedPlan, row.BalancedGrant, row.BalancedExact = sr.Plan, sr.EffectiveGrant, own
		row.DeficitPlan, row.DeficitGrant, row.DeficitExact = zero, zero, money.R(zero, one)
		if sr.PrudencePenalty != nil {
			gain := *sr.PrudencePenalty
			row.DeficitPlan, row.DeficitGrant = sr.PenaltyPlan, sr.EffectiveGrant.Add(gain)
			row.DeficitExact, row.Gain = sr.PenaltyGrantExact, &gain
		}
		return nil
	}
	b, err := rr.value(i, zero)
	if err != nil {
		return err
	}
	gain := sr.EffectiveGrant.Sub(b.EffectiveGrant)
	row.BalancedPlan, row.BalancedGrant, row.BalancedExact = zero, b.EffectiveGrant, b.EffectiveGrantExact
	row.DeficitPlan, row.DeficitGrant, row.DeficitExact = sr.Plan, sr.EffectiveGrant, own
	row.Gain = &gain
	return nil
}

// priceOf is (g1 − g0) ÷ MarginalStep, exact.
func priceOf(g1, g0 money.Ratio) money.Ratio {
	if g1.Den.IsZero() {
		g1 = money.R(zero, one)
	}
	if g0.Den.IsZero() {
		g0 = money.R(zero, one)
	}
	return money.R(g1.Num.Mul(g0.Den).Sub(g0.Num.Mul(g1.Den)), g1.Den.Mul(g0.Den).Mul(analysis.MarginalStep))
}

// strategyOf counts the gains, over all and by group.
func strategyOf(systems []analysis.SystemResult, rows []analysis.SystemIncentive) analysis.Strategy {
	var s analysis.Strategy
	for i, r := range rows {
		if r.Gain == nil {
			continue
		}
		s.Add(*r.Gain)
		if systems[i].Group == analysis.Deficit {
			s.Deficit.Add(*r.Gain)
		} else {
			s.Balanced.Add(*r.Gain)
		}
	}
	return s
}

// marginalOf is each group's median of the exact marginal prices, rounded
// once to 4 places.
func marginalOf(systems []analysis.SystemResult, rows []analysis.SystemIncentive) analysis.MarginalPrices {
	var d, b []money.Ratio
	for i, s := range systems {
		if s.Group == analysis.Deficit {
			d = append(d, rows[i].PriceExact)
		} else {
			b = append(b, rows[i].PriceExact)
		}
	}
	m := analysis.MarginalPrices{DeficitMedian: zero, BalancedMedian: zero}
	if r, ok := median(d); ok {
		m.DeficitMedian, m.HasDeficit = r.Round(4), true
	}
	if r, ok := median(b); ok {
		m.BalancedMedian, m.HasBalanced = r.Round(4), true
	}
	return m
}
