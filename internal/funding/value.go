package funding

import (
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// PresentValue returns Σ total_k / (1+r)^t_k over the instalments exactly, as
// one ratio over the common denominator (1+r)^T, T the latest year index.
// No instalments give 0/1.
func PresentValue(inst []Instalment, r decimal.Decimal) money.Ratio {
	last := 0
	for _, in := range inst {
		if in.T > last {
			last = in.T
		}
	}
	base := one.Add(r)
	pow := make([]decimal.Decimal, last+1)
	pow[0] = one
	for t := 1; t <= last; t++ {
		pow[t] = pow[t-1].Mul(base)
	}
	num := zero
	for _, in := range inst {
		tot := in.Total()
		if tot.IsZero() {
			continue
		}
		num = num.Add(tot.Mul(pow[last-in.T]))
	}
	return money.R(num, pow[last])
}

// ValueOf values an allocation whose repayments have the exact present value
// pv, with write-off probability w: the present value and effective grant
// A − (1 − w)·PV are each rounded once to pence from their exact values, and
// the grant element (exact effective grant ÷ A) once to 4 decimals.
func ValueOf(amount decimal.Decimal, pv money.Ratio, w decimal.Decimal) Value {
	v := Value{PVExact: pv, PV: zero, EffectiveGrant: zero, GrantElement: zero}
	if pv.Den.IsZero() {
		pv = money.R(zero, one)
		v.PVExact = pv
	}
	v.PV = pv.Num.DivRound(pv.Den, 2)
	// G = (A·den − (1−w)·num) / den, exact.
	gNum := amount.Mul(pv.Den).Sub(one.Sub(w).Mul(pv.Num))
	v.EffectiveGrant = gNum.DivRound(pv.Den, 2)
	v.EffectiveGrantExact = money.R(gNum, pv.Den)
	if !amount.IsZero() {
		v.GrantElement = gNum.DivRound(amount.Mul(pv.Den), 4)
	}
	return v
}

// EffectiveGrant is ValueOf(amount, pv, w).EffectiveGrant computed alone:
// A − (1 − w)·PV from the exact PV, rounded once to pence.
func EffectiveGrant(amount decimal.Decimal, pv money.Ratio, w decimal.Decimal) decimal.Decimal {
	switch {
	case pv.Den.IsZero() || pv.Num.IsZero() || w.Equal(one):
		return amount.Round(2)
	case pv.Den.Equal(one):
		return amount.Sub(one.Sub(w).Mul(pv.Num)).Round(2)
	}
	return amount.Mul(pv.Den).Sub(one.Sub(w).Mul(pv.Num)).DivRound(pv.Den, 2)
}

func valuate(amount decimal.Decimal, inst []Instalment, r, w decimal.Decimal) Value {
	return ValueOf(amount, PresentValue(inst, r), w)
}
