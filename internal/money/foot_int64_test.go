package money

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFootIntHandWorked: three rows of £1,400.00, £1,400.00 and £1,200.00
// in pence, footed to £000. Floors 1, 1, 1 (remainders 40,000, 40,000 and
// 20,000 pence); the exact total £4,000 is 4 units, so one unit is left, and
// the tie between the first two rows (equal remainders and values) goes to
// the earlier: 2, 1, 1.
// Negatives: −£1,500.00 and £700.00 floor to −2 and 0 with remainders
// 50,000 and 70,000 pence; the exact total −£800 rounds to −1, so one unit
// goes to the larger remainder: −2, 1.
func TestFootIntHandWorked(t *testing.T) {
	for _, c := range []struct {
		rows, want []int64
		total      int64
	}{
		{[]int64{140_000, 140_000, 120_000}, []int64{2, 1, 1}, 4},
		{[]int64{-150_000, 70_000}, []int64{-2, 1}, -1},
		{nil, []int64{}, 0},
	} {
		shown, total, ok := FootInt(c.rows, 100_000)
		if !ok || total != c.total || len(shown) != len(c.want) {
			t.Fatalf("FootInt(%v) = %v, %d, %v; want %v, %d", c.rows, shown, total, ok, c.want, c.total)
		}
		for i := range shown {
			if shown[i] != c.want[i] {
				t.Errorf("FootInt(%v) = %v, want %v", c.rows, shown, c.want)
			}
		}
	}
}

// TestFootIntMatchesFoot compares FootInt with the decimal paths on random
// columns: pence footed to £000 and to whole pounds, values drawn from a
// few so that remainders and values tie, negatives, and magnitudes from
// pence to near the limit.
func TestFootIntMatchesFoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	for k := range 4000 {
		n := rng.IntN(12)
		unit := []int64{100_000, 100, 7, 1}[rng.IntN(4)]
		scale := []int64{10, 1_000, 1_000_000, 1 << 40, int64(1<<62) / int64(n+1)}[rng.IntN(5)]
		pool := make([]int64, 1+rng.IntN(4))
		for i := range pool {
			pool[i] = signed(rng, scale)
		}
		rows := make([]int64, n)
		decs := make([]decimal.Decimal, n)
		for i := range rows {
			if rng.IntN(3) == 0 {
				rows[i] = pool[rng.IntN(len(pool))] // ties
			} else {
				rows[i] = signed(rng, scale)
			}
			decs[i] = decimal.New(rows[i], -2)
		}
		shown, total, ok := FootInt(rows, unit)
		if !ok {
			t.Fatalf("case %d: FootInt(%v, %d) refused rows within its limit", k, rows, unit)
		}
		u := decimal.New(unit, -2)
		rs := make([]Ratio, n)
		for i, d := range decs {
			rs[i] = R(d, one)
		}
		for name, foot := range map[string]func() ([]decimal.Decimal, decimal.Decimal){
			"FootDecimals": func() ([]decimal.Decimal, decimal.Decimal) { return FootDecimals(decs, u) },
			"footGeneral":  func() ([]decimal.Decimal, decimal.Decimal) { return footGeneral(rs, u) },
		} {
			ws, wt := foot()
			if !wt.Equal(decimal.NewFromInt(total)) {
				t.Fatalf("case %d: %v in units of %d: total %d, %s says %s", k, rows, unit, total, name, wt)
			}
			for i := range ws {
				if !ws[i].Equal(decimal.NewFromInt(shown[i])) {
					t.Fatalf("case %d: %v in units of %d: %v, %s says %v", k, rows, unit, shown, name, ws)
				}
			}
		}
	}
}

// signed is a random value in [−scale, scale].
func signed(rng *rand.Rand, scale int64) int64 {
	v := rng.Int64N(scale + 1)
	if rng.IntN(2) == 0 {
		return -v
	}
	return v
}

// TestFootIntRefusesWhatDoesNotFit: rows or a unit past 2⁶²/(n+1), whose
// sums could overflow, are left to the decimal path.
func TestFootIntRefusesWhatDoesNotFit(t *testing.T) {
	limit := int64(1<<62) / 3
	for _, c := range []struct {
		rows []int64
		unit int64
	}{
		{[]int64{limit + 1, 1}, 100},
		{[]int64{-limit - 1, 1}, 100},
		{[]int64{math.MaxInt64, math.MaxInt64}, 100_000},
		{[]int64{math.MinInt64, 0}, 1},
		{[]int64{1, 2}, limit + 1},
		{[]int64{1, 2}, 0},
		{[]int64{1, 2}, -100},
	} {
		if _, _, ok := FootInt(c.rows, c.unit); ok {
			t.Errorf("FootInt(%v, %d) accepted figures whose sums may not fit", c.rows, c.unit)
		}
	}
	if _, _, ok := FootInt([]int64{limit, -limit}, limit); !ok {
		t.Errorf("FootInt refused rows at its limit")
	}
}

// TestAppendIntMatchesAppendFormat: whole pounds in every scale and style,
// near zero and near the limits, as AppendFormat writes their decimals.
func TestAppendIntMatchesAppendFormat(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	vals := []int64{0, 1, -1, 999, -1000, 1_000_000, 99_999_999_999_999, 1e14, -1e14, math.MaxInt64, math.MinInt64}
	for range 2000 {
		vals = append(vals, rng.Int64N(2e9)-1e9, rng.Int64()-math.MaxInt64/2)
	}
	for _, v := range vals {
		for _, sc := range []Scale{Pence, Pounds, Thousands, Millions, Billions} {
			for _, st := range []Style{{Scale: sc}, {Scale: sc, Brackets: true, NoSymbol: true}, {Scale: sc, NoSuffix: true, Places: 1}} {
				got := string(AppendInt(nil, v, st))
				if want := string(AppendFormat(nil, decimal.NewFromInt(v), st)); got != want {
					t.Fatalf("AppendInt(%d, %+v) = %q, want %q", v, st, got, want)
				}
			}
		}
	}
}

// TestFootDecimalsIntMatchesFootDecimals: on random rows at mixed exponents
// (pence, tenths of a penny, whole pounds), with ties, negatives and a unit
// of £1,000 or £0.10, FootDecimalsInt gives FootDecimals' rows and total as
// whole units; a row beyond an int64 is refused.
func TestFootDecimalsIntMatchesFootDecimals(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	units := []decimal.Decimal{decimal.NewFromInt(1000), decimal.New(1, -1)}
	for round := range 500 {
		rows := make([]decimal.Decimal, r.IntN(30))
		for i := range rows {
			rows[i] = decimal.New(r.Int64N(4_000_001)-2_000_000, -r.Int32N(4))
			if r.IntN(4) == 0 {
				rows[i] = decimal.New(int64(r.IntN(5)-2)*500, 0) // ties on the half
			}
		}
		unit := units[round%2]
		wantRows, wantTotal := FootDecimals(rows, unit)
		shown, total, ok := FootDecimalsInt(rows, unit)
		if !ok || !decimal.NewFromInt(total).Equal(wantTotal) || len(shown) != len(wantRows) {
			t.Fatalf("round %d: FootDecimalsInt = %v, %d, %v; FootDecimals gives %v, %s", round, shown, total, ok, wantRows, wantTotal)
		}
		for i := range shown {
			if !decimal.NewFromInt(shown[i]).Equal(wantRows[i]) {
				t.Fatalf("round %d row %d: %d, FootDecimals gives %s", round, i, shown[i], wantRows[i])
			}
		}
	}
	// £10^30 + £1,499.50 and £1: £000 floors of about 10^27, which an int64
	// cannot hold, so it is refused.
	wide := []decimal.Decimal{decimal.RequireFromString("1000000000000000000000000001499.50"), decimal.NewFromInt(1)}
	if shown, total, ok := FootDecimalsInt(wide, units[0]); ok {
		t.Errorf("FootDecimalsInt(%v) = %v, %d: an int64 cannot hold 10^27", wide, shown, total)
	}
	// £1,499.500000000000001 and £1: at 15 decimals the first has 19 digits,
	// beyond an int64, so they are footed in 128 bits. In £000: floors 1 and 0,
	// remainders just over .4995 and .001; the exact total just over 1.5005
	// rounds to 2, so the unit left goes to the first: 2 and 0.
	wide[0] = decimal.RequireFromString("1499.500000000000001")
	if shown, total, ok := FootDecimalsInt(wide, units[0]); !ok || shown[0] != 2 || shown[1] != 0 || total != 2 {
		t.Errorf("FootDecimalsInt(%v) = %v, %d, %v; want [2 0], 2", wide, shown, total, ok)
	}
	huge := []decimal.Decimal{decimal.RequireFromString("1e40"), decimal.NewFromInt(1)}
	if _, _, ok := FootDecimalsInt(huge, units[0]); ok {
		t.Error("FootDecimalsInt took a row beyond 128 bits")
	}
}

// TestSelectFirstIsTheSortsHead: selectFirst puts the same rows first as a
// full sort in remOrder does, for every k, on random rows with many tied
// remainders and values (the index breaks every tie), sorted, reversed and
// shuffled, and long enough to take the quickselect.

// TestSelectFirstIsTheSortsHead: selectFirst puts the same rows first as a
// full sort in remOrder does, for every k, on random rows with many tied
// remainders and values (the index breaks every tie), sorted, reversed and
// shuffled, and long enough to take the quickselect.
func TestSelectFirstIsTheSortsHead(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 60 {
		n := rng.IntN(400)
		rows := make([]intRem, n)
		for i := range rows {
			rows[i] = intRem{rem: rng.Int64N(1 + int64(round%7)), v: rng.Int64N(3), i: i}
		}
		switch round % 3 {
		case 1:
			slices.SortFunc(rows, remOrder)
		case 2:
			slices.SortFunc(rows, func(p, q intRem) int { return remOrder(q, p) })
		}
		sorted := slices.Clone(rows)
		slices.SortFunc(sorted, remOrder)
		for k := 0; k <= n; k += 1 + n/40 {
			c := slices.Clone(rows)
			selectFirst(c, k, remOrder)
			head := slices.Clone(c[:k])
			slices.SortFunc(head, remOrder)
			if !slices.Equal(head, sorted[:k]) {
				t.Fatalf("round %d, n %d, k %d: selectFirst's first k are not the sort's", round, n, k)
			}
		}
	}
}

// BenchmarkFootInt foots 100,000 random figures in pence to £000, as the
// Systems table's columns are.
func BenchmarkFootInt(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([]int64, 100_000)
	for i := range rows {
		rows[i] = rng.Int64N(1e10)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := FootInt(rows, 100_000); !ok {
			b.Fatal("refused")
		}
	}
}
