package money

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRateGood(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3.5%", "0.035"},
		{"0.035", "0.035"},
		{"0", "0"},
		{"0%", "0"},
		{"100%", "1"},
		{"1", "1"},
		{"1.0", "1"},
		{"25%", "0.25"},
		{"50 %", "0.5"},
		{" 3.5% ", "0.035"},
		{"0.5", "0.5"},
		{".5", "0.5"},
		{"150%", "1.5"}, // above 100% only with the sign: callers decide if it makes sense
		{"0.0001%", "0.000001"},
		{"33.333333333333333333%", "0.33333333333333333333"},
		{"+3.5%", "0.035"},
		{"-0", "0"},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if err != nil {
			t.Errorf("ParseRate(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !got.Equal(dec(tt.want)) {
			t.Errorf("ParseRate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseRateBad(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3.5", `cannot read "3.5" as a rate: write 3.5% or 0.035`},
		{"50", `cannot read "50" as a rate: write 50% or 0.5`},
		{"1.0001", `cannot read "1.0001" as a rate: write 1.0001% or 0.010001`},
		{"-1%", `cannot read "-1%" as a rate: rates cannot be negative`},
		{"-0.035", `cannot read "-0.035" as a rate: rates cannot be negative`},
		{"\u22123.5%", `cannot read "−3.5%" as a rate: rates cannot be negative`},
		{"1e-2", `cannot read "1e-2" as a rate: exponents are not accepted`},
		{"3.5e0%", `cannot read "3.5e0%" as a rate: exponents are not accepted`},
		{"", `cannot read "" as a rate: it is empty`},
		{" ", `cannot read " " as a rate: it is empty`},
		{"%", `cannot read "%" as a rate: write it like "3.5%" or "0.035"`},
		{"3.5%%", `cannot read "3.5%%" as a rate: write it like "3.5%" or "0.035"`},
		{"%3.5", `cannot read "%3.5" as a rate: write it like "3.5%" or "0.035"`},
		{"3,5%", `cannot read "3,5%" as a rate: write it like "3.5%" or "0.035"`},
		{"1,000%", `cannot read "1,000%" as a rate: write it like "3.5%" or "0.035"`},
		{"three", `cannot read "three" as a rate: write it like "3.5%" or "0.035"`},
		{"3.5 percent", `cannot read "3.5 percent" as a rate: write it like "3.5%" or "0.035"`},
		{"--1%", `cannot read "--1%" as a rate: write it like "3.5%" or "0.035"`},
		{"#3.5%", `cannot read "#3.5%" as a rate: write it like "3.5%" or "0.035"`},
		{"(3.5%)", `cannot read "(3.5%)" as a rate: write it like "3.5%" or "0.035"`},
		{"£3.5", `cannot read "£3.5" as a rate: write it like "3.5%" or "0.035"`},
		{"#DIV/0!", `cannot read "#DIV/0!" as a rate: it is an Excel error value`},
		{"=B2/100", `cannot read "=B2/100" as a rate: it is a formula; paste values instead`},
		{strings.Repeat("1", 65) + "%", `cannot read "111111111111111111…" as a rate: longer than 64 characters`},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if err == nil {
			t.Errorf("ParseRate(%q) = %s, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseRate(%q) error\n got: %s\nwant: %s", tt.in, err, tt.want)
		}
		if !errors.Is(err, ErrNotRate) || !errors.Is(err, ErrNotMoney) {
			t.Errorf("ParseRate(%q) error %v does not wrap ErrNotRate and ErrNotMoney", tt.in, err)
		}
	}
}

func TestMustRate(t *testing.T) {
	if got := MustRate("3.5%"); !got.Equal(dec("0.035")) {
		t.Errorf("MustRate(3.5%%) = %s", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustRate(\"3.5\") did not panic")
		}
	}()
	MustRate("3.5")
}

func TestPercentAndFixed(t *testing.T) {
	tests := []struct{ got, want string }{
		{Percent(dec("0.035"), 1), "3.5%"},
		{Percent(dec("0.5"), 0), "50%"},
		{Percent(dec("0.33335"), 2), "33.34%"},
		{Percent(dec("-0.00005"), 2), "-0.01%"},
		{Fixed2(dec("-68800000")), "-68800000.00"},
		{Fixed2(dec("0.005")), "0.01"},
		{Fixed2(dec("-0.005")), "-0.01"},
		{Fixed2(dec("2.345")), "2.35"},
		{Fixed4(dec("0.33775")), "0.3378"},
		{Fixed4(dec("1")), "1.0000"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
