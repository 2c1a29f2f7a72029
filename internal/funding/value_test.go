package funding

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestPresentValueByHand: £500,000 due at t=2 and t=3 at 3.5% is worth
// 500000/1.071225 + 500000/1.108717875 = 466,755.3501… + 450,971.3528… =
// 917,726.7030… → £917,726.70, summed exactly and rounded once.
func TestPresentValueByHand(t *testing.T) {
	d := decimal.RequireFromString
	inst := []Instalment{
		{Year: "2025/26", T: 2, Principal: d("500000"), Interest: zero},
		{Year: "2026/27", T: 3, Principal: d("500000"), Interest: zero},
	}
	if pv := PresentValue(inst, d("0.035")).Round(2).StringFixed(2); pv != "917726.70" {
		t.Errorf("PresentValue = %s, want 917726.70", pv)
	}
}
