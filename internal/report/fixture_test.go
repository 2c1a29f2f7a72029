package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ptr(x decimal.Decimal) *decimal.Decimal { return &x }

// hostile is a name carrying every kind of terminal mischief.
const hostile = "Evil\x1b[31mRed\x1b]52;c;aGVsbG8=\x07Clip\rBack\bSpace\u009bCSI\u202eRTL\u2066iso\u2069 ICS"

// fixture is a small hand-made analysis: two deficit planners, two balanced
// planners (one hostile, one a formula), a repayable scenario.
func fixture() analysis.Result {
	sc := plan.Scenario{
		Name:        "fixture",
		Title:       "Fixture: deficit support",
		Note:        "A hand-made result for tests.\nSecond line.",
		Pot:         d("1000000"),
		Paid:        "2024-02-15",
		Eligibility: plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan},
		Allocation:  plan.Allocation{Method: plan.MethodProRata, Basis: plan.BasisPlan, Cap: plan.CapDeficit, Unit: d("1")},
		Repayment:   &plan.Repayment{FirstYear: "2025/26", Years: 2, Interest: d("0")},
		Assumptions: plan.Assumptions{DiscountRate: d("0.035"), WriteOff: d("0.5"), BalancedThreshold: d("0")},
	}
	inst := func(a string) []analysis.Instalment {
		h := d(a).Div(d("2")).Floor()
		return []analysis.Instalment{
			{Year: "2025/26", T: 2, Principal: d(a).Sub(h), Interest: d("0")},
			{Year: "2026/27", T: 3, Principal: h, Interest: d("0")},
		}
	}
	sys := []analysis.SystemResult{
		{
			System: plan.System{Code: "AAA", Name: "Alpha and Beta Integrated Care System With A Long Name",
				Region: "North", Population: 1000000, WeightedPopulation: d("1000000"), Plan: d("-600500"),
				Source: "reported", Line: 2},
			Group: analysis.Deficit, Eligible: true, Allocation: d("600500"), Received: d("600500"), PerHead: d("0.60"),
			FairShare: d("250000"), Transfer: d("350500"), Repayments: inst("600500"),
			PVRepayments: d("550000.49"), EffectiveGrant: d("325250.26"), GrantElement: d("0.5416"),
		},
		{
			System: plan.System{Code: "BBB", Name: "Bravo", Region: "South", Population: 500000,
				WeightedPopulation: d("500000"), Plan: d("-399500"), Source: "illustrative", Line: 3,
				Outturn: plan.Known(d("-450000"))},
			Group: analysis.Deficit, Eligible: true, Allocation: d("399500"), Received: d("399500"), PerHead: d("0.80"),
			FairShare: d("125000"), Transfer: d("274500"), Repayments: inst("399500"),
			PVRepayments: d("365000.51"), EffectiveGrant: d("216999.75"), GrantElement: d("0.5432"),
		},
		{
			System: plan.System{Code: "CCC", Name: hostile, Region: "=cmd|' /C calc'!A0", Population: 1500000,
				WeightedPopulation: d("1500000"), Plan: d("0"), Source: "illustrative breakeven", Line: 4},
			Group: analysis.Balanced, FairShare: d("375000"), Transfer: d("-375000"),
			PVRepayments: d("0"), EffectiveGrant: d("0"), GrantElement: d("0"),
			PrudencePenalty: ptr(d("478123.45")), PenaltyPlan: d("-900000"),
		},
		{
			System: plan.System{Code: "DDD", Name: `=HYPERLINK("http://evil","x")`, Region: "+East",
				Population: 1000000, WeightedPopulation: d("1000000"), Plan: d("1500"), Source: "-reported | piped *bold*",
				Line: 5},
			Group: analysis.Balanced, FairShare: d("250000"), Transfer: d("-250000"),
			PVRepayments: d("0"), EffectiveGrant: d("0"), GrantElement: d("0"),
			PrudencePenalty: ptr(d("318000.10")), PenaltyPlan: d("-600000"),
		},
	}
	var sens []analysis.Cell
	for _, w := range []string{"0", "0.25", "0.5", "0.75", "1"} {
		for _, r := range []string{"0", "0.035", "0.05"} {
			l := analysis.RewardsDeficit
			if w == "0" && r == "0" {
				l = analysis.Neutral
			}
			sens = append(sens, analysis.Cell{WriteOff: d(w), DiscountRate: d(r), GrantElement: d(w).Add(d(r)).Div(d("2")).Round(4), Verdict: l})
		}
	}
	return analysis.Result{
		Dataset:  analysis.DatasetInfo{Year: "2023/24", Path: "fixture/2023-24/systems.csv", Systems: 4, Illustrative: 2},
		Scenario: sc,
		Totals: analysis.Totals{Pot: d("1000000"), Allocated: d("1000000"), Unallocated: d("0"),
			Repayments: d("1000000"), PVRepayments: d("915001.00"), EffectiveGrant: d("542250.01"), GrantElement: d("0.5423"),
			Received: d("1000000")},
		Systems: sys,
		Deficit: analysis.GroupResult{Group: analysis.Deficit, Systems: 2, Population: 1500000, PlannedDeficit: d("1000000"),
			Allocation: d("1000000"), Received: d("1000000"), PerHead: d("0.67"), EffectiveGrant: d("542250.01"), GrantPerHead: d("0.36")},
		Balanced: analysis.GroupResult{Group: analysis.Balanced, Systems: 2, Population: 2500000,
			PlannedDeficit: d("0"), Allocation: d("0"), PerHead: d("0"), EffectiveGrant: d("0"), GrantPerHead: d("0")},
		Years: []analysis.YearTotal{
			{Year: "2025/26", Principal: d("500000"), Interest: d("0")},
			{Year: "2026/27", Principal: d("500000"), Interest: d("0")},
		},
		Flows: []analysis.YearFlow{
			{Year: "2023/24", Paid: d("1000000")},
			{Year: "2024/25"},
			{Year: "2025/26", Principal: d("500000"), Interest: d("0")},
			{Year: "2026/27", Principal: d("500000"), Interest: d("0")},
		},
		NetTransferToDeficit: d("625000"),
		PriceOfDeficit:       d("0.5423"),
		HasPrice:             true,
		Sensitivity:          sens,
		Outturn:              []analysis.Outturn{{Group: analysis.Deficit, Systems: 1, Plan: d("-399500"), Outturn: d("-450000")}},
		Verdict: analysis.Verdict{Label: analysis.RewardsDeficit,
			Text: "Deficit planners get £0.36 of effective grant per head, balanced planners £0.00."},
		Caveats: []string{"2 of 4 plan figures are illustrative.", "Source says \x1b[2Jcleared."},
	}
}
