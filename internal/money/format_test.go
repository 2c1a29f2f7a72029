package money

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormat(t *testing.T) {
	var (
		pence     = Style{Scale: Pence}
		pounds    = Style{Scale: Pounds}
		thousands = Style{Scale: Thousands}
		millions1 = Style{Scale: Millions, Places: 1}
		billions2 = Style{Scale: Billions, Places: 2}
	)
	tests := []struct {
		in   string
		st   Style
		want string
	}{
		// Pence.
		{"1234567.89", pence, "£1,234,567.89"},
		{"0", pence, "£0.00"},
		{"1", pence, "£1.00"},
		{"999.999", pence, "£1,000.00"},
		{"0.005", pence, "£0.01"},   // half away from zero
		{"-0.005", pence, "-£0.01"}, // half away from zero
		{"0.0049999", pence, "£0.00"},
		{"-0.004", pence, "£0.00"}, // rounds to zero: no minus
		{"-1234567.885", pence, "-£1,234,567.89"},
		{"123456789012345678.91", pence, "£123,456,789,012,345,678.91"},
		// Pounds.
		{"1234567.89", pounds, "£1,234,568"},
		{"2.5", pounds, "£3"},
		{"-2.5", pounds, "-£3"},
		{"3.5", pounds, "£4"},
		{"2.4999", pounds, "£2"},
		{"-0.5", pounds, "-£1"},
		{"-0.49", pounds, "£0"},
		{"999", pounds, "£999"},
		{"1000", pounds, "£1,000"},
		{"100000", pounds, "£100,000"},
		{"-1234", pounds, "-£1,234"},
		{"-1234", Style{Scale: Pounds, Brackets: true}, "(£1,234)"},
		{"1234", Style{Scale: Pounds, Brackets: true}, "£1,234"},
		{"-0.4", Style{Scale: Pounds, Brackets: true}, "£0"},
		{"-1234", Style{Scale: Pounds, NoSymbol: true}, "-1,234"},
		{"-1234", Style{Scale: Pounds, NoSymbol: true, Brackets: true}, "(1,234)"},
		{"1234.5", Style{Scale: Pounds, NoSymbol: true}, "1,235"},
		// Thousands.
		{"1234567.89", thousands, "£1,235k"},
		{"1500", thousands, "£2k"},
		{"-1500", thousands, "-£2k"},
		{"499.99", thousands, "£0k"},
		{"-499.99", thousands, "£0k"},
		{"1234567.89", Style{Scale: Thousands, Places: 1}, "£1,234.6k"},
		{"-1234567.89", Style{Scale: Thousands, Places: 2, Brackets: true}, "(£1,234.57k)"},
		// Millions.
		{"700000000", millions1, "£700.0m"},
		{"699950000", millions1, "£700.0m"},
		{"699949999.99", millions1, "£699.9m"},
		{"-68800000", millions1, "-£68.8m"},
		{"-68800000", Style{Scale: Millions, Places: 1, Brackets: true}, "(£68.8m)"},
		{"1234567890", millions1, "£1,234.6m"},
		{"1250000", Style{Scale: Millions}, "£1m"},
		{"1500000", Style{Scale: Millions}, "£2m"},
		{"-1500000", Style{Scale: Millions}, "-£2m"},
		{"-40000", millions1, "£0.0m"}, // rounds to zero: no minus
		{"720000000", Style{Scale: Millions, Places: 1, NoSymbol: true}, "720.0m"},
		// Billions.
		{"2200000000", billions2, "£2.20bn"},
		{"2205000000", billions2, "£2.21bn"},
		{"-2205000000", billions2, "-£2.21bn"},
		{"2204999999.99", billions2, "£2.20bn"},
		{"1234567000000", billions2, "£1,234.57bn"},
		{"700000000", billions2, "£0.70bn"},
		// Negative Places behave as zero.
		{"1234567", Style{Scale: Thousands, Places: -2}, "£1,235k"},
	}
	for _, tt := range tests {
		if got := Format(dec(tt.in), tt.st); got != tt.want {
			t.Errorf("Format(%s, %+v) = %q, want %q", tt.in, tt.st, got, tt.want)
		}
	}
}

func TestFormatExact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"700000000.50", "£700,000,000.50"},
		{"700000000.5", "£700,000,000.50"},
		{"1", "£1"},
		{"1000", "£1,000"},
		{"0.01", "£0.01"},
		{"0.001", "£0.001"},
		{"-1234.5670", "-£1,234.567"},
		{"0", "£0"},
		{"1.00", "£1"},
	}
	for _, tt := range tests {
		if got := FormatExact(dec(tt.in)); got != tt.want {
			t.Errorf("FormatExact(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	d := dec("-1234567.885")
	for b.Loop() {
		_ = Format(d, Style{Scale: Pence})
		_ = Format(d, Style{Scale: Millions, Places: 1, Brackets: true})
	}
}

// TestGrouped: exact figures with separators, sign kept, nothing rounded.
func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "999": "999", "1000": "1,000", "61903547": "61,903,547",
		"-1234.5": "-1,234.5", "998654.125": "998,654.125", "100000": "100,000",
	} {
		if got := Grouped(dec(in)); got != want {
			t.Errorf("Grouped(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestGroupedFixed: trailing zeros kept; 0.0000005 rounds half away from zero.
func TestGroupedFixed(t *testing.T) {
	cases := []struct {
		in     string
		places int32
		want   string
	}{
		{"48611111.1111111", 6, "48,611,111.111111"},
		{"1000", 6, "1,000.000000"},
		{"-0.0000005", 6, "-0.000001"},
		{"-0.0000004", 6, "0.000000"},
	}
	for _, c := range cases {
		if got := GroupedFixed(dec(c.in), c.places); got != c.want {
			t.Errorf("GroupedFixed(%s, %d) = %q, want %q", c.in, c.places, got, c.want)
		}
	}
}

// TestFixedMatchesStringFixed: Fixed2 and Fixed4 write what decimal's
// StringFixed writes, for figures with fewer, as many and more decimals,
// small and too large for the int64 path.
func TestFixedMatchesStringFixed(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for trial := 0; trial < 20000; trial++ {
		v := rng.Int63n(2_000_000_000) - 1_000_000_000
		if rng.Intn(10) == 0 {
			v = rng.Int63() * int64(1-2*rng.Intn(2))
		}
		d := decimal.New(v, int32(rng.Intn(10)-6))
		if got, want := Fixed2(d), d.StringFixed(2); got != want {
			t.Fatalf("Fixed2(%s) = %q, want %q", d, got, want)
		}
		if got, want := Fixed4(d), d.StringFixed(4); got != want {
			t.Fatalf("Fixed4(%s) = %q, want %q", d, got, want)
		}
	}
}
