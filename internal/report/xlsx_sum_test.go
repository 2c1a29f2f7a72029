package report

import "testing"

// TestSumFixed2: the Systems sheet's repayments due, the sum of the
// instalments' totals, worked out by hand; figures too long for whole
// pence in an int64 are added as decimals, and so is a sum that would
// overflow one.
func TestSumFixed2(t *testing.T) {
	ins := func(totals ...string) []jsonInstalment {
		out := make([]jsonInstalment, len(totals))
		for i, v := range totals {
			out[i].Total = v
		}
		return out
	}
	for _, c := range []struct {
		totals []string
		want   string
	}{
		{nil, "0.00"},
		{[]string{"5101499.00", "5101498.00"}, "10202997.00"},                               // 5,101,499 + 5,101,498
		{[]string{"0.05", "-0.10"}, "-0.05"},                                                // 5p − 10p
		{[]string{"-12.34", "12.34"}, "0.00"},                                               // nothing, never -0.00
		{[]string{"1.99", "0.01"}, "2.00"},                                                  // 199p + 1p = 200p
		{[]string{"123456789012345678.90", "0.10"}, "123456789012345679.00"},                // 18 digits before the point: decimals
		{[]string{"99999999999999999.99", "99999999999999999.99"}, "199999999999999999.98"}, // 17 digits before the point: decimals
	} {
		if got := sumFixed2(ins(c.totals...)); got != c.want {
			t.Errorf("sum of %v = %s, want %s", c.totals, got, c.want)
		}
	}
}
