package analysis

import (
	"testing"

	"icsplan/internal/plan"
)

// TestDiscounted pins each instalment's factor and present value, worked by hand:
// £500,000 due at t=2 and t=3 at 3.5%:
//
//	1.035² = 1.071225     factor 1/1.071225    = 0.9335107… → 0.933511
//	                      PV 500000/1.071225   = 466,755.3501… → £466,755.35
//	1.035³ = 1.108717875  factor 1/1.108717875 = 0.9019427… → 0.901943
//	                      PV 500000/1.108717875 = 450,971.3528… → £450,971.35
//
// With interest the total is discounted: £100 + £5 at t=1 and 5%: factor
// 1/1.05 = 0.952380952… → 0.952381, PV 105/1.05 = £100.00 exactly. At 0% every
// factor is 1 and every PV the total.
func TestDiscounted(t *testing.T) {
	res := func(rate string, inst ...Instalment) *Result {
		return &Result{Scenario: plan.Scenario{Assumptions: plan.Assumptions{DiscountRate: d(rate)}},
			Systems: []SystemResult{{}, {Repayments: inst}}}
	}
	type row struct{ year, factor, pv string }
	cases := []struct {
		name string
		r    *Result
		want []row
	}{
		{"3.5%", res("0.035",
			Instalment{Year: "2025/26", T: 2, Principal: d("500000"), Interest: d("0")},
			Instalment{Year: "2026/27", T: 3, Principal: d("500000"), Interest: d("0")}),
			[]row{{"2025/26", "0.933511", "466755.35"}, {"2026/27", "0.901943", "450971.35"}}},
		{"interest", res("0.05", Instalment{Year: "2024/25", T: 1, Principal: d("100"), Interest: d("5")}),
			[]row{{"2024/25", "0.952381", "100.00"}}},
		{"0%", res("0", Instalment{Year: "2024/25", T: 1, Principal: d("7.5"), Interest: d("0.01")}),
			[]row{{"2024/25", "1.000000", "7.51"}}},
		{"nothing due", res("0.035"), []row{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.r.Discounted(1)
			if len(got) != len(c.want) {
				t.Fatalf("got %d rows, want %d", len(got), len(c.want))
			}
			for i, w := range c.want {
				if f := got[i].Factor.StringFixed(6); f != w.factor {
					t.Errorf("row %d factor = %s, want %s", i, f, w.factor)
				}
				if pv := got[i].PV.StringFixed(2); pv != w.pv {
					t.Errorf("row %d PV = %s, want %s", i, pv, w.pv)
				}
				if got[i].Year != w.year || !got[i].Total().Equal(c.r.Systems[1].Repayments[i].Total()) {
					t.Errorf("row %d = %+v, want the instalment of %s", i, got[i], w.year)
				}
			}
		})
	}
	if got := res("0.035").Discounted(2); got != nil {
		t.Errorf("Discounted of a system not in the result = %v, want nil", got)
	}
	if got := res("0.035").Discounted(-1); got != nil {
		t.Errorf("Discounted(-1) = %v, want nil", got)
	}
}
