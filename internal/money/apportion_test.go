package money

import (
	"fmt"
	"math/big"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = dec(s)
	}
	return out
}

func joined(ds []decimal.Decimal) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, " ")
}

func TestApportionHandWorked(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []string
		unit    string
		keys    []string
		want    string
	}{
		{
			// 10·1/3 = 3 r 1 for each: 9 given, 1 left. Remainders and
			// weights tie, so it goes to the key that sorts first, "a".
			name: "equal thirds, key order", total: "10", weights: []string{"1", "1", "1"}, unit: "1",
			keys: []string{"a", "b", "c"}, want: "4 3 3",
		},
		{
			// Same split with the keys in another order: "a" is second.
			name: "equal thirds, key order is by key not position", total: "10", weights: []string{"1", "1", "1"}, unit: "1",
			keys: []string{"b", "a", "c"}, want: "3 4 3",
		},
		{
			// Keys compare by bytes: "E" (0x45) sorts before "d" (0x64).
			name: "byte order of keys", total: "1", weights: []string{"1", "1"}, unit: "1",
			keys: []string{"d", "E"}, want: "0 1",
		},
		{
			// Σw = 6, N = 3 units. a: 3·1 = 3 → 0 r 3; b: 3·3 = 9 → 1 r 3;
			// c: 3·2 = 6 → 1 r 0. Given 2, 1 left; a and b tie on remainder 3
			// (exact shares 0.5 and 1.5), so the larger weight, b, gets it
			// although "a" sorts first.
			name: "tie decided by larger weight", total: "3", weights: []string{"1", "3", "2"}, unit: "1",
			keys: []string{"a", "b", "c"}, want: "0 2 1",
		},
		{
			// Σw = 7, N = 10. a: 10 → 1 r 3; b: 20 → 2 r 6; c: 40 → 5 r 5.
			// Given 8, 2 left: to b (r 6) and c (r 5), not to a (r 3).
			name: "largest remainders win", total: "10", weights: []string{"1", "2", "4"}, unit: "1",
			keys: []string{"a", "b", "c"}, want: "1 3 6",
		},
		{
			// Unit £1000: N = 10 units, Σw = 600. a: 10·100 = 1000 → 1 r 400;
			// b: 2000 → 3 r 200; c: 3000 → 5 r 0. Given 9, 1 left → a.
			// Exact shares £1,666.67, £3,333.33, £5,000.
			name: "unit 1000", total: "10000", weights: []string{"100", "200", "300"}, unit: "1000",
			keys: []string{"a", "b", "c"}, want: "2000 3000 5000",
		},
		{
			// Unit £0.01: N = 100 pence over three: 33 r 1 each, 1 left → x.
			name: "unit 0.01", total: "1.00", weights: []string{"1", "1", "1"}, unit: "0.01",
			keys: []string{"x", "y", "z"}, want: "0.34 0.33 0.33",
		},
		{
			// N = 5 pence over 1, 1: 2 r 1 each, 1 left → "p".
			name: "five pence over two", total: "0.05", weights: []string{"7", "7"}, unit: "0.01",
			keys: []string{"p", "q"}, want: "0.03 0.02",
		},
		{
			// A zero weight gets nothing, even when units are left over:
			// N = 5, Σw = 2: b and c get 2 r 1 each, 1 left → b.
			name: "zero weight", total: "5", weights: []string{"0", "1", "1"}, unit: "1",
			keys: []string{"a", "b", "c"}, want: "0 3 2",
		},
		{
			// Decimal weights: 0.5 and 1.5 are 5 and 15 tenths, Σ = 20.
			// N = 4: 4·5 = 20 → 1 r 0; 4·15 = 60 → 3 r 0.
			name: "decimal weights", total: "4", weights: []string{"0.5", "1.5"}, unit: "1",
			keys: []string{"a", "b"}, want: "1 3",
		},
		{
			// Weights with different exponents: 1e3 and 1. N = 1001, Σw =
			// 1001: exact 1000 and 1.
			name: "mixed exponents", total: "1001", weights: []string{"1e3", "1"}, unit: "1",
			keys: []string{"a", "b"}, want: "1000 1",
		},
		{
			// Exact division leaves nothing over: 100 over 1, 2, 3, 4.
			name: "exact", total: "100", weights: []string{"1", "2", "3", "4"}, unit: "1",
			keys: []string{"a", "b", "c", "d"}, want: "10 20 30 40",
		},
		{
			// A single key takes everything.
			name: "one key", total: "700000000", weights: []string{"0.001"}, unit: "1",
			keys: []string{"only"}, want: "700000000",
		},
		{
			// The DESIGN's instalment profile 25/25/50 of £1,000,001 in £1:
			// 250000.25, 250000.25, 500000.5 → 250000 r, 250000 r, 500000 r;
			// remainders (in units of Σw = 100): 25, 25, 50. 1 left → the
			// largest remainder, the last year.
			name: "instalment profile", total: "1000001", weights: []string{"25", "25", "50"}, unit: "1",
			keys: []string{"2025/26", "2026/27", "2027/28"}, want: "250000 250000 500001",
		},
		{
			// Equal instalments of £10 over 3 years: the earlier year first.
			name: "equal instalments, earlier year first", total: "11", weights: []string{"1", "1", "1"}, unit: "1",
			keys: []string{"2027/28", "2025/26", "2026/27"}, want: "3 4 4",
		},
		{
			name: "zero total", total: "0", weights: []string{"1", "2"}, unit: "1",
			keys: []string{"a", "b"}, want: "0 0",
		},
		{
			name: "zero total, zero weights", total: "0", weights: []string{"0", "0"}, unit: "1000",
			keys: []string{"a", "b"}, want: "0 0",
		},
		{
			name: "zero total, no weights", total: "0", weights: []string{}, unit: "1",
			keys: []string{}, want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apportion(dec(tt.total), decs(tt.weights...), dec(tt.unit), tt.keys)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if s := joined(got); s != tt.want {
				t.Errorf("Apportion(%s over %v in %s, keys %v) = %s, want %s",
					tt.total, tt.weights, tt.unit, tt.keys, s, tt.want)
			}
		})
	}
}

func TestApportionErrors(t *testing.T) {
	tests := []struct {
		total   string
		weights []string
		unit    string
		keys    []string
		want    string
	}{
		{"10", []string{"1", "1", "1"}, "1", []string{"a", "b"}, "cannot apportion: 2 keys for 3 weights"},
		{"10", []string{"1", "-1"}, "1", []string{"a", "b"}, `cannot apportion: weight -1 for "b" is negative`},
		{"-5", []string{"1"}, "1", []string{"a"}, "cannot apportion a negative total -£5"},
		{"700000000.50", []string{"1"}, "1", []string{"a"}, "total £700,000,000.50 is not a whole number of £1 units"},
		{"1500", []string{"1"}, "1000", []string{"a"}, "total £1,500 is not a whole number of £1,000 units"},
		{"0.005", []string{"1"}, "0.01", []string{"a"}, "total £0.005 is not a whole number of £0.01 units"},
		{"10", []string{"1"}, "0", []string{"a"}, "cannot apportion: unit £0 is not positive"},
		{"10", []string{"1"}, "-1", []string{"a"}, "cannot apportion: unit -£1 is not positive"},
		{"10", []string{"0", "0"}, "1", []string{"a", "b"}, "cannot apportion £10: the weights are all zero"},
		{"10", []string{}, "1", []string{}, "cannot apportion £10: the weights are all zero"},
	}
	for _, tt := range tests {
		got, err := Apportion(dec(tt.total), decs(tt.weights...), dec(tt.unit), tt.keys)
		if err == nil {
			t.Errorf("Apportion(%s, %v, %s) = %v, want error %q", tt.total, tt.weights, tt.unit, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Apportion(%s, %v, %s) error\n got: %s\nwant: %s", tt.total, tt.weights, tt.unit, err, tt.want)
		}
	}
}

// oracle apportions by the DESIGN's words with big.Rat arithmetic, as an
// independent check on the implementation.
func oracle(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) []decimal.Decimal {
	sum := new(big.Rat)
	for _, w := range weights {
		sum.Add(sum, w.Rat())
	}
	type item struct {
		i     int
		floor *big.Int
		rem   *big.Rat // exact share in units minus its floor
	}
	items := make([]item, len(weights))
	units := new(big.Rat).Quo(total.Rat(), unit.Rat()) // whole
	given := new(big.Int)
	for i, w := range weights {
		share := new(big.Rat).Quo(new(big.Rat).Mul(units, w.Rat()), sum)
		fl := new(big.Int).Quo(share.Num(), share.Denom())
		items[i] = item{i, fl, new(big.Rat).Sub(share, new(big.Rat).SetInt(fl))}
		given.Add(given, fl)
	}
	left := new(big.Int).Sub(units.Num(), given).Int64()
	order := slices.Clone(items)
	sort.SliceStable(order, func(x, y int) bool {
		a, b := order[x], order[y]
		if c := a.rem.Cmp(b.rem); c != 0 {
			return c > 0
		}
		if c := weights[a.i].Cmp(weights[b.i]); c != 0 {
			return c > 0
		}
		return keys[a.i] < keys[b.i]
	})
	for _, it := range order[:left] {
		it.floor.Add(it.floor, big.NewInt(1))
	}
	out := make([]decimal.Decimal, len(weights))
	for i, it := range items {
		out[i] = decimal.NewFromBigInt(it.floor, 0).Mul(unit)
	}
	return out
}

// apportionBigOnly runs the big.Int path of apportion on valid input.
func apportionBigOnly(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) []decimal.Decimal {
	exp := min(total.Exponent(), unit.Exponent(), 0)
	for _, w := range weights {
		exp = min(exp, w.Exponent())
	}
	v := scaled(unit, exp)
	units := new(big.Int).Quo(scaled(total, exp), v)
	if units.Sign() == 0 {
		return make([]decimal.Decimal, len(weights))
	}
	parts, err := apportionBig(units, weights, exp, v, keys, total)
	if err != nil {
		panic(err)
	}
	return parts
}

func TestApportionHuge(t *testing.T) {
	// Beyond 64 bits: a weight of 10^30 and a total of 10^25 pence.
	total := dec("100000000000000000000000")
	got, err := Apportion(total, decs("1e30", "2e30", "0.5"), dec("0.01"), []string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	// Σw = 3e30 + 0.5. Shares: a ≈ T/3 − tiny, b ≈ 2T/3 − tiny, c ≈ 1.7e-8.
	// In pence: a = 3333...333.33 r, b = 6666...666.66 r, c = 0 r; one
	// penny left, to b (largest remainder).
	want := "33333333333333333333333.33 66666666666666666666666.67 0"
	if joined(got) != want {
		t.Errorf("got %s, want %s", joined(got), want)
	}
	if want := oracle(total, decs("1e30", "2e30", "0.5"), dec("0.01"), []string{"a", "b", "c"}); joined(want) != joined(got) {
		t.Errorf("oracle says %s", joined(want))
	}
}

// randomCase draws an apportionment problem: 1 to 30 keys, weights that are
// often zero, often equal and sometimes fractional, a unit of 1p, £1 or
// £1000, and a whole number of units to share.
func randomCase(rng *rand.Rand) (decimal.Decimal, []decimal.Decimal, decimal.Decimal, []string) {
	n := 1 + rng.Intn(30)
	units := []decimal.Decimal{dec("0.01"), dec("1"), dec("1000")}
	unit := units[rng.Intn(len(units))]
	weights := make([]decimal.Decimal, n)
	keys := make([]string, n)
	perm := rng.Perm(n)
	positive := false
	for i := range weights {
		switch rng.Intn(5) {
		case 0:
			weights[i] = decimal.Zero
		case 1:
			weights[i] = decimal.NewFromInt(int64(1 + rng.Intn(3))) // many ties
		case 2:
			weights[i] = decimal.New(rng.Int63n(1_000_000_000), -int32(rng.Intn(4)))
		default:
			weights[i] = decimal.NewFromInt(rng.Int63n(10_000_000))
		}
		positive = positive || weights[i].Sign() > 0
		keys[i] = fmt.Sprintf("K%03d", perm[i])
	}
	if !positive {
		weights[0] = decimal.NewFromInt(1)
	}
	var total decimal.Decimal
	switch rng.Intn(3) {
	case 0:
		total = decimal.NewFromInt(rng.Int63n(int64(3 * n))).Mul(unit) // fewer units than keys
	case 1:
		total = decimal.NewFromInt(rng.Int63n(1_000_000)).Mul(unit)
	default:
		total = decimal.New(rng.Int63n(1<<62), int32(rng.Intn(3))).Mul(unit)
	}
	return total, weights, unit, keys
}

func TestApportionProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(20240215))
	for c := range 3000 {
		total, weights, unit, keys := randomCase(rng)
		parts, err := Apportion(total, weights, unit, keys)
		if err != nil {
			t.Fatalf("case %d: %v", c, err)
		}
		desc := fmt.Sprintf("case %d: %s over %v in %s", c, total, weights, unit)

		// The parts sum to the total exactly, each a whole number of units.
		sum := decimal.Zero
		sumW := decimal.Zero
		for i, p := range parts {
			sum = sum.Add(p)
			sumW = sumW.Add(weights[i])
			if _, r := p.QuoRem(unit, 0); !r.IsZero() {
				t.Fatalf("%s: part %s is not a whole number of units", desc, p)
			}
		}
		if !sum.Equal(total) {
			t.Fatalf("%s: parts sum to %s", desc, sum)
		}
		// Each part is within one unit of the exact share T·w/Σw:
		// |p·Σw − T·w| < u·Σw.
		for i, p := range parts {
			diff := p.Mul(sumW).Sub(total.Mul(weights[i])).Abs()
			if diff.Cmp(unit.Mul(sumW)) >= 0 {
				t.Fatalf("%s: part %d = %s is a unit or more from its share", desc, i, p)
			}
			if weights[i].IsZero() && !p.IsZero() {
				t.Fatalf("%s: zero weight got %s", desc, p)
			}
		}
		// The DESIGN's rule, computed independently.
		if want := oracle(total, weights, unit, keys); joined(want) != joined(parts) {
			t.Fatalf("%s, keys %v:\n got %s\nwant %s", desc, keys, joined(parts), joined(want))
		}
		// The 64-bit and big.Int paths agree.
		if big := apportionBigOnly(total, weights, unit, keys); joined(big) != joined(parts) {
			t.Fatalf("%s: big.Int path gave %s, want %s", desc, joined(big), joined(parts))
		}
		// ApportionUnits gives the same parts in units, when it takes them.
		if n, rem := total.QuoRem(unit, 0); rem.IsZero() && n.BigInt().IsUint64() {
			us, ok, err := ApportionUnits(n.BigInt().Uint64(), weights, keys)
			if err != nil {
				t.Fatalf("%s: ApportionUnits: %v", desc, err)
			}
			for i := range us {
				if ok && !decimal.NewFromUint64(us[i]).Mul(unit).Equal(parts[i]) {
					t.Fatalf("%s: ApportionUnits gave %d units to part %d, Apportion %s", desc, us[i], i, parts[i])
				}
			}
		}
		// Deterministic.
		again, _ := Apportion(total, weights, unit, keys)
		if joined(again) != joined(parts) {
			t.Fatalf("%s: second call gave %s, first %s", desc, joined(again), joined(parts))
		}
		// Invariant under permutation: each key gets the same part.
		p := rng.Perm(len(keys))
		w2 := make([]decimal.Decimal, len(p))
		k2 := make([]string, len(p))
		for i, j := range p {
			w2[i], k2[i] = weights[j], keys[j]
		}
		shuffled, err := Apportion(total, w2, unit, k2)
		if err != nil {
			t.Fatalf("%s shuffled: %v", desc, err)
		}
		for i, j := range p {
			if !shuffled[i].Equal(parts[j]) {
				t.Fatalf("%s: key %s gets %s in order %v but %s in the original order",
					desc, keys[j], shuffled[i], k2, parts[j])
			}
		}
	}
}

func TestApportionDoesNotModifyInputs(t *testing.T) {
	total, weights, unit := dec("1000"), decs("3", "0.5", "7"), dec("1")
	keys := []string{"c", "a", "b"}
	before := joined(weights)
	if _, err := Apportion(total, weights, unit, keys); err != nil {
		t.Fatal(err)
	}
	if joined(weights) != before || total.String() != "1000" || strings.Join(keys, "") != "cab" {
		t.Errorf("inputs changed: %s %v %s", joined(weights), keys, total)
	}
}

// benchCase is n systems with population-like weights sharing a £700m pot
// in £1 units.
func benchCase(n int) (decimal.Decimal, []decimal.Decimal, decimal.Decimal, []string) {
	rng := rand.New(rand.NewSource(int64(n)))
	weights := make([]decimal.Decimal, n)
	keys := make([]string, n)
	for i := range weights {
		weights[i] = decimal.NewFromInt(500_000 + rng.Int63n(2_500_000))
		keys[i] = fmt.Sprintf("Q%05d", rng.Intn(100_000))
	}
	return dec("700000000"), weights, dec("1"), keys
}

func benchmarkApportion(b *testing.B, n int) {
	total, weights, unit, keys := benchCase(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Apportion(total, weights, unit, keys); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkApportion42(b *testing.B)    { benchmarkApportion(b, 42) }
func BenchmarkApportion10000(b *testing.B) { benchmarkApportion(b, 10_000) }
