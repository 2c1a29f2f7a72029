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
// deficits per head, sorted, put Kent and Medway (QKS) eighth of fifteen:
// £84,800,000 ÷ 1,978,056 = £42.870374… a head (seven below: QOQ 16.87,
// QYG 18.77, QJK 31.26, QH8 31.98, QNC 42.86, QK1 42.87, QJ2 42.87; seven
// above: QOX 42.87 … QUA 53.11). The ten deficits without a published
// amount were fitted to the £720m by registered population, so they sit
// close together, near £42.9 a head.
//
// Assumed plan. QOP serves 3,174,138 people: 3,174,138 × 84,800,000 ÷
// 1,978,056 = £136,076,482.36…, to £1000: a deficit of £136,076,000.
//
// Rerun. The deficits now total 720,000,000 + 136,076,000 = £856,076,000,
// more than the pot, so no cap binds (each share is 700/856.076 of its
// deficit) and one round shares it all. QOP's exact share is 700,000,000
// × 136,076,000 ÷ 856,076,000 = £111,267,223.938062: 111,267,223 whole
// pounds and a remainder of 200,763/214,019. The floors of the sixteen
// shares leave 8 pounds over; QOP's remainder (0.9381) is the largest, so
// it gets one: A = £111,267,224.
//
// Instalments. 111,267,224 ÷ 3 = 37,089,074 remainder 2, the two leftover
// pounds to the earlier years: £37,089,075 in 2025/26 (t = 2), £37,089,075
// in 2026/27 (t = 3) and £37,089,074 in 2027/28 (t = 4).
//
// PV. 37,089,075/1.035² + 37,089,075/1.035³ + 37,089,074/1.035⁴ =
// 34,623,048.379192… + 33,452,220.656224… + 32,320,985.269837… =
// £100,396,254.305253…,
// shown £100,396,254.31.
//
// Effective grant. G = A − (1 − 50%) × PV (the exact PV) =
// 111,267,224 − 50,198,127.152627… = £61,069,096.847373…, to the penny
// £61,069,096.85. As the scenario ran QOP planned to balance, was not
// eligible and received nothing, so G was £0.00 and the penalty is
// £61,069,096.85 − £0.00 = £61,069,096.85.
func TestPrudenceTraceGreaterManchester(t *testing.T) {
	ds := shippedDataset(t, "2023-24", "2023/24")
	sc := deficitSupport("700000000", "2025/26", 3)
	j, qks := indexOf(t, ds, "QOP"), indexOf(t, ds, "QKS")
	tr, err := PrudenceTrace(ds, sc, j)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.MedianOf) != 1 || tr.MedianOf[0] != qks {
		t.Errorf("median from %v, want QKS (%d)", tr.MedianOf, qks)
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	check("median per head", tr.Median.Round(6).String(), "42.870374")
	check("exact plan", tr.ExactPlan.Round(2).StringFixed(2), "136076482.36")
	check("plan", tr.Plan.String(), "-136076000")
	check("exact share", tr.Share.ExactTo(6).StringFixed(6), "111267223.938062")
	check("floor", tr.Share.Floor.String(), "111267223")
	if !tr.Share.Extra || !tr.Share.Eligible || tr.Share.CapRound != 0 {
		t.Errorf("share %+v: want eligible, uncapped, one leftover unit", tr.Share)
	}
	check("allocation", tr.Allocation.String(), "111267224")
	var got []string
	for _, in := range tr.Repayments {
		got = append(got, fmt.Sprint(in.Year, " ", in.T, " ", in.Total(), " ", in.PV.StringFixed(2)))
	}
	check("instalments", strings.Join(got, "; "),
		"2025/26 2 37089075 34623048.38; 2026/27 3 37089075 33452220.66; 2027/28 4 37089074 32320985.27")
	check("PV", tr.Value.PV.StringFixed(2), "100396254.31")
	check("G", tr.Value.EffectiveGrant.StringFixed(2), "61069096.85")
	check("as run", tr.AsRun.StringFixed(2), "0.00")
	check("penalty", tr.Penalty.StringFixed(2), "61069096.85")

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
