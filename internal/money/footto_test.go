package money

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func TestFootTo(t *testing.T) {
	d := decimal.RequireFromString
	rs := func(xs ...string) []Ratio {
		out := make([]Ratio, len(xs))
		for i, x := range xs {
			out[i] = R(d(x), one)
		}
		return out
	}
	show := func(ds []decimal.Decimal) []string {
		out := make([]string, len(ds))
		for i, x := range ds {
			out[i] = x.String()
		}
		return out
	}
	for _, tc := range []struct {
		rows  []Ratio
		total string
		want  []string // nil: an error
	}{
		// Floors 1 + 1 + 1 = 3; remainders 0.4, 0.4, 0.2: the units go to
		// the first 1.4 (tie on remainder and value: the earlier row), then
		// the second, then the 1.2.
		{rs("1.4", "1.4", "1.2"), "3", []string{"1", "1", "1"}},
		{rs("1.4", "1.4", "1.2"), "4", []string{"2", "1", "1"}},
		{rs("1.4", "1.4", "1.2"), "5", []string{"2", "2", "1"}},
		{rs("1.4", "1.4", "1.2"), "6", []string{"2", "2", "2"}},
		{rs("1.4", "1.4", "1.2"), "7", nil},
		{rs("1.4", "1.4", "1.2"), "2", nil},
		{rs("1.4", "1.4", "1.2"), "4.5", nil},
		// A whole row never moves: 2 and 1.5 can total 3 or 4, not 5.
		{rs("2", "1.5"), "4", []string{"2", "2"}},
		{rs("2", "1.5"), "5", nil},
		// Negative rows round down too: −1.5 is −2 and a remainder 0.5, as
		// 3.5 is 3 and 0.5; the one unit goes to the larger value.
		{rs("-1.5", "3.5"), "2", []string{"-2", "4"}},
		{nil, "0", []string{}},
	} {
		got, err := FootTo(tc.rows, one, d(tc.total))
		switch {
		case tc.want == nil && err == nil:
			t.Errorf("FootTo(%v, %s) = %v, want an error", tc.rows, tc.total, show(got))
		case tc.want != nil && err != nil:
			t.Errorf("FootTo(%v, %s): %v", tc.rows, tc.total, err)
		case tc.want != nil && !slices.Equal(show(got), tc.want):
			t.Errorf("FootTo(%v, %s) = %v, want %v", tc.rows, tc.total, show(got), tc.want)
		}
	}
}

// TestFootToAgreesWithFoot: given the total Foot gives, FootTo gives Foot's
// rows.
func TestFootToAgreesWithFoot(t *testing.T) {
	rows := []Ratio{R(decimal.NewFromInt(233333334), one), R(decimal.NewFromInt(233333333), one), R(decimal.NewFromInt(233333333), one)}
	unit := decimal.NewFromInt(100000)
	want, total := Foot(rows, unit)
	got, err := FootTo(rows, unit, total)
	if err != nil {
		t.Fatal(err)
	}
	// £700,000,000 in £0.1m: 2334 + 2333 + 2333 = 7000.
	if total.String() != "7000" || !slices.EqualFunc(got, want, decimal.Decimal.Equal) || got[0].String() != "2334" {
		t.Errorf("FootTo = %v, Foot = %v (total %s)", got, want, total)
	}
}
