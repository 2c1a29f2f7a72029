package engine

import (
	"fmt"
	"strings"
	"testing"

	"icsplan/internal/plan"
)

// TestPrudenceTraceGreaterManchester checks the rerun behind Greater
// Manchester's (QOP) prudence penalty in 2023/24 under the February 2024
// deficit support (£700m, pro rata to planned deficits capped at each
// deficit, £1 units, repaid in three equal years from 2025/26, 3.5%, 50%
// write-off), worked by hand:
//
// Median. Fifteen systems planned deficits, £720,000,000 in all. Their
// deficits per head, sorted, put Mid and South Essex (QH8) eighth of
// fifteen: £50,000,000 ÷ 1,260,070 = £39.680335… a head (seven below:
// QOQ 16.87, QYG 18.77, QKS 30.33, QJK 31.26, QRL 33.20, QOX 35.47,
// QVV 36.49; seven above: QK1 40.11 … QOC 85.83).
//
// Assumed plan. QOP serves 3,174,138 people: 3,174,138 × 50,000,000 ÷
// 1,260,070 = £125,950,859.87…, to £1000: a deficit of £125,951,000.
//
// Rerun. The deficits now total 720,000,000 + 125,951,000 = £845,951,000,
// more than the pot, so no cap binds (each share is 700/845.951 of its
// deficit) and one round shares it all. QOP's exact share is 700,000,000
// × 125,951,000 ÷ 845,951,000 = £104,220,811.843712: 104,220,811 whole
// pounds and a remainder of 713,739/845,951. The floors of the sixteen
// shares leave 9 pounds over; QOP's remainder (0.8437) is the second
// largest, after QMM's (0.9224), so it gets one: A = £104,220,812.
//
// Instalments. 104,220,812 ÷ 3 = 34,740,270 remainder 2, the two leftover
// pounds to the earlier years: £34,740,271 in 2025/26 (t = 2), £34,740,271
// in 2026/27 (t = 3) and £34,740,270 in 2027/28 (t = 4).
//
// PV. 34,740,271/1.035² + 34,740,271/1.035³ + 34,740,270/1.035⁴ =
// 32,430,414.712128… + 31,333,734.021380… + 30,274,138.279649… =
// £94,038,287.013158…,
// shown £94,038,287.01.
//
// Effective grant. G = A − (1 − 50%) × PV (the exact PV) =
// 104,220,812 − 47,019,143.506579… = £57,201,668.493420…, to the penny
// £57,201,668.49. As the scenario ran QOP planned to balance, was not
// eligible and received nothing, so G was £0.00 and the penalty is
// £57,201,668.49 − £0.00 = £57,201,668.49.
func TestPrudenceTraceGreaterManchester(t *testing.T) {
	ds := shippedDataset(t, "2023-24", "2023/24")
	sc := deficitSupport("700000000", "2025/26", 3)
	j, qh8 := indexOf(t, ds, "QOP"), indexOf(t, ds, "QH8")
	tr, err := PrudenceTrace(ds, sc, j)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.MedianOf) != 1 || tr.MedianOf[0] != qh8 {
		t.Errorf("median from %v, want QH8 (%d)", tr.MedianOf, qh8)
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	check("median per head", tr.Median.Round(6).String(), "39.680335")
	check("exact plan", tr.ExactPlan.Round(2).StringFixed(2), "125950859.87")
	check("plan", tr.Plan.String(), "-125951000")
	check("exact share", tr.Share.ExactTo(6).StringFixed(6), "104220811.843712")
	check("floor", tr.Share.Floor.String(), "104220811")
	if !tr.Share.Extra || !tr.Share.Eligible || tr.Share.CapRound != 0 {
		t.Errorf("share %+v: want eligible, uncapped, one leftover unit", tr.Share)
	}
	check("allocation", tr.Allocation.String(), "104220812")
	var got []string
	for _, in := range tr.Repayments {
		got = append(got, fmt.Sprint(in.Year, " ", in.T, " ", in.Total(), " ", in.PV.StringFixed(2)))
	}
	check("instalments", strings.Join(got, "; "),
		"2025/26 2 34740271 32430414.71; 2026/27 3 34740271 31333734.02; 2027/28 4 34740270 30274138.28")
	check("PV", tr.Value.PV.StringFixed(2), "94038287.01")
	check("G", tr.Value.EffectiveGrant.StringFixed(2), "57201668.49")
	check("as run", tr.AsRun.StringFixed(2), "0.00")
	check("penalty", tr.Penalty.StringFixed(2), "57201668.49")

	// The trace's penalty is the analysis's, for every balanced system.
	res, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range res.Systems {
		if s.PrudencePenalty == nil {
			continue
		}
		tr, err := PrudenceTrace(ds, sc, k)
		if err != nil {
			t.Fatal(err)
		}
		if !tr.Penalty.Equal(*s.PrudencePenalty) || !tr.Plan.Equal(s.PenaltyPlan) || !tr.AsRun.Equal(s.EffectiveGrant) {
			t.Errorf("%s: trace penalty %s plan %s as run %s; analysis %s, %s, %s",
				s.Code, tr.Penalty, tr.Plan, tr.AsRun, *s.PrudencePenalty, s.PenaltyPlan, s.EffectiveGrant)
		}
	}
}

func TestPrudenceTraceRefuses(t *testing.T) {
	ds := shippedDataset(t, "2023-24", "2023/24")
	sc := deficitSupport("700000000", "2025/26", 3)
	for _, tc := range []struct {
		j    int
		want string
	}{
		{-1, "no system -1 of 42"},
		{42, "no system 42 of 42"},
		{indexOf(t, ds, "QH8"), "QH8 planned a deficit"},
	} {
		if _, err := PrudenceTrace(ds, sc, tc.j); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("j=%d: %v, want %q", tc.j, err, tc.want)
		}
	}
	balanced := plan.Dataset{Year: "2023/24", Systems: []plan.System{{Code: "A", Population: 10, WeightedPopulation: d("10")}}}
	if _, err := PrudenceTrace(balanced, sc, 0); err == nil || !strings.Contains(err.Error(), "no system planned a deficit") {
		t.Errorf("no deficit group: %v", err)
	}
}

func indexOf(t *testing.T, ds plan.Dataset, code string) int {
	t.Helper()
	for i, s := range ds.Systems {
		if s.Code == code {
			return i
		}
	}
	t.Fatalf("no system %s", code)
	return -1
}
