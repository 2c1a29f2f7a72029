package funding

import (
	"fmt"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// startYear is plan.YearStart with the package's prefix on errors.
func startYear(label string) (int, error) {
	y, err := plan.YearStart(label)
	if err != nil {
		return 0, fmt.Errorf("funding: %w", err)
	}
	return y, nil
}

// yearLabel writes the financial year starting in calendar year y: "2025/26".
func yearLabel(y int) string { return fmt.Sprintf("%04d/%02d", y, (y+1)%100) }

func schedule(amount decimal.Decimal, receiptYear string, r *plan.Repayment, unit decimal.Decimal) ([]Instalment, error) {
	if r == nil {
		return nil, nil
	}
	if !unit.IsPositive() {
		return nil, fmt.Errorf("funding: unit must be positive, not %s", unit.String())
	}
	if amount.IsNegative() || !amount.Mod(unit).IsZero() {
		return nil, fmt.Errorf("funding: amount %s is not a whole number of units of %s", amount.String(), unit.String())
	}
	if r.Years < 1 {
		return nil, fmt.Errorf("funding: repayment needs at least one year, not %d", r.Years)
	}
	if r.Profile != nil && len(r.Profile) != r.Years {
		return nil, fmt.Errorf("funding: repayment profile has %d shares for %d years", len(r.Profile), r.Years)
	}
	if r.Interest.IsNegative() {
		return nil, fmt.Errorf("funding: negative interest rate %s", r.Interest.String())
	}
	y0, err := startYear(receiptYear)
	if err != nil {
		return nil, err
	}
	y1, err := startYear(r.FirstYear)
	if err != nil {
		return nil, err
	}
	first := y1 - y0
	if first < 1 {
		return nil, fmt.Errorf("funding: first repayment year %s is not after the year of receipt %s", r.FirstYear, receiptYear)
	}
	if r.IsPDC() {
		return dividends(amount, y0, first, r, unit), nil
	}
	weights := make([]decimal.Decimal, r.Years)
	keys := make([]string, r.Years)
	for k := range weights {
		if r.Profile != nil {
			weights[k] = r.Profile[k]
		} else {
			weights[k] = one
		}
		keys[k] = yearLabel(y1 + k)
	}
	parts := make([]decimal.Decimal, r.Years)
	if amount.IsPositive() {
		parts, err = money.Apportion(amount, weights, unit, keys)
		if err != nil {
			return nil, fmt.Errorf("funding: repayment profile: %w", err)
		}
	} else {
		for k := range parts {
			parts[k] = zero
		}
	}
	last := first + r.Years - 1
	out := make([]Instalment, last)
	balance := amount
	charge := r.Interest.IsPositive()
	for t := 1; t <= last; t++ {
		in := Instalment{Year: yearLabel(y0 + t), T: t, Principal: zero, Interest: zero}
		if charge && balance.IsPositive() {
			in.Interest = balance.Mul(r.Interest).DivRound(unit, 0).Mul(unit)
		}
		if t >= first {
			in.Principal = parts[t-first]
		}
		balance = balance.Sub(in.Principal)
		out[t-1] = in
	}
	return out, nil
}

// dividends is the schedule of public dividend capital: never repaid, so
// principal 0 every year, and in each of r.Years years from the first
// (year index first) a dividend of r.Interest × amount, rounded half away
// from zero to the unit, held in Interest. Years between receipt and the
// first dividend are listed with nothing due, as a loan's are.
func dividends(amount decimal.Decimal, y0, first int, r *plan.Repayment, unit decimal.Decimal) []Instalment {
	last := first + r.Years - 1
	dividend := amount.Mul(r.Interest).DivRound(unit, 0).Mul(unit)
	out := make([]Instalment, last)
	for t := 1; t <= last; t++ {
		in := Instalment{Year: yearLabel(y0 + t), T: t, Principal: zero, Interest: zero}
		if t >= first {
			in.Interest = dividend
		}
		out[t-1] = in
	}
	return out
}
