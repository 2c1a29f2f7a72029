package funding

import (
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Flow is an amount of money at year index T (years after the plans' year).
type Flow struct {
	T      int
	Amount decimal.Decimal
}

// Flows is everything one system's terms move, for valuing: the cash paid
// to it (each tranche it passed and each share of others' forfeits, in the
// tranche's year; or the whole allocation at T 0), what it pays back (loan
// instalments or PDC dividends), and its consequences, each its expected
// amount p·c, positive for a bonus and negative for a deduction.
type Flows struct {
	Cash  []Flow
	Repay []Instalment
	Terms []Flow
}

// Received is the nominal cash paid to the system: Σ Cash.
func (f Flows) Received() decimal.Decimal {
	total := zero
	for _, c := range f.Cash {
		total = total.Add(c.Amount)
	}
	return total
}

// Empty reports whether nothing moves: no cash, nothing due back, no consequence.
func (f Flows) Empty() bool {
	for _, c := range f.Cash {
		if !c.Amount.IsZero() {
			return false
		}
	}
	for _, in := range f.Repay {
		if !in.Total().IsZero() {
			return false
		}
	}
	return len(f.Terms) == 0
}

// Exact values the flows at discount rate r over one common denominator
// den = (1+r)^T, T the latest year index of any flow: the effective grant
// at write-off w is exactly (x − (1 − w)·n) / den, where x/den is the
// discounted cash and consequences and n/den the discounted repayments.
func (f Flows) Exact(r decimal.Decimal) (x, n, den decimal.Decimal) {
	last := 0
	for _, c := range f.Cash {
		last = max(last, c.T)
	}
	for _, c := range f.Terms {
		last = max(last, c.T)
	}
	for _, in := range f.Repay {
		last = max(last, in.T)
	}
	base := one.Add(r)
	pow := make([]decimal.Decimal, last+1)
	pow[0] = one
	for t := 1; t <= last; t++ {
		pow[t] = pow[t-1].Mul(base)
	}
	x, n = zero, zero
	add := func(to *decimal.Decimal, t int, a decimal.Decimal) {
		if !a.IsZero() {
			*to = to.Add(a.Mul(pow[last-t]))
		}
	}
	for _, c := range f.Cash {
		add(&x, c.T, c.Amount)
	}
	for _, c := range f.Terms {
		add(&x, c.T, c.Amount)
	}
	for _, in := range f.Repay {
		add(&n, in.T, in.Total())
	}
	return x, n, pow[last]
}

// Value values the flows at discount rate r with write-off probability w:
// G = Σ cash·v(t) + Σ consequences·v(t) − (1 − w)·Σ repayments·v(t), with
// v(t) = 1/(1+r)^t, exact and then rounded once to pence; PV is the
// repayments' present value rounded once; the grant element is the exact G
// ÷ the cash received, rounded once to 4 places (0 when nothing was
// received). With the whole allocation A paid at T 0 and no consequences
// this is ValueOf(A, PresentValue(instalments, r), w).
func (f Flows) Value(r, w decimal.Decimal) Value {
	x, n, den := f.Exact(r)
	gNum := x.Sub(one.Sub(w).Mul(n))
	v := Value{PVExact: money.R(n, den), PV: n.DivRound(den, 2), EffectiveGrant: gNum.DivRound(den, 2),
		GrantElement: zero, EffectiveGrantExact: money.R(gNum, den)}
	if received := f.Received(); !received.IsZero() {
		v.GrantElement = gNum.DivRound(received.Mul(den), 4)
	}
	return v
}

// Grant is f.Value(r, w).EffectiveGrant alone.
func (f Flows) Grant(r, w decimal.Decimal) decimal.Decimal {
	x, n, den := f.Exact(r)
	return x.Sub(one.Sub(w).Mul(n)).DivRound(den, 2)
}

// FlowsOf gathers one system's flows: its receipt's paid parts and
// redistributed shares at their tranches' year indices trancheT (or, with
// no tranches, what it received at T 0), its instalments, and each applied
// consequence's expected amount p·c (cons[a.Index] is applied a's
// consequence), positive for a bonus and negative for a deduction.
func FlowsOf(rc Receipt, trancheT []int, inst []Instalment, applied []Applied, cons []plan.Consequence) Flows {
	f := Flows{Repay: inst}
	if len(rc.Parts) == 0 {
		f.Cash = []Flow{{T: 0, Amount: rc.Received}}
	}
	for k, p := range rc.Parts {
		amount := p.Redistributed
		if p.Passed {
			amount = amount.Add(p.Amount)
		}
		if !amount.IsZero() {
			f.Cash = append(f.Cash, Flow{T: trancheT[k], Amount: amount})
		}
	}
	for _, a := range applied {
		c := cons[a.Index]
		f.Terms = append(f.Terms, Flow{T: a.T, Amount: c.Probability.Mul(a.Signed(c))})
	}
	return f
}
