package money

import (
	"math/big"
	"math/rand"
	"sort"
	"testing"

	"github.com/shopspring/decimal"
)

func TestFootHandWorked(t *testing.T) {
	thirds := []Ratio{R(dec("1"), dec("3")), R(dec("1"), dec("3")), R(dec("1"), dec("3"))}
	tests := []struct {
		name  string
		rows  []Ratio
		unit  string
		want  string // rows shown
		total string
	}{
		{
			// £333,400 + £333,300 + £333,300 = £1,000,000 exactly: 1,000 in
			// £000. Each rounded alone gives 333 + 333 + 333 = 999. Floors
			// 333 each (999), remainders 400, 300, 300 (£000 fractions .4,
			// .3, .3 = 1.0), so one unit is left: to the largest remainder.
			name: "a column of £000 that would total 999", unit: "1000",
			rows: decRows("333400", "333300", "333300"), want: "334 333 333", total: "1000",
		},
		{
			// The mirror: 333,600 + 333,600 + 332,800 = 1,000,000; alone
			// they round to 334 + 334 + 333 = 1,001. Floors 333 + 333 + 332
			// = 998; fractions .6 + .6 + .8 = 2.0: two units, to .8 then
			// the first .6 (a tie with equal values keeps file order).
			name: "a column of £000 that would total 1,001", unit: "1000",
			rows: decRows("333600", "333600", "332800"), want: "334 333 333", total: "1000",
		},
		{
			// Transfers sum to zero exactly: −0.6 + 0.3 + 0.3 = 0. Alone:
			// (1) + 0 + 0 = (1). Floors −1, 0, 0 = −1; fractions .4, .3, .3
			// = 1.0, so one unit, to the −0.6 row (remainder .4).
			name: "transfers that total zero", unit: "1",
			rows: decRows("-0.6", "0.3", "0.3"), want: "0 0 0", total: "0",
		},
		{
			// Exact ratios: three thirds total 1. Floors 0; the fractions
			// tie (1/3 each) and so do the values: the first row gets it.
			name: "thirds", unit: "1", rows: thirds, want: "1 0 0", total: "1",
		},
		{
			// Total 0.25 + 0.25 = 0.5 rounds half away from zero to 1.
			name: "half a unit rounds up", unit: "1",
			rows: decRows("0.25", "0.25"), want: "1 0", total: "1",
		},
		{
			// −0.25 + −0.25 = −0.5 rounds half away from zero to −1.
			// Floors −1, −1 = −2; one unit is left, to the first row.
			name: "minus half a unit rounds down", unit: "1",
			rows: decRows("-0.25", "-0.25"), want: "0 -1", total: "-1",
		},
		{
			// A larger exact value wins a tie on remainders: 2.5 and 1.5
			// total 4; floors 2 + 1 = 3, one left, remainders both .5,
			// so the larger value, 2.5, gets it.
			name: "ties to the larger value", unit: "1",
			rows: decRows("1.5", "2.5"), want: "1 3", total: "4",
		},
		{
			name: "no rows", unit: "1000", rows: nil, want: "", total: "0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, total := Foot(tt.rows, dec(tt.unit))
			if got := joined(shown); got != tt.want {
				t.Errorf("rows shown %q, want %q", got, tt.want)
			}
			if !total.Equal(dec(tt.total)) {
				t.Errorf("total %s, want %s", total, tt.total)
			}
		})
	}
}

func decRows(ss ...string) []Ratio {
	out := make([]Ratio, len(ss))
	for i, s := range ss {
		out[i] = R(dec(s), dec("1"))
	}
	return out
}

// TestFootProperties checks on random columns that the rows shown always
// sum to the total shown, that the total is the exact sum rounded half away
// from zero, and that every row is within one unit of its exact value.
func TestFootProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	units := []string{"1", "1000", "0.01", "1000000"}
	dens := []string{"1", "1.035", "1.071225", "3", "7"}
	for trial := 0; trial < 2000; trial++ {
		n := rng.Intn(12)
		rows := make([]Ratio, n)
		exact := new(big.Rat)
		for i := range rows {
			num := decimal.New(rng.Int63n(2_000_000_000)-1_000_000_000, -int32(rng.Intn(3)))
			den := dec(dens[rng.Intn(len(dens))])
			rows[i] = R(num, den)
			exact.Add(exact, rat(num).Quo(rat(num), rat(den)))
		}
		unit := dec(units[rng.Intn(len(units))])
		shown, total := Foot(rows, unit)
		sum := decimal.Zero
		for i, s := range shown {
			sum = sum.Add(s)
			// |s·u − exact_i| < u
			diff := new(big.Rat).Sub(rat(s.Mul(unit)), new(big.Rat).Quo(rat(rows[i].Num), rat(rows[i].Den)))
			if diff.Abs(diff).Cmp(rat(unit)) >= 0 {
				t.Fatalf("trial %d: row %d shows %s units of %s, more than a unit from %s/%s", trial, i, s, unit, rows[i].Num, rows[i].Den)
			}
		}
		if !sum.Equal(total) {
			t.Fatalf("trial %d: rows sum to %s, total shown %s", trial, sum, total)
		}
		want := roundHalfAway(exact.Quo(exact, rat(unit)))
		if total.BigInt().Cmp(want) != 0 {
			t.Fatalf("trial %d: total %s, want the exact sum rounded, %s", trial, total, want)
		}
	}
}

func rat(d decimal.Decimal) *big.Rat { return new(big.Rat).SetFrac(ratNum(d, decimal.NewFromInt(1))) }

// footReference is Foot as first written: every row in a stable sort by
// compareRemainders, the first left rows getting a unit. The faster
// selection must give the same rows.
func footReference(rows []Ratio, unit decimal.Decimal) []decimal.Decimal {
	f := make([]footRow, len(rows))
	floors := new(big.Int)
	for i, r := range rows {
		f[i] = floorRow(i, r, unit)
		floors.Add(floors, f[i].floor.BigInt())
	}
	exact := sumFractions(f)
	exact.Add(exact, new(big.Rat).SetInt(floors))
	left := int(new(big.Int).Sub(roundHalfAway(exact), floors).Int64())
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return compareRemainders(&f[order[a]], &f[order[b]]) < 0 })
	shown := make([]decimal.Decimal, len(rows))
	for i := range f {
		shown[i] = f[i].floor
	}
	for _, i := range order[:left] {
		shown[i] = shown[i].Add(one)
	}
	return shown
}

// TestFootMatchesReference compares Foot with footReference on columns with
// many ties: repeated values, zeros, whole units, shared and mixed
// denominators, remainders that differ only far below 2⁻⁶⁴.
func TestFootMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	dens := []string{"1", "1", "1", "1.035", "1.071225", "3", "7"}
	tiny := decimal.New(1, -30) // two fractions this close share a 64-bit key
	for trial := 0; trial < 3000; trial++ {
		n := rng.Intn(40)
		rows := make([]Ratio, n)
		oneDen := rng.Intn(3) == 0 // every row over the same denominator: Foot's fixed-width path
		den := dec(dens[rng.Intn(len(dens))])
		for i := range rows {
			var num decimal.Decimal
			switch rng.Intn(5) {
			case 0:
				num = decimal.Zero
			case 1:
				num = decimal.NewFromInt(rng.Int63n(20)*1000 - 10000) // whole £000
			case 2:
				if i > 0 {
					num = rows[rng.Intn(i)].Num // a repeat
					break
				}
				fallthrough
			default:
				num = decimal.New(rng.Int63n(2_000_000)-1_000_000, -int32(rng.Intn(3)))
			}
			switch rng.Intn(12) {
			case 0:
				num = num.Add(tiny)
			case 1:
				num = num.Mul(decimal.New(1, 20)) // fits 128 bits
			case 2:
				num = num.Mul(decimal.New(1, 40)) // does not
			}
			if !oneDen {
				den = dec(dens[rng.Intn(len(dens))])
			}
			rows[i] = R(num, den)
		}
		unit := dec([]string{"1", "1000", "0.01"}[rng.Intn(3)])
		want := footReference(rows, unit)
		got, _ := Foot(rows, unit)
		if joined(got) != joined(want) {
			t.Fatalf("trial %d: Foot %s, reference %s (rows %v, unit %s)", trial, joined(got), joined(want), rows, unit)
		}
		// The same rows as decimals (denominator 1), through FootDecimals'
		// int64 path when they fit.
		nums := make([]decimal.Decimal, n)
		for i, r := range rows {
			nums[i] = r.Num
		}
		want = footReference(decRatios(nums), unit)
		gotD, totalD := FootDecimals(nums, unit)
		_, totalR := Foot(decRatios(nums), unit)
		if joined(gotD) != joined(want) || !totalD.Equal(totalR) {
			t.Fatalf("trial %d: FootDecimals %s (total %s), reference %s (total %s) (rows %v, unit %s)",
				trial, joined(gotD), totalD, joined(want), totalR, nums, unit)
		}
	}
}

func decRatios(ds []decimal.Decimal) []Ratio {
	rs := make([]Ratio, len(ds))
	for i, d := range ds {
		rs[i] = R(d, one)
	}
	return rs
}

// BenchmarkFoot foots a column of 100,000 £ figures with pence, half of
// them zero (a balanced group's allocations), to £000.
func BenchmarkFoot(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	rows := make([]decimal.Decimal, 100_000)
	for i := range rows {
		if i%2 == 0 {
			rows[i] = decimal.New(rng.Int63n(10_000_000_000), -2)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		FootDecimals(rows, dec("1000"))
	}
}
