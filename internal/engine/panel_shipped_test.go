package engine

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/plans"

	"github.com/shopspring/decimal"
)

func shippedLibrary(t *testing.T) plan.Library {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestShippedPanel pins the panel of the shipped plans. Every figure was
// worked again by an independent reading of DESIGN.md's arithmetic in
// Python fractions, from the CSV files and the primary scenarios' terms.
//
// 2022/23 to 2023/24: nothing was paid in 2022/23, so there are no
// recipients and the slope of cash on deficit is 0; of 37 balanced
// planners 13 planned a deficit in 2023/24, and the 42 others' planned
// deficit per head rose by £11.44 on average.
// 2023/24 to 2024/25: the 15 paid planned a deficit again; 16 of 27
// balanced planners turned to deficit; recipients' deficit per head rose by
// £9.95, the others' by £30.35, a difference of −£20.40; the slope of cash
// per head on planned deficit per head is 0.9722 (the £700m covered 700/720
// of each deficit). Of the 15, four are reported in both years (Black
// Country, Humber and North Yorkshire, Cheshire and Merseyside, Devon), and
// all four planned a deficit in 2024/25.
// 2024/25 to 2025/26: every deficit was covered exactly (slope 1.0000); all
// 31 planned a deficit again, five of them reported in both years.
func TestShippedPanel(t *testing.T) {
	p, err := Panel(shippedLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		from                      string
		dd, db, bd, bb, r, rd     int
		rec, oth, diff, slope     string
		reported, reportedDeficit int
	}{
		{"2022/23", 2, 3, 13, 24, 0, 0, "null", "11.44", "null", "0.0000", 0, 0},
		{"2023/24", 15, 0, 16, 11, 15, 15, "9.95", "30.35", "-20.40", "0.9722", 4, 4},
		{"2024/25", 31, 0, 2, 9, 31, 31, "-9.09", "8.83", "-17.92", "1.0000", 5, 5},
	}
	if len(p.Pairs) != len(want) {
		t.Fatalf("%d pairs", len(p.Pairs))
	}
	for i, w := range want {
		pr := p.Pairs[i]
		tr := pr.Transitions
		c := pr.ChangePerHead
		got := []any{pr.From, len(tr.DeficitDeficit), len(tr.DeficitBalanced), len(tr.BalancedDeficit), len(tr.BalancedBalanced),
			len(pr.Recipients), len(pr.RecipientsDeficitNext), fixed(c.Recipients), fixed(c.Others), fixed(c.Difference),
			pr.BailoutSlope.StringFixed(4), len(pr.ReportedRecipients), len(pr.ReportedRecipientsDeficitNext)}
		exp := []any{w.from, w.dd, w.db, w.bd, w.bb, w.r, w.rd, w.rec, w.oth, w.diff, w.slope, w.reported, w.reportedDeficit}
		for k := range got {
			if got[k] != exp[k] {
				t.Errorf("pair %s, field %d: got %v, want %v", w.from, k, got[k], exp[k])
			}
		}
		if len(pr.Joined)+len(pr.Left) != 0 {
			t.Errorf("pair %s: codes joined %v, left %v", w.from, pr.Joined, pr.Left)
		}
	}
	if !strings.Contains(p.Text, "16 of the 27 systems that planned to balance in 2023/24 planned a deficit in 2024/25; "+
		"all 15 systems that received money planned a deficit again.") {
		t.Errorf("reading: %s", p.Text)
	}
	checkShippedNational(t, p)
	checkShippedOwed(t, p)
}

// The data was fitted to the totals year.toml reports: 5 plans and £100m,
// 15 and £720m, 31 and £2.2bn, and £2.2bn before support in 2025/26.
func checkShippedNational(t *testing.T, p analysis.Panel) {
	t.Helper()
	want := map[string]string{"2022/23": "5 100000000", "2023/24": "15 720000000", "2024/25": "31 2200000000", "2025/26": "33 2200000000"}
	for _, n := range p.National {
		if got := strings.Join([]string{itoaTest(n.DeficitPlans), n.PlannedDeficit.String()}, " "); got != want[n.Year] {
			t.Errorf("%s: %s, want %s", n.Year, got, want[n.Year])
		}
		agreed := 0
		for _, r := range n.Reported {
			if r.Agrees != nil && *r.Agrees {
				agreed++
			}
		}
		if agreed == 0 {
			t.Errorf("%s: the data agrees with none of the published figures", n.Year)
		}
	}
}

// Owed at each year end: the 2023/24 loan (£700m, thirds from 2025/26: the
// instalments total £233,333,340, £233,333,332 and £233,333,328) and the
// 2024/25 loan (£2.2bn, fifths from 2026/27, each deficit a whole number of
// £100k so each fifth exact, £440m a year); the 2025/26 support is a grant.
// So 2023/24 £700m; 2024/25 £2.9bn; 2025/26 £2,666,666,660; 2026/27
// £233,333,328 + £1.76bn; then £1.32bn, £880m, £440m, and nothing after.
// Received in all £700m + £2.2bn + (£2.2bn − £455m withheld) = £4,645m;
// effective grants £384,195,509.21 + £1,240,278,722.12 + £1,745,000,000.
func checkShippedOwed(t *testing.T, p analysis.Panel) {
	t.Helper()
	want := []string{"0", "700000000", "2900000000", "2666666660", "1993333328", "1320000000", "880000000", "440000000"}
	if got := strings.Join(p.OwedYears, " "); got != "2022/23 2023/24 2024/25 2025/26 2026/27 2027/28 2028/29 2029/30" {
		t.Fatalf("owed years %s", got)
	}
	for k, w := range want {
		total := decimal.Zero
		for _, o := range p.Owed {
			total = total.Add(o.Balances[k].Balance)
		}
		if total.String() != w {
			t.Errorf("owed at the end of %s: %s, want %s", p.OwedYears[k], total, w)
		}
	}
	var rec, repaid, owed, grant decimal.Decimal
	for _, s := range p.Systems {
		rec, repaid, owed, grant = rec.Add(s.Received), repaid.Add(s.Repaid), owed.Add(s.Owed), grant.Add(s.EffectiveGrant)
	}
	got := strings.Join([]string{rec.String(), repaid.String(), owed.String(), grant.StringFixed(2)}, " ")
	if want := "4645000000 233333340 2666666660 3369474231.33"; got != want {
		t.Errorf("cumulative received, repaid, owed, effective grant: %s, want %s", got, want)
	}
}

// TestShippedFourthQuarter: in the 2025/26 primary scenario the 13 systems
// whose fourth-quarter support was withheld forecast below plan and lose a
// quarter of their support, £455.0m in all (the per-system list's sum; the
// reported total is £454.9m); everyone else with a deficit receives it.
func TestShippedFourthQuarter(t *testing.T) {
	lib := shippedLibrary(t)
	y := lib.Years[len(lib.Years)-1]
	res, err := Analyse(y.Dataset, y.Scenarios[y.Primary()])
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, s := range res.Systems {
		if s.Withheld.IsPositive() {
			failed++
			if quarter := deficitOf(s.Plan).Div(decimal.NewFromInt(4)); !s.Withheld.Equal(quarter) {
				t.Errorf("%s lost %s, not a quarter of %s", s.Code, s.Withheld, deficitOf(s.Plan))
			}
		} else if !s.Received.Equal(deficitOf(s.Plan)) {
			t.Errorf("%s received %s of its %s deficit", s.Code, s.Received, deficitOf(s.Plan))
		}
	}
	if failed != 13 || res.Totals.Withheld.String() != "455000000" {
		t.Errorf("%d systems lost %s", failed, res.Totals.Withheld)
	}
}

// TestShippedFits: the illustrative amounts the sources say were fitted to
// the reported totals are exactly that fit: what the total leaves after the
// published deficits, shared among the fitted rows by registered
// population in whole £0.1m by largest remainder (money.Apportion's rule).
func TestShippedFits(t *testing.T) {
	totals := map[string]string{"2022/23": "100000000", "2023/24": "720000000", "2024/25": "2200000000", "2025/26": "2200000000"}
	for _, y := range shippedLibrary(t).Years {
		left := decimal.RequireFromString(totals[y.Label])
		var pops []decimal.Decimal
		var keys []string
		var fitted []plan.System
		for _, s := range y.Dataset.Systems {
			if strings.Contains(s.Source, "fitted to the reported") {
				fitted = append(fitted, s)
				pops = append(pops, decimal.NewFromInt(s.Population))
				keys = append(keys, s.Code)
			} else {
				left = left.Sub(deficitOf(s.Plan))
			}
		}
		if len(fitted) == 0 {
			t.Errorf("%s: no fitted rows", y.Label)
			continue
		}
		parts, err := money.Apportion(left, pops, decimal.NewFromInt(100_000), keys)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range fitted {
			if !s.Illustrative() || !s.Plan.Neg().Equal(parts[i]) {
				t.Errorf("%s %s: plan %s, the fit gives %s (illustrative %v)", y.Label, s.Code, s.Plan, parts[i].Neg(), s.Illustrative())
			}
		}
	}
}

func itoaTest(n int) string { return decimal.NewFromInt(int64(n)).String() }

// TestPanelNeedsNoPrudenceOrGrid: the panel reads each year through
// panelAnalyse, which skips the prudence reruns, the grid and the
// incentives; the panel it gives is the one the full analyses give, on the
// shipped library and with every regime of the library as each year's
// primary scenario.
func TestPanelNeedsNoPrudenceOrGrid(t *testing.T) {
	lib := shippedLibrary(t)
	check := func(name string, lib plan.Library) {
		t.Helper()
		in := make([]PanelInput, len(lib.Years))
		for i, y := range lib.Years {
			res, err := Analyse(y.Dataset, y.Scenarios[y.Primary()])
			if err != nil {
				t.Fatal(err)
			}
			in[i] = PanelInput{Year: y, Result: res}
		}
		got, err := Panel(lib)
		if err != nil {
			t.Fatal(err)
		}
		if want := PanelOf(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the panel of the quick analyses differs from that of the full ones", name)
		}
	}
	check("shipped", lib)
	for _, rg := range lib.Regimes {
		alt := lib
		alt.Years = slices.Clone(lib.Years)
		for i, y := range alt.Years {
			sc, err := rg.ForYear(y.Label)
			if err != nil {
				t.Fatal(err)
			}
			sc.Primary = true
			alt.Years[i].Scenarios = []plan.Scenario{sc}
		}
		check(rg.Name, alt)
	}
}

// TestPanelReusing: the panel made with a year's full analysis in place of
// its own is the panel, for each shipped year.
func TestPanelReusing(t *testing.T) {
	lib := shippedLibrary(t)
	want, err := Panel(lib)
	if err != nil {
		t.Fatal(err)
	}
	for i, y := range lib.Years {
		res, err := Analyse(y.Dataset, y.Scenarios[y.Primary()])
		if err != nil {
			t.Fatal(err)
		}
		got, err := PanelReusing(context.Background(), lib, i, res)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the panel reusing the year's analysis differs from the panel", y.Label)
		}
	}
}
