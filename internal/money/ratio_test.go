package money

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestRatioRound(t *testing.T) {
	tests := []struct {
		num, den string
		places   int32
		want     string
	}{
		{"1", "3", 2, "0.33"},
		{"2", "3", 2, "0.67"},
		{"-2", "3", 2, "-0.67"},
		{"1", "8", 2, "0.13"},   // 0.125: half away from zero
		{"-1", "8", 2, "-0.13"}, // -0.125: half away from zero
		{"5", "2", 0, "3"},      // 2.5 → 3
		{"-5", "2", 0, "-3"},
		{"1", "-8", 2, "-0.13"},
		{"100", "7", 4, "14.2857"},
		{"1234567", "1", -3, "1235000"}, // negative places round to thousands
		{"1234499", "1", -3, "1234000"},
		{"1", "0", 2, "0"}, // zero denominator gives zero
		{"0", "5", 2, "0"},
		// PV of £1,000,000 two years out at 3.5%: 1000000 / 1.071225.
		{"1000000", "1.071225", 2, "933510.70"},
	}
	for _, tt := range tests {
		got := R(dec(tt.num), dec(tt.den)).Round(tt.places)
		if !got.Equal(dec(tt.want)) {
			t.Errorf("R(%s, %s).Round(%d) = %s, want %s", tt.num, tt.den, tt.places, got, tt.want)
		}
	}
}

func TestRatioRoundsOnce(t *testing.T) {
	// 0.4449999... rounded to 3 places then 2 would give 0.45; once gives 0.44.
	r := R(dec("4449999"), dec("10000000"))
	if got := r.Round(2); !got.Equal(dec("0.44")) {
		t.Errorf("Round(2) = %s, want 0.44", got)
	}
}

func TestRatioCmp(t *testing.T) {
	tests := []struct {
		a, b Ratio
		want int
	}{
		{R(dec("1"), dec("3")), R(dec("2"), dec("6")), 0},
		{R(dec("1"), dec("3")), R(dec("333333"), dec("1000000")), 1},
		{R(dec("-1"), dec("3")), R(dec("0"), dec("1")), -1},
		{R(dec("7"), dec("2")), R(dec("10"), dec("3")), 1},
		{R(dec("0.1"), dec("0.3")), R(dec("1"), dec("3")), 0},
	}
	for _, tt := range tests {
		if got := tt.a.Cmp(tt.b); got != tt.want {
			t.Errorf("%v.Cmp(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Cmp(tt.a); got != -tt.want {
			t.Errorf("%v.Cmp(%v) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

// TestRatioPercent checks the percentage is rounded once from the exact
// ratio: 2/3 = 66.666…% → 66.67%; 1/8 = 12.5% → 13% at no decimals (half
// away from zero); 0/0 shows 0.0%.
func TestRatioPercent(t *testing.T) {
	d := decimal.NewFromInt
	cases := []struct {
		r      Ratio
		places int32
		want   string
	}{
		{R(d(2), d(3)), 2, "66.67%"},
		{R(d(1), d(8)), 0, "13%"},
		{R(d(1), d(8)), 1, "12.5%"},
		{R(d(-1), d(8)), 0, "-13%"},
		{R(d(0), d(0)), 1, "0.0%"},
	}
	for _, c := range cases {
		if got := c.r.Percent(c.places); got != c.want {
			t.Errorf("%v/%v at %d places = %s, want %s", c.r.Num, c.r.Den, c.places, got, c.want)
		}
	}
}
