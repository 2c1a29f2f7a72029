package funding

// Placeholders until the implementation lands.

import (
	"errors"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func allocate(systems []plan.System, sc plan.Scenario) (Allocation, error) {
	return Allocation{}, errors.New("funding: not implemented")
}
func schedule(amount decimal.Decimal, receiptYear string, r *plan.Repayment, unit decimal.Decimal) ([]Instalment, error) {
	return nil, errors.New("funding: not implemented")
}
func valuate(amount decimal.Decimal, inst []Instalment, r, w decimal.Decimal) Value {
	return Value{}
}
