package money

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// decimalFormat is Format written through decimal alone, as it was before
// the integer path: shift exactly, round once half away from zero, then
// group the digits. It is the reference the integer path must match.
func decimalFormat(d decimal.Decimal, st Style) string {
	shift, places, suffix := st.unit()
	r := d.Shift(-shift).Round(places)
	digits := r.Abs().StringFixed(places)
	intPart, frac, _ := strings.Cut(digits, ".")
	var g []string
	for len(intPart) > 3 {
		g = append([]string{intPart[len(intPart)-3:]}, g...)
		intPart = intPart[:len(intPart)-3]
	}
	out := strings.Join(append([]string{intPart}, g...), ",")
	if frac != "" {
		out += "." + frac
	}
	if !st.NoSymbol {
		out = "£" + out
	}
	if !st.NoSuffix {
		out += suffix
	}
	switch {
	case r.Sign() >= 0:
		return out
	case st.Brackets:
		return "(" + out + ")"
	default:
		return "-" + out
	}
}

// randomFigure is a figure for the property tests: zero, small, pence-sized,
// exact halves at the rounding digit, near and beyond the int64 coefficient,
// negative as often as positive, with from twelve decimals to none (and
// positive exponents).
func randomFigure(rng *rand.Rand) decimal.Decimal {
	var v int64
	switch rng.Intn(6) {
	case 0:
		v = 0
	case 1:
		v = rng.Int63n(2000) - 1000
	case 2:
		v = rng.Int63() // up to 19 digits: some take the decimal path
	case 3:
		v = rng.Int63n(1_000_000)*1000 + 500 // a half at the third digit
	default:
		v = rng.Int63n(1_000_000_000_000_000)
	}
	if rng.Intn(2) == 0 {
		v = -v
	}
	d := decimal.New(v, int32(rng.Intn(19)-12))
	if rng.Intn(20) == 0 { // far too large for an int64 coefficient
		d = d.Mul(decimal.New(rng.Int63(), 0)).Add(decimal.New(1, -3))
	}
	return d
}

// TestFastMatchesDecimal: Format, AppendFormat, Fixed2, Fixed4 and
// AppendFixed write exactly what the decimal path writes, in every style,
// for random figures (zero, negatives, huge, and more decimals than shown,
// which are rounded in integers on the fast path and by decimal otherwise).
func TestFastMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	styles := []Style{{Scale: Pence}, {Scale: Pounds}, {Scale: Pounds, Brackets: true, NoSymbol: true},
		{Scale: Pence, Brackets: true, NoSymbol: true}, {Scale: Thousands}, {Scale: Thousands, NoSuffix: true,
			Brackets: true, NoSymbol: true}, {Scale: Thousands, Places: 1}, {Scale: Millions, Places: 1},
		{Scale: Billions, Places: 2}, {Scale: Millions, Places: 3, Brackets: true}}
	fast := 0
	for trial := 0; trial < 100_000; trial++ {
		d := randomFigure(rng)
		st := styles[rng.Intn(len(styles))]
		if got, want := Format(d, st), decimalFormat(d, st); got != want {
			t.Fatalf("Format(%s, %+v) = %q, want %q", d, st, got, want)
		}
		if got, want := string(AppendFormat([]byte("x"), d, st)), "x"+decimalFormat(d, st); got != want {
			t.Fatalf("AppendFormat(%s, %+v) = %q, want %q", d, st, got, want)
		}
		for _, places := range []int32{0, 2, 4} {
			want := d.StringFixed(places)
			if got := string(AppendFixed(nil, d, places)); got != want {
				t.Fatalf("AppendFixed(%s, %d) = %q, want %q", d, places, got, want)
			}
		}
		if got, want := Fixed2(d), d.StringFixed(2); got != want {
			t.Fatalf("Fixed2(%s) = %q, want %q", d, got, want)
		}
		if got, want := Fixed4(d), d.StringFixed(4); got != want {
			t.Fatalf("Fixed4(%s) = %q, want %q", d, got, want)
		}
		if _, _, ok := scaledInt(d, 0, 2); ok {
			fast++
		}
	}
	if fast < 50_000 || fast == 100_000 {
		t.Errorf("%d of 100,000 figures took the integer path: the test must exercise both paths", fast)
	}
}

// TestScaledIntRounding works a few figures by hand.
func TestScaledIntRounding(t *testing.T) {
	tests := []struct {
		in            string
		shift, places int32
		neg           bool
		u             uint64
	}{
		{"1234567.89", 3, 0, false, 1235}, // 1,234.56789k rounds up
		{"-1500", 3, 0, true, 2},          // -1.5k: half away from zero
		{"-499.99", 3, 0, false, 0},       // -0.49999k rounds to 0, not negative
		{"0.005", 0, 2, false, 1},         // half a penny up
		{"-0.0049", 0, 2, false, 0},
		{"12", 0, 4, false, 120000},
		{"1e-30", 0, 2, false, 0},
	}
	for _, tt := range tests {
		neg, u, ok := scaledInt(decimal.RequireFromString(tt.in), tt.shift, tt.places)
		if !ok || neg != tt.neg || u != tt.u {
			t.Errorf("scaledInt(%s, %d, %d) = %v %d %v, want %v %d true", tt.in, tt.shift, tt.places, neg, u, ok, tt.neg, tt.u)
		}
	}
	if _, _, ok := scaledInt(decimal.RequireFromString("1234567890123456789"), 0, 2); ok {
		t.Error("a 19-digit figure took the integer path")
	}
}

// TestAppendFormatNoAlloc: the integer path appends into room the caller
// has without allocating.
func TestAppendFormatNoAlloc(t *testing.T) {
	d := decimal.RequireFromString("-68800000.125")
	buf := make([]byte, 0, 64)
	st := Style{Scale: Thousands, NoSuffix: true, Brackets: true, NoSymbol: true}
	if n := testing.AllocsPerRun(100, func() { _ = AppendFormat(buf[:0], d, st); _ = AppendFixed(buf[:0], d, 2) }); n != 0 {
		t.Errorf("AppendFormat and AppendFixed allocate %v times, want 0", n)
	}
}

// TestAppendRatioMatchesDecimal: a quotient formatted on the integer path
// is the one decimal's DivRound gives, rounded once, for random figures.
func TestAppendRatioMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	styles := []Style{{Scale: Pence}, {Scale: Pounds}, {Scale: Thousands, NoSuffix: true, Brackets: true, NoSymbol: true},
		{Scale: Millions, Places: 1}}
	fast := 0
	for trial := 0; trial < 50_000; trial++ {
		num, den := randomFigure(rng), randomFigure(rng)
		if den.IsZero() {
			continue
		}
		x := R(num, den)
		st := styles[rng.Intn(len(styles))]
		shift, places, _ := st.unit()
		want := decimalFormat(num.DivRound(den, places-shift), st)
		if got := string(AppendRatio(nil, x, st)); got != want {
			t.Fatalf("AppendRatio(%s/%s, %+v) = %q, want %q", num, den, st, got, want)
		}
		if _, _, ok := ratioInt(x, shift, places); ok {
			fast++
		}
	}
	if fast < 5_000 {
		t.Errorf("only %d quotients took the integer path", fast)
	}
	// 2/3 of £1,000 is £666.67; -2/3 of £1,000 at £000 is -1 (0.667 rounds up).
	if got := string(AppendRatio(nil, R(decimal.NewFromInt(2000), decimal.NewFromInt(3)), Style{Scale: Pence})); got != "£666.67" {
		t.Errorf("2000/3 = %q, want £666.67", got)
	}
	if got := string(AppendRatio(nil, R(decimal.NewFromInt(-2000), decimal.NewFromInt(3)), Style{Scale: Thousands, NoSymbol: true})); got != "-1k" {
		t.Errorf("-2000/3 at £000 = %q, want -1k", got)
	}
}
