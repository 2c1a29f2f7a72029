package engine

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/plan"
	"icsplan/plans"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// thousands reads a shipped "(£000)" cell: "(50,000)" is −50,000,000; blank is unknown.
func thousands(t testing.TB, s string) plan.Figure {
	s = strings.TrimSpace(s)
	if s == "" {
		return plan.Figure{}
	}
	neg := strings.HasPrefix(s, "(")
	s = strings.Trim(strings.ReplaceAll(s, ",", ""), "()")
	v, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	if neg {
		v = v.Neg()
	}
	return plan.Known(v.Mul(decimal.NewFromInt(1000)))
}

// shippedDataset reads plans/<dir>/systems.csv with a minimal reader of the
// shipped layout, independent of the plan loader.
func shippedDataset(t testing.TB, dir, year string) plan.Dataset {
	data, err := plans.FS.ReadFile(dir + "/systems.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	ds := plan.Dataset{Year: year, Path: dir + "/systems.csv"}
	for k, r := range rows[1:] {
		pop, _ := strconv.ParseInt(r[col["population"]], 10, 64)
		s := plan.System{Code: r[col["code"]], Name: r[col["name"]], Region: r[col["region"]], Population: pop,
			WeightedPopulation: d(r[col["weighted population"]]), Plan: thousands(t, r[col["plan (£000)"]]).Value,
			Source: r[col["source"]], Line: k + 2}
		if c, ok := col["outturn (£000)"]; ok {
			s.Outturn = thousands(t, r[c])
		}
		ds.Systems = append(ds.Systems, s)
	}
	return ds
}

func deficitSupport(pot, first string, years int) plan.Scenario {
	return plan.Scenario{
		Name:        "deficit-support",
		Pot:         d(pot),
		Eligibility: plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan},
		Allocation:  plan.Allocation{Method: plan.MethodProRata, Basis: plan.BasisPlan, Cap: plan.CapDeficit, Unit: d("1")},
		Repayment:   &plan.Repayment{FirstYear: first, Years: years, Interest: decimal.Zero},
		Assumptions: plan.Assumptions{DiscountRate: d("0.035"), WriteOff: d("0.5"), BalancedThreshold: decimal.Zero},
	}
}
