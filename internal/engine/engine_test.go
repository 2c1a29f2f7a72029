package engine

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/plans"

	"github.com/shopspring/decimal"
)

// shipped loads the embedded plans through the real loader.
func shipped(t testing.TB, dir, scenario string) (plan.Dataset, plan.Scenario) {
	lib, err := plan.Load(plans.FS, ".", "embedded plans", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range lib.Years {
		if y.Dir != dir {
			continue
		}
		for _, sc := range y.Scenarios {
			if sc.Name == scenario {
				return y.Dataset, sc
			}
		}
	}
	t.Fatalf("no scenario %s in %s", scenario, dir)
	return plan.Dataset{}, plan.Scenario{}
}

func fixed(p *decimal.Decimal) string {
	if p == nil {
		return "null"
	}
	return p.StringFixed(2)
}

// The headline figures below were checked by an independent calculation in
// exact rational arithmetic (Python fractions), not by this code; they were
// worked again when the shipped plans were corrected against their sources
// (Mid and South Essex's £40.3m, the ten 2023/24 and nineteen 2024/25
// deficits without a published amount refitted to the reported totals).
//
// 2023/24: deficits total £720m over 15 systems, pot £700m < £720m, so no cap
// binds and each deficit system gets £700m × deficit/£720m by largest
// remainder (e.g. Black Country 68.8m → 66,888,888.9 → £66,888,889).
// Repaid in 3 equal instalments in 2025/26..2027/28 (t = 2, 3, 4); PV at 3.5%,
// G = A − 0.5·PV per system, rounded once; Σ_D G = £384,195,509.21 over
// 19,759,341 people → £19.44 a head against £0.00 for the 27 balanced systems.
// Fair shares apportion £700m by weighted population; Σ_D (A − F) = £470,310,219.
// Price = 384,195,509.21 / 720,000,000 = 0.53360487... → 0.5336.
// 2024/25: the pot (£2.2bn) equals the 31 deficits exactly (λ = 1, no remainders),
// repaid over 5 years from 2026/27 (t = 2..6); Σ_D G = £1,240,278,722.12 over
// 43,939,316 people → £28.23 a head; net transfer £635,854,905; price 0.5638.
func TestShippedHeadlines(t *testing.T) {
	cases := []struct {
		dir, scenario        string
		dN, bN               int
		dAlloc, dGrant, dGPH string
		net, price, ge       string
		fairPH               string // allocated ÷ all 42 populations, to pence
		grantPH              string // effective grant ÷ all 42 populations, to pence
		label                analysis.Label
		penalties            map[string]string // code → prudence penalty
		penaltyPlans         map[string]string
		text                 string
		caveats              []string
	}{
		{
			dir: "2023-24", scenario: "deficit-support-feb-2024", dN: 15, bN: 27,
			dAlloc: "700000000.00", dGrant: "384195509.21", dGPH: "19.44",
			net: "470310219.00", price: "0.5336", ge: "0.5489", label: analysis.RewardsDeficit,
			fairPH:  "11.31", // 700,000,000 / 61,903,547 = 11.3079…
			grantPH: "6.21",  // 384,195,509.21 / 61,903,547 = 6.2064…
			// Median deficit per head in D (15 systems, odd): the 8th ratio, Kent and
			// Medway's £84.8m over 1,978,056 = £42.870374… a head. Each rerun adds the
			// system with that deficit (× population, to £1000) and reshares £700m.
			penalties:    map[string]string{"QOP": "61069096.85", "QHG": "23248967.76", "QM7": "33740539.19", "QF7": "31260709.76", "QSL": "13227582.44"},
			penaltyPlans: map[string]string{"QOP": "-136076000", "QHG": "-46376000", "QM7": "-69319000", "QF7": "-63773000", "QSL": "-25673000"},
			text:         "Systems that planned deficits receive £19.44 of effective grant per head, against nothing for systems that planned to balance.",
			caveats: []string{
				"31 of the 42 plan figures are illustrative, not reported (see the source column).",
				// Lancashire and South Cumbria's breakeven plan is an inference, graded L.
				"1 of the 42 systems' figures are graded low confidence or have no source (see the confidence and source columns).",
				// With no write-off and no discounting a loan repaid in full is worth nothing.
				"The verdict holds in 14 of the 15 combinations of write-off and discount rate tried; with a 0% write-off at a 0% discount rate the money is neutral.",
				"10 illustrative rows were fitted to the reported national totals (the count of deficit plans and their sum), not to any system's published figure.",
			},
		},
		{
			dir: "2024-25", scenario: "deficit-support-2024-25", dN: 31, bN: 11,
			dAlloc: "2200000000.00", dGrant: "1240278722.12", dGPH: "28.23",
			net: "635854905.00", price: "0.5638", ge: "0.5638", label: analysis.RewardsDeficit,
			fairPH:       "35.40", // 2,200,000,000 / 62,154,634 = 35.3955…
			grantPH:      "19.95", // 1,240,278,722.12 / 62,154,634 = 19.9547…
			penalties:    map[string]string{"QHG": "30587590.35", "QUE": "28868995.32", "QM7": "45161314.06"},
			penaltyPlans: map[string]string{"QHG": "-55628000", "QUE": "-52428000", "QM7": "-83134000"},
			text:         "Systems that planned deficits receive £28.23 of effective grant per head, against nothing for systems that planned to balance.",
			caveats: []string{
				"26 of the 42 plan figures are illustrative, not reported (see the source column).",
				// Nottingham and Nottinghamshire's £100m is a paraphrase, graded L.
				"1 of the 42 systems' figures are graded low confidence or have no source (see the confidence and source columns).",
				"The verdict holds in 14 of the 15 combinations of write-off and discount rate tried; with a 0% write-off at a 0% discount rate the money is neutral.",
				"19 illustrative rows were fitted to the reported national totals (the count of deficit plans and their sum), not to any system's published figure.",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			ds, sc := shipped(t, c.dir, c.scenario)
			res, err := Analyse(ds, sc)
			if err != nil {
				t.Fatal(err)
			}
			if res.Deficit.Systems != c.dN || res.Balanced.Systems != c.bN {
				t.Errorf("groups %d/%d", res.Deficit.Systems, res.Balanced.Systems)
			}
			if got := res.Deficit.Allocation.StringFixed(2); got != c.dAlloc {
				t.Errorf("deficit allocation %s", got)
			}
			if !res.Balanced.Allocation.IsZero() || !res.Balanced.EffectiveGrant.IsZero() {
				t.Errorf("balanced got %s", res.Balanced.Allocation)
			}
			for _, s := range res.Systems {
				if s.Group == analysis.Balanced && !s.Allocation.IsZero() {
					t.Errorf("balanced %s got %s", s.Code, s.Allocation)
				}
			}
			if got := res.Deficit.EffectiveGrant.StringFixed(2); got != c.dGrant {
				t.Errorf("deficit grant %s", got)
			}
			if got := res.Deficit.GrantPerHead.StringFixed(2); got != c.dGPH {
				t.Errorf("deficit grant per head %s", got)
			}
			if got := res.NetTransferToDeficit.StringFixed(2); got != c.net {
				t.Errorf("net transfer %s", got)
			}
			if got := res.PriceOfDeficit.StringFixed(4); got != c.price || !res.HasPrice {
				t.Errorf("price %s", got)
			}
			if got := res.FairSharePerHead.StringFixed(2); got != c.fairPH {
				t.Errorf("fair share per head %s, want %s", got, c.fairPH)
			}
			if got := res.Totals.GrantPerHead.StringFixed(2); got != c.grantPH {
				t.Errorf("grant per head over all systems %s, want %s", got, c.grantPH)
			}
			if got := res.Totals.GrantElement.StringFixed(4); got != c.ge {
				t.Errorf("grant element %s", got)
			}
			if res.Verdict.Label != c.label {
				t.Errorf("verdict %s", res.Verdict.Label)
			}
			for _, s := range res.Systems {
				if want, ok := c.penalties[s.Code]; ok {
					if got := fixed(s.PrudencePenalty); got != want {
						t.Errorf("%s penalty %s, want %s", s.Code, got, want)
					}
					if got := s.PenaltyPlan.String(); got != c.penaltyPlans[s.Code] {
						t.Errorf("%s penalty plan %s, want %s", s.Code, got, c.penaltyPlans[s.Code])
					}
				}
				if s.Group == analysis.Deficit && s.PrudencePenalty != nil {
					t.Errorf("deficit system %s has a penalty", s.Code)
				}
			}
			if res.Verdict.Text != c.text {
				t.Errorf("verdict text %q", res.Verdict.Text)
			}
			if !reflect.DeepEqual(res.Caveats, c.caveats) {
				t.Errorf("caveats %q", res.Caveats)
			}
		})
	}
}

// TestShippedMatchesOwnReader checks the loader and the minimal reader agree
// on the figures the analysis uses.
func TestShippedMatchesOwnReader(t *testing.T) {
	ds, sc := shipped(t, "2023-24", "deficit-support-feb-2024")
	own := shippedDataset(t, "2023-24", "2023/24")
	a, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Analyse(own, deficitSupport("700000000", "2025/26", 3))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Totals.EffectiveGrant.Equal(b.Totals.EffectiveGrant) || !a.NetTransferToDeficit.Equal(b.NetTransferToDeficit) {
		t.Errorf("loader %+v, own reader %+v", a.Totals, b.Totals)
	}
}

func sys(code string, pop int64, p string) plan.System {
	return plan.System{Code: code, Name: code, Population: pop, WeightedPopulation: decimal.NewFromInt(pop), Plan: d(p)}
}

func grantScenario(pot string) plan.Scenario {
	return plan.Scenario{
		Pot:         d(pot),
		Eligibility: plan.Eligibility{Rule: plan.RuleDeficit, Basis: plan.BasisPlan},
		Allocation:  plan.Allocation{Method: plan.MethodProRata, Basis: plan.BasisPlan, Cap: plan.CapDeficit, Unit: d("1")},
		Assumptions: plan.Assumptions{DiscountRate: d("0.035"), WriteOff: d("0.5")},
	}
}

// TestPrudenceByHand works the prudence penalty out on four systems.
//
// A: pop 1,000, plan −10,000 (£10 a head); B: pop 1,000, plan −30,000 (£30 a head).
// Median of an even count = (10 + 30)/2 = £20 a head.
// C: pop 2,450 → 20 × 2,450 = 49,000 → plan −49,000.
// E: pop 1,025 → 20 × 1,025 = 20,500 → half away from zero to £1000 → −21,000.
// A grant of £60,000, pro rata, capped: baseline W = 40,000 < pot, both capped
// (10,000 and 30,000), £20,000 unallocated; C and E get nothing.
// Rerun C: W = 89,000; 60,000·10,000 = 6.0e8 ≤ 10,000·89,000 = 8.9e8, nobody capped.
//
//	A = 600,000,000/89,000 = 6,741 r 51,000; B = 1,800,000,000/89,000 = 20,224 r 64,000;
//	C = 2,940,000,000/89,000 = 33,033 r 63,000. Floors 59,998; 2 left → B and C.
//	C gets 33,034 (a grant, so G = A): penalty £33,034.
//
// Rerun E: W = 61,000; A = 9,836 r 4,000; B = 29,508 r 12,000; E = 1,260,000,000/61,000 =
//
//	20,655 r 45,000. Floors 59,999; 1 left → E: 20,656; penalty £20,656.
func TestPrudenceByHand(t *testing.T) {
	ds := plan.Dataset{Year: "2023/24", Systems: []plan.System{
		sys("A", 1000, "-10000"), sys("B", 1000, "-30000"), sys("C", 2450, "0"), sys("E", 1025, "5000")}}
	res, err := Analyse(ds, grantScenario("60000"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ pen, plan string }{{"null", "0"}, {"null", "0"}, {"33034.00", "-49000"}, {"20656.00", "-21000"}}
	for i, s := range res.Systems {
		if got := fixed(s.PrudencePenalty); got != want[i].pen || s.PenaltyPlan.String() != want[i].plan {
			t.Errorf("%s: penalty %s plan %s, want %s %s", s.Code, got, s.PenaltyPlan, want[i].pen, want[i].plan)
		}
	}
	wantCaveat := "£20,000.00 of the £60,000.00 pot is not allocated: the eligible systems' caps total less than the pot."
	if !res.Totals.Unallocated.Equal(d("20000")) || len(res.Caveats) == 0 || res.Caveats[0] != wantCaveat {
		t.Errorf("unallocated %s caveats %q", res.Totals.Unallocated, res.Caveats)
	}
	// A grant is worth its face value at any discount rate, so the verdict
	// (deficit £40,000 over 2,000 people = £20 a head, balanced nothing) is the same everywhere.
	if res.Verdict.Label != analysis.RewardsDeficit || res.Deficit.GrantPerHead.StringFixed(2) != "20.00" {
		t.Errorf("verdict %+v", res.Verdict)
	}
	// No deficit group: no penalties at all.
	ds = plan.Dataset{Year: "2023/24", Systems: []plan.System{sys("C", 2450, "0")}}
	res, err = Analyse(ds, grantScenario("0"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Systems[0].PrudencePenalty != nil || res.Verdict.Label != analysis.CannotCompare {
		t.Errorf("empty D: %+v", res.Systems[0])
	}
}

func TestMedian(t *testing.T) {
	r := func(n, dd int64) money.Ratio { return money.R(decimal.NewFromInt(n), decimal.NewFromInt(dd)) }
	cases := []struct {
		in   []money.Ratio
		want string // to 6 places
	}{
		// odd: 1/3, 1/2, 2/1 sorted -> 1/2
		{[]money.Ratio{r(2, 1), r(1, 3), r(1, 2)}, "0.500000"},
		// even: 1/3 and 1/2 are the middle of 1/4, 1/3, 1/2, 3/1 -> (1/3 + 1/2)/2 = 5/12 = 0.416667
		{[]money.Ratio{r(3, 1), r(1, 2), r(1, 4), r(1, 3)}, "0.416667"},
		// even of two: (10/1000 + 30/1000)/2 = 0.02
		{[]money.Ratio{r(10, 1000), r(30, 1000)}, "0.020000"},
		{[]money.Ratio{r(7, 3)}, "2.333333"},
	}
	for _, c := range cases {
		m, ok := median(c.in)
		if !ok || m.Round(6).StringFixed(6) != c.want {
			t.Errorf("median %v = %s, want %s", c.in, m.Round(6), c.want)
		}
	}
	if _, ok := median(nil); ok {
		t.Error("median of nothing")
	}
	// 5/12 exactly × 12,000 = 5,000 → plan −5,000; × 1,200 = 500 → half away → −1,000.
	m, _ := median(cases[1].in)
	if p := penaltyPlan(m, 12000); p.String() != "-5000" {
		t.Errorf("penalty plan %s", p)
	}
	if p := penaltyPlan(m, 1200); p.String() != "-1000" {
		t.Errorf("penalty plan %s", p)
	}
}

func TestAnalyseDeterministic(t *testing.T) {
	ds, sc := shipped(t, "2023-24", "deficit-support-feb-2024")
	a, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, _ := Analyse(ds, sc)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two runs differ")
		}
	}
}

// TestShippedCounterfactuals pins the two 2023/24 counterfactuals. Their
// fair shares are the same apportionment of £700m by weighted population as
// in the deficit-support scenario, where the independent calculation gave the
// deficit group's fair shares as £700,000,000 − £470,310,219 = £229,689,781.
func TestShippedCounterfactuals(t *testing.T) {
	cases := []struct {
		scenario   string
		label      analysis.Label
		dGPH, bGPH string
		net        string
	}{
		// Fair shares: every system gets exactly its fair share: net transfer 0;
		// £229,689,781/19,759,341 = £11.62 against £470,310,219/42,144,206 = £11.16 (within 10%).
		{"fair-shares", analysis.Neutral, "11.62", "11.16", "0.00"},
		// Reward balance: nothing to deficit planners, whose fair shares total £229,689,781;
		// £700m/42,144,206 = £16.61 a head to balanced planners.
		{"reward-balance", analysis.RewardsBalanced, "0.00", "16.61", "-229689781.00"},
	}
	for _, c := range cases {
		ds, sc := shipped(t, "2023-24", c.scenario)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict.Label != c.label || res.Deficit.GrantPerHead.StringFixed(2) != c.dGPH ||
			res.Balanced.GrantPerHead.StringFixed(2) != c.bGPH || res.NetTransferToDeficit.StringFixed(2) != c.net {
			t.Errorf("%s: %s, %s / %s a head, net %s", c.scenario, res.Verdict.Label, res.Deficit.GrantPerHead,
				res.Balanced.GrantPerHead, res.NetTransferToDeficit)
		}
	}
}

// TestSortRatios checks the integer ordering of deficit-per-head ratios
// against exact decimal comparison, ties included.
func TestSortRatios(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(40)
		rs := make([]money.Ratio, n)
		for i := range rs {
			num := decimal.New(rng.Int64N(5000), -int32(rng.IntN(3))) // pounds, with up to 2 decimals
			rs[i] = money.R(num, decimal.NewFromInt(1+rng.Int64N(8)))
		}
		got := sortRatios(rs)
		for i := 1; i < n; i++ {
			if got[i-1].Cmp(got[i]) > 0 {
				t.Fatalf("trial %d: not sorted at %d", trial, i)
			}
		}
		ref := slices.Clone(rs)
		slices.SortStableFunc(ref, func(a, b money.Ratio) int { return a.Cmp(b) })
		for i := range ref {
			if ref[i].Cmp(got[i]) != 0 {
				t.Fatalf("trial %d: %v vs %v", trial, got, ref)
			}
		}
	}
	// A numerator finer than pence takes the decimal path and still sorts.
	got := sortRatios([]money.Ratio{money.R(d("0.005"), d("1")), money.R(d("0.001"), d("1"))})
	if got[0].Num.String() != "0.001" {
		t.Errorf("decimal path: %v", got)
	}
}
