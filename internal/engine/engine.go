// Package engine computes the analysis of a scenario on a dataset: it works
// out the pot and shares it (funding.PotFor, funding.Allocate), pays each
// allocation through the tranches (funding.Receive), schedules repayment or
// dividends on the cash received, applies the consequences, values each
// system's flows (funding.Flows), derives the group and headline figures
// from the rounded per-system figures, reruns the scenario for each
// balanced system's prudence penalty, revalues the flows on the sensitivity
// grid, runs the incentive analyses (the strategy table, the marginal
// price of a deficit, the terms that end the reward), and hands back an
// analysis.Result, whose types carry no funding types, so that renderers
// depend on the answer and not on the arithmetic behind it. It does no I/O.
//
// One concern per file: engine.go the entry points, analyse.go the stages
// of one analysis, tally.go the sums, terms.go one system's outcome and its
// tranches and consequences, convert.go funding's traces as analysis's,
// prudence.go the prudence reruns, rerun_value.go one system's value under
// a changed plan, sensitivity.go the grid, parallel.go the worker pool;
// incentives.go the incentive stage and its strategy rows, levers.go the
// searches on the ending terms, lever_value.go and lever_fast.go one
// system's value as a function of a lever, strategy_trace.go a row's
// reruns step by step.
package engine

import (
	"context"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/plan"
)

// Analyse runs the scenario on the dataset: it allocates the pot, schedules
// and values each allocation, and derives every figure of the result from
// the rounded per-system figures, so that tables foot. Each balanced
// system's prudence penalty is an exact rerun of the allocation with only
// its plan changed (funding.Rerun). It then runs the incentive stage
// (Incentives) and sets Result.Incentives. The result is the same, byte for
// byte, on every run.
func Analyse(ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	return analyse(context.Background(), ds, sc, true)
}

// AnalyseContext is Analyse that stops early when ctx is done: it looks at
// ctx between the stages of the analysis, every few hundred prudence and
// incentive reruns and before each lever's scan, and then returns
// ctx.Err() and no result. A caller that no longer
// wants an analysis (a superseded edit) cancels it to free the processors.
func AnalyseContext(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	return analyse(ctx, ds, sc, true)
}

// job holds what one analysis needs beyond the result, so that the prudence
// reruns and the sensitivity grid reuse it.
type job struct {
	ds    plan.Dataset
	sc    plan.Scenario // as analysed: with pot = "deficits", Pot is the pot worked out on ds
	alloc funding.Allocation
	rec   funding.Receipts       // the allocations paid through the tranches
	sched [][]funding.Instalment // full schedule (every year) per system; nil for no money
	flows []funding.Flows        // what each system's terms move, for valuing at any rate
	rerun *reruns                // made on first use, shared by the prudence reruns and the incentives
	fast  *fastJob               // the integer path (fast.go); nil when it does not apply, and then sched and flows are set
	// flowsMade says that sched and flows hold every system's (made by
	// systems on the decimal path, or decimalFlows).
	flowsMade bool
}
