package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// toRegime presses r until the regime named name is shown.
func toRegime(t *testing.T, hs *harness, name string) {
	t.Helper()
	for range len(hs.m.lib.Regimes) + 1 {
		hs.keys("r")
		if hs.m.work.Name == name {
			return
		}
	}
	t.Fatalf("no regime %s", name)
}

// TestFlowsTie works RAB's deductions on the 2023/24 plans by hand.
//
// Two systems overspent. Lancashire and South Cumbria: plan £0, outturn
// −£148,600,000; Greater Manchester: plan £0, outturn −£180,000,000. RAB
// deducts 100% of the overspend in the next year (2024/25), then 33.34%,
// 33.33% and 33.33% again in the three years after: £148,600,000,
// £49,543,240, £49,528,380 and £49,528,380 (£297.2m), and £180,000,000,
// £60,012,000, £59,994,000 and £59,994,000 (£360.0m). The years are due
// £328,600,000, £109,555,240, £109,522,380 and £109,522,380, £657.2m. In
// £0.1m: 3286, 1095.5524, 1095.2238 and 1095.2238, whose floors make 6571
// of the 6572 units due; the unit left goes to the largest remainder,
// 2025/26's, so the years read £328.6m, £109.6m, £109.5m and £109.5m.
// Within 2025/26 the floors of Lancashire and South Cumbria's 495.4324 and
// Greater Manchester's 600.12 make 1095 of 1096: the unit goes to the
// larger remainder, Lancashire's (£49.6m; Greater Manchester £60.0m); in
// 2026/27 and 2027/28, 495.2838 and 599.94 make 1094 of 1095 and the unit
// goes to Greater Manchester (£60.0m; Lancashire £49.5m). Each row then
// adds up to the system's own total, £297.2m and £360.0m. Humber and North
// Yorkshire beat its −£30m plan by £30m: its bonus of 100% of the
// improvement is £30.0m, in 2024/25.
func TestFlowsTie(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 120, 40)
	toRegime(t, hs, "rab-deductions")
	tb := footFlows(&hs.m.res)
	m := func(s string) decimal.Decimal { return decimal.RequireFromString(s).Mul(decimal.NewFromInt(1_000_000)) }
	due := tb.cols[colDue]
	want := []string{"328.6", "109.6", "109.5", "109.5"}
	if len(tb.years) != 4 || tb.years[0] != "2024/25" {
		t.Fatalf("years %v", tb.years)
	}
	for i, w := range want {
		if !due.shown[i].Equal(m(w)) || !tb.cols[colDeductions].shown[i].Equal(m(w)) {
			t.Errorf("%s: due %s, deducted %s, want £%sm", tb.years[i], fm(due.shown[i]), fm(tb.cols[colDeductions].shown[i]), w)
		}
	}
	if !due.total.Equal(m("657.2")) || !tb.cols[colBonuses].total.Equal(m("30")) || !tb.tied {
		t.Errorf("due in all %s, bonuses %s, tied %v", fm(due.total), fm(tb.cols[colBonuses].total), tb.tied)
	}
	hs.keys("3")
	scr := flat(hs.screen())
	mustContain(t, scr, "Year Paid out Bonuses Deducted Due back",
		"2024/25 – £30.0m £328.6m £328.6m", "2025/26 – – £109.6m £109.6m", "Total £0.0m £30.0m £657.2m £657.2m",
		"Lancashire and South Cumbria £148.6m £49.6m £49.5m £49.5m –", "Greater Manchester £180.0m £60.0m £60.0m £60.0m –",
		"Humber and North Yorkshire – – – – £30.0m",
		"Total 3 systems £328.6m £109.6m £109.5m £109.5m £30.0m", "each column adds up to its total, and each year across")
}

// checkFlows fails unless every column of tb adds up to its total, each
// year's parts to what it has due, each year's systems to that, and every
// figure shown is within £0.1m of its exact value.
func checkFlows(t *testing.T, what string, r *analysis.Result, tb flowTable) {
	t.Helper()
	unit := decimal.NewFromInt(100_000)
	near := func(shown, exact decimal.Decimal) bool { return shown.Sub(exact).Abs().LessThan(unit) }
	if !tb.tied {
		t.Errorf("%s: not tied", what)
	}
	for k, c := range tb.cols {
		if !sum(c.shown).Equal(c.total) {
			t.Errorf("%s: %s shows %s in all, its total %s", what, c.head, fm(sum(c.shown)), fm(c.total))
		}
		if k != colDue && !c.total.Equal(footedTotal(c.exact)) {
			t.Errorf("%s: %s's total %s is not its exact total rounded once", what, c.head, fm(c.total))
		}
		for i := range c.shown {
			if k == colDue { // the sum of its parts: a unit for each
				if c.shown[i].Sub(c.exact[i]).Abs().GreaterThanOrEqual(unit.Mul(decimal.NewFromInt(4))) {
					t.Errorf("%s: due %s shows %s for %s", what, tb.years[i], fm(c.shown[i]), c.exact[i])
				}
				continue
			}
			if !near(c.shown[i], c.exact[i]) {
				t.Errorf("%s: %s %s shows %s for %s", what, c.head, tb.years[i], fm(c.shown[i]), c.exact[i])
			}
		}
	}
	for i := range tb.years {
		parts := sum([]decimal.Decimal{tb.cols[colPrincipal].shown[i], tb.cols[colInterest].shown[i], tb.cols[colDividends].shown[i], tb.cols[colDeductions].shown[i]})
		if !parts.Equal(tb.cols[colDue].shown[i]) {
			t.Errorf("%s: %s's parts add up to %s, due %s", what, tb.years[i], fm(parts), fm(tb.cols[colDue].shown[i]))
		}
	}
	for j, i := range tb.dueYears {
		col := make([]decimal.Decimal, len(tb.rows))
		for k, s := range tb.rows {
			col[k] = tb.cells[k][j]
			if ex, _ := owed(&r.Systems[s], tb.years[i]); !near(col[k], ex) {
				t.Errorf("%s: %s owes %s in %s, shown %s", what, r.Systems[s].Code, ex, tb.years[i], fm(col[k]))
			}
		}
		if !sum(col).Equal(tb.cols[colDue].shown[i]) {
			t.Errorf("%s: %s: the systems owe %s, the year %s", what, tb.years[i], fm(sum(col)), fm(tb.cols[colDue].shown[i]))
		}
	}
	if !sum(tb.bonus).Equal(tb.bonusT) || !sum(tb.pv).Equal(tb.pvT) || !tb.cols[colBonuses].total.Equal(tb.bonusT) {
		t.Errorf("%s: bonuses %s (%s), PV %s (%s)", what, fm(sum(tb.bonus)), fm(tb.bonusT), fm(sum(tb.pv)), fm(tb.pvT))
	}
}

// footedTotal is the exact total of rows rounded once, half away from
// zero, to £0.1m.
func footedTotal(rows []decimal.Decimal) decimal.Decimal {
	unit := decimal.NewFromInt(100_000)
	return sum(rows).DivRound(unit, 0).Mul(unit)
}

// TestFlowsFootAcrossRegimes: the table of money by year foots, down and
// across, for every regime of the library on both shipped years, and for
// random variations of them (pot, tranche shares, consequence rates and
// probabilities, a loan or PDC schedule).
func TestFlowsFootAcrossRegimes(t *testing.T) {
	lib := embedded(t)
	rnd := rand.New(rand.NewPCG(13, 2026))
	for _, y := range lib.Years {
		for _, reg := range lib.Regimes {
			sc, err := plan.PickRegime(lib.Regimes, reg.Name, y)
			if err != nil {
				t.Fatal(err)
			}
			for k := range 4 {
				v := sc
				if k > 0 {
					v = vary(rnd, sc, y.Label)
				}
				res, err := engine.Analyse(y.Dataset, v)
				if err != nil {
					t.Fatalf("%s on %s, variation %d: %v", reg.Name, y.Label, k, err)
				}
				checkFlows(t, fmt.Sprintf("%s on %s, variation %d", reg.Name, y.Label, k), &res, footFlows(&res))
			}
		}
	}
}

// vary changes a regime at random, keeping it valid.
func vary(rnd *rand.Rand, sc plan.Scenario, year string) plan.Scenario {
	if !sc.PotDeficits {
		sc.Pot = decimal.NewFromInt(rnd.Int64N(3_000_000_000) + 1_000_000)
	}
	if n := len(sc.Tranches); n > 1 {
		sc.Tranches = append([]plan.Tranche(nil), sc.Tranches...)
		left := decimal.NewFromInt(1)
		for i := range n - 1 {
			share := decimal.NewFromInt(rnd.Int64N(int64(100/n)) + 1).Div(decimal.NewFromInt(100))
			sc.Tranches[i].Share, left = share, left.Sub(share)
		}
		sc.Tranches[n-1].Share = left
	}
	sc.Consequences = append([]plan.Consequence(nil), sc.Consequences...)
	for i := range sc.Consequences {
		sc.Consequences[i].Rate = decimal.NewFromInt(rnd.Int64N(20000) + 1).Div(decimal.NewFromInt(10000))
		sc.Consequences[i].Probability = decimal.NewFromInt(rnd.Int64N(101)).Div(decimal.NewFromInt(100))
	}
	if rnd.IntN(2) == 0 {
		sc.Consequences = append(sc.Consequences, plan.DefaultConsequence(year))
	}
	r := plan.DefaultRepayment(year)
	r.Interest = decimal.NewFromInt(rnd.Int64N(60)).Div(decimal.NewFromInt(1000))
	switch rnd.IntN(3) {
	case 0:
		r.Kind = plan.RepaymentPDC
		sc.Repayment = &r
	case 1:
		sc.Repayment = &r
	}
	return sc
}

// TestFlowsScroll: under PDC's hundred years of dividends the screen
// scrolls as one page, down to the per-system totals row.
func TestFlowsScroll(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{}, 80, 24)
	toRegime(t, hs, "pdc-2020")
	hs.keys("3")
	mustContain(t, hs.screen(), "Year", "Paid out", "Dividends", "Due back", "2024/25")
	mustNotContain(t, hs.screen(), "Total 15 systems")
	hs.keys("G")
	mustContain(t, flat(hs.screen()), "Total 15 systems", "each column adds up to its total")
	hs.keys("g")
	mustContain(t, hs.screen(), "Money by year, all systems")
}
