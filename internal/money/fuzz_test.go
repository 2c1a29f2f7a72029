package money

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"1234", "1,234.56", "£1,234", "-1,234", "\u22121,234", "(1,234)", "(£1,234)", "-£1,234", "£-1,234",
	"-", "\u2013", " \u00a0£700m ", "2.2bn", "£1.5k", "12,3x", "1,23,456", "1e6", "#REF!", "=SUM(A1:A3)",
	"", "3.5%", "0.035", strings.Repeat("9", 65),
}

// checkParseError checks the shape every parse error must have.
func checkParseError(t *testing.T, s string, err error, what string) {
	t.Helper()
	if !errors.Is(err, ErrNotMoney) {
		t.Fatalf("error for %q does not wrap ErrNotMoney: %v", s, err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "cannot read \"") || !strings.Contains(msg, "\" as "+what) {
		t.Fatalf("error for %q has an unexpected form: %s", s, msg)
	}
	if len(s) <= maxLen && !strings.HasPrefix(msg, "cannot read "+strconv.Quote(s)+" as "+what) {
		t.Fatalf("error for %q does not quote the input: %s", s, msg)
	}
	if !utf8.ValidString(msg) || strings.ContainsAny(msg, "\x1b\r\n\x00") {
		t.Fatalf("error for %q is not safe to print: %q", s, msg)
	}
	if len(msg) > 400 { // 64 bytes quoted as \xNN escapes, plus the reason
		t.Fatalf("error for %q is %d bytes long", s, len(msg))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			checkParseError(t, s, err, "money")
			return
		}
		if len(s) > maxLen {
			t.Fatalf("Parse accepted %d bytes", len(s))
		}
		// Formatting in pence and parsing back gives the value to the penny.
		for _, st := range []Style{{Scale: Pence}, {Scale: Pence, Brackets: true}, {Scale: Pence, NoSymbol: true}} {
			text := Format(d, st)
			back, err := Parse(text)
			if len(text) > maxLen {
				continue // too long to parse back, by design
			}
			if err != nil {
				t.Fatalf("Parse(%q) = %s; Format gives %q, which does not parse: %v", s, d, text, err)
			}
			if !back.Equal(d.Round(2)) {
				t.Fatalf("Parse(%q) = %s; Format gives %q, which parses to %s, want %s", s, d, text, back, d.Round(2))
			}
		}
		// Pounds: back to the pound.
		if text := Format(d, Style{Scale: Pounds}); len(text) <= maxLen {
			if back, err := Parse(text); err != nil || !back.Equal(d.Round(0)) {
				t.Fatalf("Parse(%q) = %s; Format(Pounds) gives %q, which parses to %s, %v", s, d, text, back, err)
			}
		}
		// The other scales never panic and never show a minus on zero.
		for _, sc := range []Scale{Thousands, Millions, Billions} {
			for places := int32(0); places <= 2; places++ {
				text := Format(d, Style{Scale: sc, Places: places})
				back, err := Parse(text)
				if len(text) <= maxLen && err != nil {
					t.Fatalf("Format(%s, %d, %d) = %q does not parse: %v", d, sc, places, text, err)
				}
				if err == nil && back.IsZero() && strings.HasPrefix(text, "-") {
					t.Fatalf("Format(%s, %d, %d) = %q: a minus on zero", d, sc, places, text)
				}
			}
		}
		// ParseIn with a column factor is exactly Parse times the factor.
		in, err := ParseIn(s, thousand)
		if err != nil || !in.Equal(d.Mul(thousand)) {
			t.Fatalf("ParseIn(%q, 1000) = %s, %v; want %s", s, in, err, d.Mul(thousand))
		}
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range append(fuzzSeeds, "100%", "0", "1", "-0", "1.0001", "150 %", "3,5%") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseRate(s)
		if err != nil {
			checkParseError(t, s, err, "a rate")
			if !errors.Is(err, ErrNotRate) {
				t.Fatalf("error for %q does not wrap ErrNotRate: %v", s, err)
			}
			return
		}
		if d.Sign() < 0 {
			t.Fatalf("ParseRate(%q) = %s, negative", s, d)
		}
		if !strings.Contains(s, "%") && d.GreaterThan(one) {
			t.Fatalf("ParseRate(%q) = %s: a bare number above 1", s, d)
		}
		// As a percentage it reads back exactly.
		pct := d.Shift(2).String() + "%"
		if len(pct) <= maxLen {
			back, err := ParseRate(pct)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseRate(%q) = %s; ParseRate(%q) = %s, %v", s, d, pct, back, err)
			}
		}
	})
}
