package synth

import (
	"fmt"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// RandomTerms returns sc with random terms for plans of the year 2023/24,
// deterministic for the seed: zero to four tranches (shares of whole
// hundredths of a percent summing to 100%, paid in 2023/24 to 2025/26, on
// no condition, the forecast or the outturn, with a tolerance of up to
// £2,000, held or redistributed), zero to three consequences (every kind,
// base and group, rates to 300%, probabilities to 100%, in 2023/24 to
// 2026/27), one time in four pot = "deficits", and one schedule in three
// made PDC. The result is valid for 2023/24 plans.
func RandomTerms(sc plan.Scenario, seed int64) plan.Scenario {
	r := rng(seed ^ 0x7e4a5)
	year := func(lo, hi int) string {
		y := 2023 + lo + r.IntN(hi-lo+1)
		return fmt.Sprintf("%d/%02d", y, (y+1)%100)
	}
	conditions := []plan.Condition{plan.ConditionNone, plan.ConditionForecast, plan.ConditionOutturn}
	forfeits := []plan.Forfeit{plan.ForfeitHeld, plan.ForfeitRedistribute}
	sc.Tranches, sc.Consequences = nil, nil
	if n := r.IntN(5); n > 0 {
		left := int64(10000)
		for k := 0; k < n; k++ {
			share := left
			if k < n-1 {
				share = between(r, 0, left)
			}
			left -= share
			t := plan.Tranche{Share: decimal.New(share, -4), Condition: conditions[r.IntN(3)],
				Tolerance: decimal.NewFromInt(between(r, 0, 2) * 1000), Forfeit: forfeits[r.IntN(2)]}
			if r.IntN(2) == 0 {
				t.Paid = year(0, 2)
			}
			sc.Tranches = append(sc.Tranches, t)
		}
	}
	kinds := []plan.ConsequenceKind{plan.Deduction, plan.Bonus}
	bases := []plan.ConsequenceBase{plan.BaseOverspend, plan.BaseImprovement, plan.BaseReceived, plan.BaseDeficit}
	groups := []plan.Applies{plan.AppliesAll, plan.AppliesDeficit, plan.AppliesBalanced}
	for n := r.IntN(4); n > 0; n-- {
		sc.Consequences = append(sc.Consequences, plan.Consequence{Kind: kinds[r.IntN(2)], Base: bases[r.IntN(4)],
			Rate: decimal.New(between(r, 0, 300), -2), Year: year(0, 3), Probability: decimal.New(between(r, 0, 100), -2),
			Group: groups[r.IntN(3)]})
	}
	if r.IntN(4) == 0 {
		sc.PotDeficits, sc.Pot = true, decimal.Zero
	}
	if rp := sc.Repayment; rp != nil && r.IntN(3) == 0 {
		c := *rp
		c.Kind, c.Profile = plan.RepaymentPDC, nil
		sc.Repayment = &c
	}
	return sc
}

// TermsCase is Case(k) with RandomTerms: property-test case k of the
// consequence terms.
func TermsCase(k int64) (plan.Dataset, plan.Scenario) {
	ds, sc := Case(k)
	return ds, RandomTerms(sc, k)
}
