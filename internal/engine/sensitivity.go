package engine

import (
	"context"
	"math/big"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// The sensitivity grid's assumptions. Write-offs are whole percentages,
// which the integer valuation below relies on.
var (
	gridWriteOffs = []decimal.Decimal{zero, decimal.RequireFromString("0.25"), decimal.RequireFromString("0.5"),
		decimal.RequireFromString("0.75"), one}
	gridRates = []decimal.Decimal{zero, decimal.RequireFromString("0.035"), decimal.RequireFromString("0.05")}
)

// gridValue is one system's value at one discount rate in integers at a
// common exponent E: X = x·10^E, Num = n·10^E, Den = d·10^E, where X/Den is
// the exact present value of its cash and consequences (A·Den for an
// allocation paid at once) and Num/Den that of its repayments. With write-off
// w = (100 − m)/100, the effective grant in pence is
// (100·x − m·n) / d rounded half away from zero — exactly what
// funding.EffectiveGrant gives, without a decimal per cell.
type gridValue struct {
	x100, n, d big.Int
}

func newGridValue(x, num, den decimal.Decimal) *gridValue {
	e := min(x.Exponent(), num.Exponent(), den.Exponent())
	g := &gridValue{}
	g.x100.Mul(x.Shift(-e).BigInt(), big.NewInt(100))
	g.n.Set(num.Shift(-e).BigInt())
	g.d.Set(den.Shift(-e).BigInt())
	return g
}

// penceScratch holds the temporaries of pence, so that a pass allocates nothing.
type penceScratch struct{ num, q, r, twice big.Int }

// addPence adds the effective grant in pence at m = 100·(1 − w) to sum.
func (g *gridValue) addPence(sum *big.Int, m *big.Int, s *penceScratch) {
	s.num.Mul(m, &g.n)
	s.num.Sub(&g.x100, &s.num)
	s.q.QuoRem(&s.num, &g.d, &s.r) // truncated toward zero
	s.twice.Lsh(s.r.Abs(&s.r), 1)
	if s.twice.Cmp(&g.d) >= 0 { // half or more: away from zero
		if s.num.Sign() < 0 {
			s.q.Sub(&s.q, big.NewInt(1))
		} else {
			s.q.Add(&s.q, big.NewInt(1))
		}
	}
	sum.Add(sum, &s.q)
}

// sensitivity revalues every system's flows (unchanged: neither write-off
// nor discount rate moves any money) at each write-off × discount rate,
// write-off major, giving the total grant element (over the cash received)
// and the verdict. Group effective grants are sums of the per-system figures rounded
// to pence, as in the main result. It stops with ctx.Err() when ctx is done.
func (e *job) sensitivity(ctx context.Context, systems []analysis.SystemResult) ([]analysis.Cell, error) {
	if e.fast != nil {
		if cells, ok, err := e.fastSensitivity(ctx, systems); ok || err != nil {
			return cells, err
		}
		if err := e.decimalFlows(); err != nil {
			return nil, err
		}
	}
	vals := make([][]*gridValue, len(gridRates))
	for k, r := range gridRates {
		vals[k] = make([]*gridValue, len(systems))
		for i := range systems {
			if e.flows[i].Empty() {
				continue
			}
			x, n, d := e.flows[i].Exact(r)
			vals[k][i] = newGridValue(x, n, d)
		}
	}
	var dPop, bPop int64
	var dN, bN int
	allocated := zero
	for _, s := range systems {
		allocated = allocated.Add(s.Received)
		if s.Group == analysis.Deficit {
			dPop += s.Population
			dN++
		} else {
			bPop += s.Population
			bN++
		}
	}
	cells := make([]analysis.Cell, len(gridWriteOffs)*len(gridRates))
	cell := func(c int) {
		w, k := gridWriteOffs[c/len(gridRates)], c%len(gridRates)
		m := one.Sub(w).Shift(2).BigInt()
		var sD, sB big.Int
		var s penceScratch
		for i, sys := range systems {
			if v := vals[k][i]; v != nil {
				if sys.Group == analysis.Deficit {
					v.addPence(&sD, m, &s)
				} else {
					v.addPence(&sB, m, &s)
				}
			}
		}
		gD, gB := decimal.NewFromBigInt(&sD, -2), decimal.NewFromBigInt(&sB, -2)
		ge := zero
		if !allocated.IsZero() {
			ge = gD.Add(gB).DivRound(allocated, 4)
		}
		cells[c] = analysis.Cell{WriteOff: w, DiscountRate: gridRates[k], GrantElement: ge,
			Verdict: analysis.Judge(dN, bN, perHead(gD, dPop), perHead(gB, bPop))}
	}
	if err := parallel(ctx, len(cells), len(systems) >= 1000, cell); err != nil {
		return nil, err
	}
	return cells, nil
}
