package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// fullValue is system j's value in a full rerun of sc on ds with only its
// plan set to p: the pot, the allocation and every system's tranches made
// afresh on the changed plans (newJob), then j's schedule, consequences and
// value. It shares nothing with the incentive stage's reruns.
func fullValue(t testing.TB, ds plan.Dataset, sc plan.Scenario, j int, p decimal.Decimal) funding.Value {
	t.Helper()
	changed := ds.WithPlan(j, p)
	e, err := newJob(changed, sc)
	if err != nil {
		t.Fatal(err)
	}
	o, err := e.outcome(changed.Systems[j], e.rec.Systems[j])
	if err != nil {
		t.Fatal(err)
	}
	return o.flows.Value(sc.Assumptions.DiscountRate, sc.Assumptions.WriteOff)
}

// withLever is sc with one lever set to q ticks of 0.0001: the write-off
// probability, the interest (or dividend) rate, or a clawback added to its
// consequences (a deduction of the cash received in the year after the
// plans' year, certain, for every system).
func withLever(t testing.TB, sc plan.Scenario, year string, name analysis.LeverName, q uint64) plan.Scenario {
	t.Helper()
	v := decimal.New(int64(q), -4)
	switch name {
	case analysis.LeverWriteOff:
		sc.Assumptions.WriteOff = v
	case analysis.LeverInterest:
		if sc.Repayment != nil {
			r := *sc.Repayment
			r.Interest = v
			sc.Repayment = &r
		}
	default:
		y, err := plan.YearStart(year)
		if err != nil {
			t.Fatal(err)
		}
		sc.Consequences = append(slices.Clone(sc.Consequences), plan.Consequence{Kind: plan.Deduction,
			Base: plan.BaseReceived, Rate: v, Year: fmt.Sprintf("%d/%02d", y+1, (y+2)%100),
			Probability: one, Group: plan.AppliesAll})
	}
	return sc
}

// leverTruth is the point a full analysis of the scenario with the lever
// set gives: each group's effective grant and the verdict.
func leverTruth(t testing.TB, ds plan.Dataset, sc plan.Scenario, name analysis.LeverName, q uint64) analysis.LeverPoint {
	t.Helper()
	res, err := AnalyseWithoutIncentives(context.Background(), ds, withLever(t, sc, ds.Year, name, q))
	if err != nil {
		t.Fatal(err)
	}
	return analysis.LeverPoint{Value: decimal.New(int64(q), -4), DeficitGrant: res.Deficit.EffectiveGrant,
		BalancedGrant: res.Balanced.EffectiveGrant, DeficitPerHead: res.Deficit.GrantPerHead,
		BalancedPerHead: res.Balanced.GrantPerHead, Verdict: res.Verdict.Label}
}

// samePoint compares two lever points figure by figure.
func samePoint(a, b analysis.LeverPoint) bool {
	return a.Value.Equal(b.Value) && a.DeficitGrant.Equal(b.DeficitGrant) && a.BalancedGrant.Equal(b.BalancedGrant) &&
		a.DeficitPerHead.Equal(b.DeficitPerHead) && a.BalancedPerHead.Equal(b.BalancedPerHead) && a.Verdict == b.Verdict
}

var leverNames = []analysis.LeverName{analysis.LeverWriteOff, analysis.LeverInterest, analysis.LeverClawback}

// TestIncentiveProperties runs the incentive stage on random regimes (every
// rule, method, cap, unit and repayment; tranches, conditions, forfeits,
// consequences, pot = "deficits", PDC) and checks each figure against a
// full rerun that shares nothing with it: a balanced system's strategy gain
// is its prudence penalty and the full rerun at its prudence plan less its
// grant; a deficit planner's is its grant less a full rerun's at plan 0;
// every marginal price is the full rerun's exact grant at plan − £1m less
// the exact grant, per £1, rounded once; the counts add up; each lever's
// points (integer path and big-integer fallback alike) are a full analysis
// with the lever set; and at each threshold found, the verdict differs from
// the verdict one step (0.0001) on the other side.
func TestIncentiveProperties(t *testing.T) {
	checked, found := 0, 0
	for k := int64(0); k < 300; k++ {
		ds, sc := synth.Case(k)
		if k%2 == 1 {
			ds, sc = synth.TermsCase(k)
		}
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		checked += checkRows(t, k, ds, sc, res)
		checkLeverPoints(t, k, ds, sc, res)
		found += checkThresholds(t, k, ds, sc, res)
	}
	t.Logf("%d strategy rows and marginal prices checked against full reruns; %d thresholds found and checked", checked, found)
	if found < 10 {
		t.Errorf("only %d thresholds found: the cases do not exercise the search", found)
	}
}

// checkRows checks the strategy rows and marginal prices of one case.
func checkRows(t *testing.T, k int64, ds plan.Dataset, sc plan.Scenario, res analysis.Result) int {
	inc := res.Incentives
	n := 0
	var st analysis.Strategy
	for j, s := range res.Systems {
		row := inc.Systems[j]
		if row.Gain != nil {
			g := &st.Balanced
			if s.Group == analysis.Deficit {
				g = &st.Deficit
			}
			for _, c := range []*analysis.StrategyCounts{&st.StrategyCounts, g} {
				c.Counted++
				switch row.Gain.Sign() {
				case 1:
					c.DeficitPays++
				case 0:
					c.Equal++
				default:
					c.BalancedPays++
				}
			}
		}
		if len(ds.Systems) > 20 && j%4 != 0 {
			continue
		}
		n++
		m := fullValue(t, ds, sc, j, s.Plan.Sub(analysis.MarginalStep))
		want := money.R(m.EffectiveGrantExact.Num.Mul(s.Value.EffectiveGrantExact.Den).Sub(s.Value.EffectiveGrantExact.Num.Mul(m.EffectiveGrantExact.Den)),
			m.EffectiveGrantExact.Den.Mul(s.Value.EffectiveGrantExact.Den).Mul(decimal.NewFromInt(1_000_000))).Round(4)
		if !row.MarginalPrice.Equal(want) || !row.MarginalGrant.Equal(m.EffectiveGrant) {
			t.Fatalf("case %d: %s marginal price %s (grant %s), full rerun %s (grant %s)", k, s.Code, row.MarginalPrice, row.MarginalGrant, want, m.EffectiveGrant)
		}
		switch {
		case s.Group == analysis.Deficit:
			b := fullValue(t, ds, sc, j, zero)
			if g := s.EffectiveGrant.Sub(b.EffectiveGrant); row.Gain == nil || !row.Gain.Equal(g) || !row.BalancedGrant.Equal(b.EffectiveGrant) {
				t.Fatalf("case %d: deficit planner %s gain %v, full rerun %s", k, s.Code, row.Gain, g)
			}
		case s.PrudencePenalty == nil:
			if row.Gain != nil || res.Deficit.Systems > 0 {
				t.Fatalf("case %d: balanced %s has gain %v with %d deficit planners", k, s.Code, row.Gain, res.Deficit.Systems)
			}
		default:
			d := fullValue(t, ds, sc, j, s.PenaltyPlan)
			g := d.EffectiveGrant.Sub(s.EffectiveGrant)
			if row.Gain == nil || !row.Gain.Equal(*s.PrudencePenalty) || !row.Gain.Equal(g) || !row.DeficitGrant.Equal(d.EffectiveGrant) ||
				row.DeficitExact.Cmp(d.EffectiveGrantExact) != 0 {
				t.Fatalf("case %d: balanced %s gain %v, penalty %s, full rerun %s", k, s.Code, row.Gain, s.PrudencePenalty, g)
			}
		}
	}
	st.Text = inc.Strategy.Text
	if st != inc.Strategy {
		t.Fatalf("case %d: strategy %+v, counted %+v", k, inc.Strategy, st)
	}
	return n
}

// checkLeverPoints compares a few points of each lever, by both paths, with
// a full analysis of the scenario with the lever set.
func checkLeverPoints(t *testing.T, k int64, ds plan.Dataset, sc plan.Scenario, res analysis.Result) {
	e, err := newJob(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.decimalFlows(); err != nil {
		t.Fatal(err)
	}
	lv, err := e.newLevers(context.Background(), &res)
	if err != nil {
		t.Fatalf("case %d: %v", k, err)
	}
	slow := *lv
	slow.vals = make([]*leverValue, len(lv.vals))
	for i, v := range lv.vals {
		if v != nil {
			c := *v
			c.fast = nil
			slow.vals[i] = &c
		}
	}
	r := rand.New(rand.NewPCG(uint64(k), 14))
	for _, name := range leverNames {
		for range 2 {
			q := r.Uint64N(leverRange[name] + 1)
			p, ps, want := lv.point(name, q), slow.point(name, q), leverTruth(t, ds, sc, name, q)
			if !samePoint(p, want) || !samePoint(ps, want) {
				t.Fatalf("case %d: %s at %d ticks: %+v (big integers %+v), full analysis %+v", k, name, q, p, ps, want)
			}
		}
	}
}

// checkThresholds checks each threshold found by full analyses at it and
// one step beyond; it returns how many there were.
func checkThresholds(t *testing.T, k int64, ds plan.Dataset, sc plan.Scenario, res analysis.Result) int {
	n := 0
	for _, l := range res.Incentives.Ending.Levers() {
		if l.Status != analysis.LeverFound {
			if l.Value != nil {
				t.Fatalf("case %d: %s is %s with a value", k, l.Name, l.Status)
			}
			continue
		}
		n++
		q := uint64(l.Value.Shift(4).IntPart())
		other := q - 1 // interest and clawback: the smallest that does not reward
		if l.Name == analysis.LeverWriteOff {
			other = q + 1 // the largest that does not reward
		}
		at, beyond := leverTruth(t, ds, sc, l.Name, q).Verdict, leverTruth(t, ds, sc, l.Name, other).Verdict
		if at == analysis.RewardsDeficit || beyond != analysis.RewardsDeficit {
			t.Fatalf("case %d: %s threshold %s: verdict %s there, %s one step beyond", k, l.Name, l.Value, at, beyond)
		}
	}
	return n
}

// TestStrategyTraceMatchesRows: the trace behind a row (full reruns, step
// by step) gives the row's grants, gain and marginal price, on random
// regimes.
func TestStrategyTraceMatchesRows(t *testing.T) {
	traced := 0
	for k := int64(0); k < 120; k++ {
		ds, sc := synth.TermsCase(k)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		for j := range ds.Systems {
			if j%7 != int(k%7) {
				continue
			}
			tr, err := StrategyTrace(ds, sc, j)
			if err != nil {
				t.Fatalf("case %d: %v", k, err)
			}
			row := res.Incentives.Systems[j]
			if fixed(tr.Gain) != fixed(row.Gain) || !tr.Price.Equal(row.MarginalPrice) || !tr.Balanced.Value.EffectiveGrant.Equal(row.BalancedGrant) ||
				!tr.Balanced.Plan.Equal(row.BalancedPlan) || !tr.Marginal.Value.EffectiveGrant.Equal(row.MarginalGrant) ||
				!tr.AsRun.EffectiveGrant.Equal(res.Systems[j].EffectiveGrant) {
				t.Fatalf("case %d: %s trace gain %s price %s, row gain %s price %s", k, ds.Systems[j].Code, fixed(tr.Gain), tr.Price, fixed(row.Gain), row.MarginalPrice)
			}
			if row.Gain != nil && (!tr.Deficit.Value.EffectiveGrant.Equal(row.DeficitGrant) || !tr.Deficit.Plan.Equal(row.DeficitPlan)) {
				t.Fatalf("case %d: %s deficit side %s at %s, row %s at %s", k, ds.Systems[j].Code, tr.Deficit.Value.EffectiveGrant, tr.Deficit.Plan, row.DeficitGrant, row.DeficitPlan)
			}
			traced++
		}
	}
	t.Logf("%d traces checked", traced)
	if _, err := StrategyTrace(plan.Dataset{}, plan.Scenario{}, 0); err == nil {
		t.Error("a trace of no system was made")
	}
}
