package funding

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestDiscount pins each instalment's factor and present value, worked by hand:
// £500,000 due at t=2 and t=3 at 3.5%:
//
//	1.035² = 1.071225     factor 1/1.071225    = 0.9335107… → 0.933511
//	                      PV 500000/1.071225   = 466,755.3501… → £466,755.35
//	1.035³ = 1.108717875  factor 1/1.108717875 = 0.9019427… → 0.901943
//	                      PV 500000/1.108717875 = 450,971.3528… → £450,971.35
//
// The two PVs summed exactly are 917,726.7030… → £917,726.70, which is the
// PresentValue of the schedule rounded once.
func TestDiscount(t *testing.T) {
	d := decimal.RequireFromString
	inst := []Instalment{
		{Year: "2025/26", T: 2, Principal: d("500000"), Interest: zero},
		{Year: "2026/27", T: 3, Principal: d("500000"), Interest: zero},
	}
	got := Discount(inst, d("0.035"))
	want := []struct{ factor, pv string }{{"0.933511", "466755.35"}, {"0.901943", "450971.35"}}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i, w := range want {
		if f := got[i].Factor.Round(6).StringFixed(6); f != w.factor {
			t.Errorf("row %d factor = %s, want %s", i, f, w.factor)
		}
		if pv := got[i].PV.Round(2).StringFixed(2); pv != w.pv {
			t.Errorf("row %d PV = %s, want %s", i, pv, w.pv)
		}
		if got[i].Year != inst[i].Year {
			t.Errorf("row %d year = %s, want %s", i, got[i].Year, inst[i].Year)
		}
	}
	if pv := PresentValue(inst, d("0.035")).Round(2).StringFixed(2); pv != "917726.70" {
		t.Errorf("PresentValue = %s, want 917726.70", pv)
	}
}
