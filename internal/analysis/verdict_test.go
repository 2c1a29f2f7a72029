package analysis

import (
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestVerdictThresholds(t *testing.T) {
	cases := []struct {
		dN, bN int
		gD, gB string
		want   Label
	}{
		{1, 1, "11.00", "10.00", Neutral},         // exactly 10% more: not more than 10%
		{1, 1, "11.01", "10.00", RewardsDeficit},  // more than 10% and £1.01 ≥ £1
		{1, 1, "5.50", "4.50", RewardsDeficit},    // 22% more and exactly £1
		{1, 1, "5.49", "4.50", Neutral},           // 22% more but £0.99
		{1, 1, "0.50", "0.00", Neutral},           // infinitely more but under £1
		{1, 1, "1.00", "0.00", RewardsDeficit},    // exactly £1 over nothing
		{1, 1, "10.00", "11.01", RewardsBalanced}, // mirror
		{1, 1, "10.00", "11.00", Neutral},         // mirror, exactly 10%
		{1, 1, "4.50", "5.50", RewardsBalanced},   // mirror, exactly £1
		{0, 1, "0", "5", CannotCompare},
		{1, 0, "5", "0", CannotCompare},
	}
	for _, c := range cases {
		if got := Judge(c.dN, c.bN, d(c.gD), d(c.gB)); got != c.want {
			t.Errorf("gD %s gB %s: %s, want %s", c.gD, c.gB, got, c.want)
		}
	}
	v := VerdictOf(GroupResult{Systems: 2, GrantPerHead: d("19.44")}, GroupResult{Systems: 3, GrantPerHead: d("4.86")})
	want := "Systems that planned deficits receive £19.44 of effective grant per head, against £4.86 for systems that planned to balance: 4.0 times as much."
	if v.Label != RewardsDeficit || v.Text != want {
		t.Errorf("%s\n%s", v.Label, v.Text)
	}
}
