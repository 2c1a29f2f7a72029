package money

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseGood(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1234", "1234"},
		{"0", "0"},
		{"1,234.56", "1234.56"},
		{"1,234,567", "1234567"},
		{"123,456,789.01", "123456789.01"},
		{"999", "999"},
		{"12345678", "12345678"}, // no separators at all is fine
		{"0.5", "0.5"},
		{".5", "0.5"},
		{"£1,234", "1234"},
		{"£1,234.50", "1234.5"},
		{"-1,234", "-1234"},
		{"\u22121,234", "-1234"}, // Unicode minus
		{"\u20131,234", "-1234"}, // en dash used as a minus
		{"+1,234", "1234"},
		{"(1,234)", "-1234"},
		{"(£1,234)", "-1234"},
		{"£(1,234)", "-1234"},
		{"( 1,234 )", "-1234"},
		{"-£1,234", "-1234"},
		{"£-1,234", "-1234"},
		{"\u2212£1,234.56", "-1234.56"},
		{"-", "0"},
		{"\u2013", "0"}, // en dash
		{"\u2014", "0"}, // em dash
		{"\u2212", "0"}, // Unicode minus
		{"£ -", "0"},    // Excel accounting format's zero
		{" £ -   ", "0"},
		{"  1,234  ", "1234"},
		{"\u00a01,234\u00a0", "1234"}, // NBSP either side
		{"\t1234\r\n", "1234"},
		{"£ 1,234", "1234"}, // accounting format pads after the £
		{"- £1,234", "-1234"},
		{"-0", "0"},
		{"(0)", "0"},
		{"£700m", "700000000"},
		{"£700M", "700000000"},
		{"700 m", "700000000"},
		{"2.2bn", "2200000000"},
		{"£2.2BN", "2200000000"},
		{"£1.5k", "1500"},
		{"1.5K", "1500"},
		{"-£0.5m", "-500000"},
		{"(£1.25bn)", "-1250000000"},
		{"£1,234k", "1234000"},
		{"0.001", "0.001"}, // sub-penny amounts are kept exactly
		{"123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"},
		{strings.Repeat("9", 64), strings.Repeat("9", 64)}, // exactly 64 bytes is read
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if want := dec(tt.want); !got.Equal(want) {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, want)
		}
	}
}

func TestParseBad(t *testing.T) {
	long := strings.Repeat("1", 65)
	tests := []struct{ in, want string }{
		// Generic failures: no reason.
		{"12,3x", `cannot read "12,3x" as money`},
		{"12,3", `cannot read "12,3" as money`},
		{"1,23,456", `cannot read "1,23,456" as money`},
		{"1234,567", `cannot read "1234,567" as money`},
		{"1,2345", `cannot read "1,2345" as money`},
		{",123", `cannot read ",123" as money`},
		{"1,", `cannot read "1," as money`},
		{"1,,234", `cannot read "1,,234" as money`},
		{"0,123", `cannot read "0,123" as money`},
		{"1.", `cannot read "1." as money`},
		{"1.2.3", `cannot read "1.2.3" as money`},
		{"1 234", `cannot read "1 234" as money`},
		{"abc", `cannot read "abc" as money`},
		{"£", `cannot read "£" as money`},
		{"+", `cannot read "+" as money`},
		{"()", `cannot read "()" as money`},
		{"(-)", `cannot read "(-)" as money`},
		{"(1,234", `cannot read "(1,234" as money`},
		{"1,234)", `cannot read "1,234)" as money`},
		{"--1", `cannot read "--1" as money`},
		{"-£-1", `cannot read "-£-1" as money`},
		{"+-1", `cannot read "+-1" as money`},
		{"(-1)", `cannot read "(-1)" as money`},
		{"-(1)", `cannot read "-(1)" as money`},
		{"££1", `cannot read "££1" as money`},
		{"1-", `cannot read "1-" as money`},
		{"1m2", `cannot read "1m2" as money`},
		{"1mn", `cannot read "1mn" as money`},
		{"1,234each", `cannot read "1,234each" as money`},
		{"12e", `cannot read "12e" as money`},
		{"1e+", `cannot read "1e+" as money`},
		{"1kk", `cannot read "1kk" as money`},
		{"$1,234", `cannot read "$1,234" as money`},
		{"€5", `cannot read "€5" as money`},
		{"1,234 GBP", `cannot read "1,234 GBP" as money`},
		{"NaN", `cannot read "NaN" as money`},
		{"Infinity", `cannot read "Infinity" as money`},
		{"0x10", `cannot read "0x10" as money`},
		{"١٢٣", `cannot read "١٢٣" as money`}, // only ASCII digits
		{"#", `cannot read "#" as money`},
		{"#HELLO", `cannot read "#HELLO" as money`},
		{"a\x00b", `cannot read "a\x00b" as money`},
		{"\x1b[31m1", `cannot read "\x1b[31m1" as money`},
		// Empty cells: callers check Blank first.
		{"", `cannot read "" as money: it is empty`},
		{"   ", `cannot read "   " as money: it is empty`},
		// Exponents.
		{"1e6", `cannot read "1e6" as money: exponents are not accepted`},
		{"1E6", `cannot read "1E6" as money: exponents are not accepted`},
		{"1.5e+10", `cannot read "1.5e+10" as money: exponents are not accepted`},
		{"£1,234e-2", `cannot read "£1,234e-2" as money: exponents are not accepted`},
		{"(1e6)", `cannot read "(1e6)" as money: exponents are not accepted`},
		{"-1e999999999", `cannot read "-1e999999999" as money: exponents are not accepted`},
		// Excel error values.
		{"#REF!", `cannot read "#REF!" as money: it is an Excel error value`},
		{"#DIV/0!", `cannot read "#DIV/0!" as money: it is an Excel error value`},
		{"#VALUE!", `cannot read "#VALUE!" as money: it is an Excel error value`},
		{"#N/A", `cannot read "#N/A" as money: it is an Excel error value`},
		{"#NAME?", `cannot read "#NAME?" as money: it is an Excel error value`},
		{"#NUM!", `cannot read "#NUM!" as money: it is an Excel error value`},
		{"#NULL!", `cannot read "#NULL!" as money: it is an Excel error value`},
		{"#SPILL!", `cannot read "#SPILL!" as money: it is an Excel error value`},
		{" #ref! ", `cannot read " #ref! " as money: it is an Excel error value`},
		// Formulas.
		{"=SUM(A1:A3)", `cannot read "=SUM(A1:A3)" as money: it is a formula; paste values instead`},
		{"=1+1", `cannot read "=1+1" as money: it is a formula; paste values instead`},
		{" =A1", `cannot read " =A1" as money: it is a formula; paste values instead`},
		// Too long: refused before parsing, only a prefix is quoted.
		{long, `cannot read "111111111111111111…" as money: longer than 64 characters`},
		{"  " + strings.Repeat("9", 63), `cannot read "  9999999999999999…" as money: longer than 64 characters`},
		{"\x1b" + strings.Repeat("1", 64), `cannot read "\x1b11111111111111111…" as money: longer than 64 characters`},
		{strings.Repeat("£", 40), `cannot read "£££££££££…" as money: longer than 64 characters`}, // cut at a rune boundary
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Parse(%q) error\n got: %s\nwant: %s", tt.in, err, tt.want)
		}
		if !errors.Is(err, ErrNotMoney) {
			t.Errorf("Parse(%q) error %v does not wrap ErrNotMoney", tt.in, err)
		}
		if errors.Is(err, ErrNotRate) {
			t.Errorf("Parse(%q) error %v wraps ErrNotRate", tt.in, err)
		}
	}
}

func TestParseFiveMegabytes(t *testing.T) {
	// A 5 MB digit string would take decimal tens of seconds; it must be
	// refused at once, without reading it.
	s := strings.Repeat("9", 5<<20)
	if n := testing.AllocsPerRun(1, func() { _, _ = Parse(s) }); n > 5 {
		t.Errorf("Parse of 5 MB allocates %v times; it should not read the input", n)
	}
	_, err := Parse(s)
	if err == nil || !strings.HasSuffix(err.Error(), "longer than 64 characters") {
		t.Fatalf("Parse(5 MB) error = %v", err)
	}
}

func TestParseIn(t *testing.T) {
	tests := []struct{ in, factor, want string }{
		{"1,234", "1000", "1234000"},
		{"1,234.567", "1000", "1234567"},
		{"(1.5)", "1000000", "-1500000"},
		{"700", "1000000", "700000000"},
		{"0.0000001", "1000000", "0.1"},
		{"-", "1000", "0"},
		{"£1.5k", "1000", "1500000"}, // a suffix and a column unit multiply
		{"12.34", "1", "12.34"},
	}
	for _, tt := range tests {
		got, err := ParseIn(tt.in, dec(tt.factor))
		if err != nil {
			t.Errorf("ParseIn(%q, %s): %v", tt.in, tt.factor, err)
			continue
		}
		if !got.Equal(dec(tt.want)) {
			t.Errorf("ParseIn(%q, %s) = %s, want %s", tt.in, tt.factor, got, tt.want)
		}
	}
	if _, err := ParseIn("12,3x", dec("1000")); err == nil || err.Error() != `cannot read "12,3x" as money` {
		t.Errorf("ParseIn(bad) error = %v", err)
	}
}

func TestBlank(t *testing.T) {
	for _, s := range []string{"", " ", "   ", "\t", "\u00a0", " \u00a0\r\n"} {
		if !Blank(s) {
			t.Errorf("Blank(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"0", "-", " - ", "x", "£", "\u200b"} {
		if Blank(s) {
			t.Errorf("Blank(%q) = true, want false", s)
		}
	}
}

func TestUnitFactor(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"£", "1", true},
		{" £ ", "1", true},
		{"£000", "1000", true},
		{"£000s", "1000", true},
		{"£000S", "1000", true},
		{"£k", "1000", true},
		{"£K", "1000", true},
		{"£'000", "1000", true},
		{"£'000s", "1000", true},
		{"£m", "1000000", true},
		{"£M", "1000000", true},
		{"  £m\u00a0", "1000000", true},
		{"", "", false},
		{"£bn", "", false},
		{"%", "", false},
		{"$", "", false},
		{"£00", "", false},
		{"k", "", false},
		{"£ m", "", false},
	}
	for _, tt := range tests {
		got, ok := UnitFactor(tt.in)
		if ok != tt.ok {
			t.Errorf("UnitFactor(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok && !got.Equal(dec(tt.want)) {
			t.Errorf("UnitFactor(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	cells := []string{"1,234,567.89", "(£12,345)", "-£700m", "  -  ", "123456"}
	for b.Loop() {
		for _, c := range cells {
			if _, err := Parse(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
