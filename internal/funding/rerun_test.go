package funding

import (
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"testing"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
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

// bruteExtra is the leftover rule in big integers: remainders
// r_i = b·w_i mod W, L = Σr/W units left over (j's remainder included), and
// j gets one iff fewer than L systems outrank it (larger remainder, then
// larger weight, then smaller code rank).
func bruteExtra(t *testing.T, ws []uint64, crs []int32, b, W, wj uint64, cr int32) bool {
	t.Helper()
	bigW := new(big.Int).SetUint64(W)
	rem := func(w uint64) uint64 {
		x := new(big.Int).Mul(new(big.Int).SetUint64(b), new(big.Int).SetUint64(w))
		return x.Mod(x, bigW).Uint64()
	}
	rj := rem(wj)
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
		t.Fatalf("remainders do not sum to a multiple of W")
	}
	return big.NewInt(outrank).Cmp(L) < 0
}

// TestWeightPass checks the leftover pass in weight order (both the table of
// gaps and the remainders computed afresh, runs of equal weights read as
// entries of up to 255 systems or fewer or, where runs are rare, one system
// an entry, the systems of j's weight counted by code rank) against bruteExtra: small weights force ties and runs of j's
// weight, a common factor of 100,000 makes the gaps fit a table at any size,
// and weights near 2^62/n exercise the 128-bit sums.
func TestWeightPass(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	kinds, split, ties, singles := map[bool]int{}, map[bool]int{}, map[bool]int{}, map[bool]int{}
	for trial := 0; trial < 3000; trial++ {
		n := rng.IntN(6 * scanChunk)
		if trial%3 == 0 {
			n = rng.IntN(8)
		}
		g, maxW := uint64(1), uint64(1+rng.IntN(6))
		switch trial % 4 {
		case 1:
			g, maxW = 100_000, uint64(1+rng.IntN(3000))
		case 2:
			maxW = (uint64(1)<<62 - 1) / uint64(n+1)
		}
		ws := make([]uint64, n)
		crs := make([]int32, n)
		W := uint64(0)
		for k := range ws {
			ws[k] = g * (1 + rng.Uint64N(maxW))
			crs[k] = int32(rng.IntN(2 * (n + 1)))
			W += ws[k]
		}
		wj := g * (1 + rng.Uint64N(maxW))
		if n > 0 && rng.IntN(3) == 0 {
			wj = ws[rng.IntN(n)] // j ties with some systems on weight
		}
		W += wj
		cr := int32(rng.IntN(2 * (n + 1)))
		b := rng.Uint64N(W)
		K, _ := bits.Div64(b, 0, W)
		hj, lj := bits.Mul64(b, wj)
		_, rj := bits.Div64(hj, lj, W)
		if rj == 0 {
			continue // settled before any pass (no extra unit)
		}
		// The entries are laid out for a total weight up to W·2^s: from 255
		// systems an entry down to one.
		layW := W << uint(rng.IntN(1+bits.LeadingZeros64(W)-2))
		rs := newRefSet(0, ws, crs, layW)
		kinds[rs.table]++
		singles[rs.single && rs.table]++
		runSplit := false // some run of equal weights is read as several entries
		for k := 1; k < len(rs.ew); k++ {
			runSplit = runSplit || rs.ew[k] == rs.ew[k-1]
		}
		split[runSplit]++
		lt := leftTest{b: b, K: K, W: W, wj: wj, rj: rj, cr: cr}
		m := margin{posLo: rj}
		d := rs.decide(&lt, &m)
		if !d.ok || d.grouped {
			t.Fatalf("trial %d: W %d too large for entries laid out for %d (or grouped at once: %v)", trial, W, layW, d.grouped)
		}
		want := bruteExtra(t, ws, crs, b, W, wj, cr)
		if d.extra != want {
			t.Fatalf("trial %d (n %d, W %d, table %v): pass %v, brute force %v", trial, n, W, rs.table, d.extra, want)
		}
		// The decision's need holds for any code rank j could have had.
		for _, c := range []int32{0, cr / 2, cr + 1, int32(2*n + 3)} {
			if got, want := rs.before(wj, c) < d.need, bruteExtra(t, ws, crs, b, W, wj, c); got != want {
				t.Fatalf("trial %d (n %d, W %d): with code rank %d, need %d gives %v, brute force %v", trial, n, W, c, d.need, got, want)
			}
			_, same := rs.sameWeight(wj)
			ties[same > 0]++
		}
		// The same decision from a group: the remainders sorted once, the
		// systems that outrank j counted by binary search.
		gm := margin{posLo: rj}
		rs.newGroup(&lt).complete(&rs, &lt, &gm)
		if g := gt128(gm.posHi, gm.posLo, gm.negHi, gm.negLo); g != want {
			t.Fatalf("trial %d (n %d, W %d): group %v, brute force %v", trial, n, W, g, want)
		}
		_, same := rs.sameWeight(wj)
		gd := exactDecision(&gm, W, rs.before(wj, cr), same, true)
		for _, c := range []int32{0, cr / 2, cr + 1, int32(2*n + 3)} {
			if got, want := rs.before(wj, c) < gd.need, bruteExtra(t, ws, crs, b, W, wj, c); got != want {
				t.Fatalf("trial %d (n %d, W %d): group, code rank %d, need %d gives %v, brute force %v", trial, n, W, c, gd.need, got, want)
			}
		}
	}
	// Entries laid out for a small total weight refuse a far larger one
	// (the rerun then takes the pass in cap/weight order).
	rs := newRefSet(0, []uint64{1, 1, 2}, []int32{0, 1, 2}, 4)
	m := margin{posLo: 1}
	if d := rs.decide(&leftTest{b: 3, W: 1 << 61, wj: 5, rj: 1}, &m); d.ok || rs.maxMult != 255 {
		t.Errorf("entries of up to %d systems accept a total weight of 2^61", rs.maxMult)
	}
	if singles[true] < 100 || singles[false] < 100 {
		t.Errorf("table passes one system an entry (passSingle) %d, others %d: want both", singles[true], singles[false])
	}
	if ties[true] < 1000 {
		t.Errorf("only %d decisions with systems of j's weight among the others", ties[true])
	}
	if kinds[true] < 500 || kinds[false] < 500 || split[true] < 100 {
		t.Errorf("table passes %d, passes afresh %d, with runs split into entries %d: want all",
			kinds[true], kinds[false], split[true])
	}
}

// TestRerunCapsMove checks reruns where caps bind and j's new plan moves the
// capped prefix (so the open systems differ from the base allocation's and
// the pass in weight order is corrected one system at a time), against a
// full Allocate and the plain pass, under per_capita, equal and pro_rata.
func TestRerunCapsMove(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	methods := []plan.Method{plan.MethodPerCapita, plan.MethodEqual, plan.MethodProRata}
	moved := 0
	for trial := 0; trial < 60; trial++ {
		n := 20 + rng.IntN(100)
		systems := make([]plan.System, n)
		total := int64(0)
		for i := range systems {
			def := rng.Int64N(5000)
			systems[i] = sys(fmt.Sprintf("S%03d", rng.IntN(1000)), 1+rng.Int64N(1000), fmt.Sprint(-def))
			systems[i].Code += fmt.Sprint(i) // unique
			total += def
		}
		sc := scen(fmt.Sprint(total*int64(30+rng.IntN(90))/100), plan.RuleAll, methods[trial%3], plan.CapDeficit, "1")
		rr, err := NewRerun(systems, sc)
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 40; k++ {
			j := rng.IntN(n)
			p := decimal.NewFromInt(-rng.Int64N(20_000))
			checkRerun(t, rr, j, p, sc.Pot, fmt.Sprintf("trial %d system %d plan %s", trial, j, p))
			s := systems[j]
			s.Plan = p
			if _, _, wd, cd, _ := systemTerms(s, sc); wd.IsPositive() {
				wj, _ := toUint(wd, rr.scale)
				cj, _ := toUint(cd, 0)
				if ch, ok := rr.newChanged(j, wj, cj); ok {
					if f := ch.waterFill(rr.potU); !f.capped && f.s != rr.ref.start {
						moved++
					}
				}
			}
		}
	}
	t.Logf("%d reruns moved the capped prefix", moved)
	if moved < 150 {
		t.Errorf("only %d reruns moved the capped prefix", moved)
	}
}

// TestToUint checks the integer conversion of weights, caps and pots against
// decimal's own arithmetic: d·10^scale must be a whole number below 2^62.
func TestToUint(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	limit := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 62), 0)
	fits := 0
	for trial := 0; trial < 20000; trial++ {
		coef := rng.Int64N(1 << uint(1+rng.IntN(62)))
		if rng.IntN(4) == 0 {
			coef = -coef
		}
		var d decimal.Decimal
		if rng.IntN(10) == 0 { // a coefficient beyond int64
			d = decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(coef), 70), int32(rng.IntN(30)-40))
		} else {
			d = decimal.New(coef, int32(rng.IntN(30)-15))
		}
		scale := int32(rng.IntN(20))
		v := d.Shift(scale)
		wantOK := !v.IsNegative() && v.IsInteger() && v.LessThan(limit)
		got, ok := toUint(d, scale)
		if ok != wantOK || ok && !decimal.NewFromBigInt(new(big.Int).SetUint64(got), 0).Equal(v) {
			t.Fatalf("toUint(%s, %d) = %d, %v; want %s, %v", d, scale, got, ok, v, wantOK)
		}
		if ok {
			fits++
		}
	}
	if fits < 2000 {
		t.Errorf("only %d of 20000 conversions fit", fits)
	}
}

// TestAmountPot checks a rerun with a changed pot against figures worked by
// hand, and that a pot Allocate would refuse is refused.
func TestAmountPot(t *testing.T) {
	// Pro rata to deficits of 10,000, 30,000 and (C's new plan) 20,000,
	// capped, in pounds. Pot 30,000: W = 60,000, every share is half the
	// deficit, no cap binds: C gets 10,000. Pot 70,000 exceeds the deficits:
	// everyone is capped and C gets its cap, 20,000.
	systems := []plan.System{sys("A", 1, "-10000"), sys("B", 1, "-30000"), sys("C", 5, "0")}
	sc := scen("60000", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1")
	rr, err := NewRerun(systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	for pot, want := range map[string]string{"30000": "10000", "70000": "20000"} {
		got, err := rr.AmountPot(2, d("-20000"), d(pot))
		if err != nil || !got.Equal(d(want)) {
			t.Errorf("pot %s: %s, %v; want %s", pot, got, err, want)
		}
	}
	for _, pot := range []string{"-1", "100.5"} {
		if _, err := rr.AmountPot(2, d("-20000"), d(pot)); err == nil {
			t.Errorf("pot %s: no error", pot)
		}
	}
}

// TestExactDecision works need out by hand: with W = 10 and out = 1 of the
// systems of j's weight before j, X = M + out·W, and a system with o of them
// before it gets a unit iff X − 10·o > 0.
func TestExactDecision(t *testing.T) {
	for _, c := range []struct {
		pos, neg uint64 // M = pos − neg
		same     int
		need     int
		extra    bool // j itself has o = 1
		why      string
	}{
		{21, 10, 5, 3, true, "M = 11, X = 21: o = 0, 1, 2 give 21, 11, 1 > 0; o = 3 gives −9"},
		{20, 10, 5, 2, true, "X = 20: o = 0, 1 give 20, 10 > 0; o = 2 gives 0, not more than 0"},
		{5, 20, 5, 0, false, "M = −15, X = −5: no o gives more than 0"},
		{1 << 40, 0, 3, 4, true, "X far above 3·W: every o from 0 to 3 gets one"},
	} {
		m := margin{posLo: c.pos, negLo: c.neg}
		d := exactDecision(&m, 10, 1, c.same, false)
		if d.need != c.need || d.extra != c.extra {
			t.Errorf("pos %d neg %d: need %d extra %v, want %d %v (%s)", c.pos, c.neg, d.need, d.extra, c.need, c.extra, c.why)
		}
	}
}
