package funding

import (
	"math/big"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestExtraUnit checks the early-stopping leftover test against a brute-force
// count in big integers: remainders r_i = b·w_i mod W, L = Σr/W leftover
// units, and j gets one iff fewer than L systems outrank it. Small weights
// force ties; large ones (W close to 2^62) exercise the 128-bit sums.
func TestExtraUnit(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 3000; trial++ {
		n := rng.IntN(3 * scanChunk)
		if trial%3 == 0 {
			n = rng.IntN(8)
		}
		maxW := uint64(1 + rng.IntN(6))
		if trial%2 == 0 {
			maxW = (uint64(1)<<62 - 1) / uint64(n+1)
		}
		ws := make([]uint64, n)
		crs := make([]int32, n)
		W := uint64(0)
		for k := range ws {
			ws[k] = 1 + rng.Uint64N(maxW)
			crs[k] = int32(rng.IntN(2 * (n + 1)))
			W += ws[k]
		}
		wj := 1 + rng.Uint64N(maxW)
		W += wj
		cr := int32(rng.IntN(2 * (n + 1)))
		b := rng.Uint64N(W)
		K, _ := bits.Div64(b, 0, W)
		hj, lj := bits.Mul64(b, wj)
		_, rj := bits.Div64(hj, lj, W)

		// Brute force.
		bigW := new(big.Int).SetUint64(W)
		rem := func(w uint64) uint64 {
			x := new(big.Int).Mul(new(big.Int).SetUint64(b), new(big.Int).SetUint64(w))
			return x.Mod(x, bigW).Uint64()
		}
		sum := new(big.Int).SetUint64(rj)
		outrank := int64(0)
		for k, w := range ws {
			r := rem(w)
			sum.Add(sum, new(big.Int).SetUint64(r))
			if r > rj || (r == rj && (w > wj || (w == wj && crs[k] < cr))) {
				outrank++
			}
		}
		L, m := new(big.Int).QuoRem(sum, bigW, new(big.Int))
		if m.Sign() != 0 {
			t.Fatalf("trial %d: remainders do not sum to a multiple of W", trial)
		}
		want := big.NewInt(outrank).Cmp(L) < 0

		cut := 0
		if n > 0 {
			cut = rng.IntN(n + 1)
		}
		got := extraUnit([2][]uint64{ws[:cut], ws[cut:]}, [2][]int32{crs[:cut], crs[cut:]}, K, b, W, wj, rj, cr)
		if got != want {
			t.Fatalf("trial %d (n %d, W %d): extraUnit %v, brute force %v", trial, n, W, got, want)
		}
	}
}
