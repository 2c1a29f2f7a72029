package engine

import (
	"cmp"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// leverFast is a leverValue in machine integers: each figure, in pence, as
// a whole part and a remainder over the system's denominator Den (den
// scaled to an integer, below 2^62), so that a revaluation is a handful of
// 64- and 128-bit operations. It exists when Den, every whole part (below
// 2^48 pence, £2.8 trillion) and the write-off's resolution (1 − w in
// ticks of 0.0001) fit; leverValue's big integers are the fallback, and
// tests hold the two to the same pence.
type leverFast struct {
	den          uint64
	x, n, np, c1 mixed // 100·x, 100·(np + ni), 100·np, 100·unit·v(1), each over den
	cu           []mixed
	base         []uint64
	recv         uint64
}

// mixed is q + r/den with 0 <= r < den.
type mixed struct {
	q int64
	r uint64
}

const (
	fastDen   = uint64(1) << 62
	fastWhole = int64(1) << 48
)

// newLeverFast converts lt (ints scales a figure to the system's integers)
// or returns nil when a figure does not fit.
func newLeverFast(lt leverTerms, ints func(decimal.Decimal, int32) *big.Int, base []uint64, recv uint64) *leverFast {
	d := ints(lt.den, 0)
	if d.Sign() <= 0 || d.BitLen() > 62 {
		return nil
	}
	f := &leverFast{den: d.Uint64(), base: base, recv: recv, cu: make([]mixed, len(lt.cu))}
	ok := true
	conv := func(v decimal.Decimal) mixed {
		m, fits := toMixed(ints(v, 2), d)
		ok = ok && fits
		return m
	}
	f.x, f.n, f.np, f.c1 = conv(lt.x), conv(lt.np.Add(lt.ni)), conv(lt.np), conv(lt.c1)
	for k, cu := range lt.cu {
		f.cu[k] = conv(cu)
	}
	if !ok {
		return nil
	}
	return f
}

// toMixed is n/d as a mixed number, if its whole part is below fastWhole.
func toMixed(n, d *big.Int) (mixed, bool) {
	q, r := new(big.Int).DivMod(n, d, new(big.Int)) // Euclidean: 0 <= r < d
	if !q.IsInt64() || q.Int64() >= fastWhole || q.Int64() <= -fastWhole {
		return mixed{}, false
	}
	return mixed{q.Int64(), r.Uint64()}, true
}

func (f *leverFast) add(a, b mixed) mixed {
	s := mixed{a.q + b.q, a.r + b.r}
	if s.r >= f.den {
		s.r -= f.den
		s.q++
	}
	return s
}

func (f *leverFast) sub(a, b mixed) mixed {
	if a.r >= b.r {
		return mixed{a.q - b.q, a.r - b.r}
	}
	return mixed{a.q - b.q - 1, a.r + f.den - b.r}
}

// times is k·a, or false when its whole part leaves the range.
func (f *leverFast) times(k uint64, a mixed) (mixed, bool) {
	mag := uint64(a.q)
	if a.q < 0 {
		mag = uint64(-a.q)
	}
	hi, lo := bits.Mul64(k, mag)
	if hi != 0 || lo >= uint64(fastWhole) {
		return mixed{}, false
	}
	q := int64(lo)
	if a.q < 0 {
		q = -q
	}
	rh, rl := bits.Mul64(k, a.r)
	extra, r := bits.Div64(rh, rl, f.den) // k·r < k·den, so rh < den
	if extra >= uint64(fastWhole) {
		return mixed{}, false
	}
	q += int64(extra)
	if q >= fastWhole || q <= -fastWhole {
		return mixed{}, false
	}
	return mixed{q, r}, true
}

// grant is x − (m/10,000)·n in pence, rounded half away from zero (m at
// most 10,000).
func (f *leverFast) grant(x, n mixed, m uint64) int64 {
	const S = tickScale
	// S·x − m·n = (S·x.q − m·n.q) + (S·x.r − m·n.r)/den; the second term's
	// numerator F is below S·den in size, so F/den is a small whole number
	// fq and a remainder fr in [0, den).
	h1, l1 := bits.Mul64(S, x.r)
	h2, l2 := bits.Mul64(m, n.r)
	neg := h1 < h2 || (h1 == h2 && l1 < l2)
	if neg {
		h1, l1, h2, l2 = h2, l2, h1, l1
	}
	l, borrow := bits.Sub64(l1, l2, 0)
	h, _ := bits.Sub64(h1, h2, borrow)
	fq, fr := bits.Div64(h, l, f.den)
	fqs := int64(fq)
	if neg {
		fqs = -fqs
		if fr != 0 {
			fqs--
			fr = f.den - fr
		}
	}
	Q := S*x.q - int64(m)*n.q + fqs // 10,000 × pence, whole part
	a := Q / S
	b := Q - a*S
	if b < 0 {
		a--
		b += S
	}
	// The pence are a + (b·den + fr)/(S·den): compare twice the fraction's
	// numerator with its denominator.
	nh, nl := bits.Mul64(uint64(b), f.den)
	nl, c := bits.Add64(nl, fr, 0)
	nh += c
	nh, nl = nh<<1|nl>>63, nl<<1
	dh, dl := bits.Mul64(S, f.den)
	order := cmp.Compare(nh, dh)
	if order == 0 {
		order = cmp.Compare(nl, dl)
	}
	if order > 0 || (order == 0 && a >= 0) {
		a++
	}
	return a
}

// writeOff is the grant in pence at 1 − w = m/10,000.
func (f *leverFast) writeOff(m uint64) int64 { return f.grant(f.x, f.n, m) }

// interest is the grant in pence at an interest rate of q ticks and 1 − w
// = m/10,000, or false when a figure leaves the range.
func (f *leverFast) interest(q, m uint64) (int64, bool) {
	n := f.np
	for k, b := range f.base {
		if b == 0 {
			continue
		}
		i := ticksOf(b, q)
		if i == 0 {
			continue
		}
		t, ok := f.times(i, f.cu[k])
		if !ok {
			return 0, false
		}
		if n = f.add(n, t); n.q >= fastWhole {
			return 0, false
		}
	}
	return f.grant(f.x, n, m), true
}

// clawback is the grant in pence with q ticks of the cash received clawed
// back the year after the plans' year, at 1 − w = m/10,000, or false when a
// figure leaves the range.
func (f *leverFast) clawback(q, m uint64) (int64, bool) {
	x := f.x
	if c := ticksOf(f.recv, q); c != 0 {
		t, ok := f.times(c, f.c1)
		if !ok {
			return 0, false
		}
		if x = f.sub(x, t); x.q <= -fastWhole {
			return 0, false
		}
	}
	return f.grant(x, f.n, m), true
}
