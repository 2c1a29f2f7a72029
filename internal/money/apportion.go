package money

import "github.com/shopspring/decimal"

// Apportion splits total over weights in whole multiples of unit by the
// largest-remainder method: each part gets floor(T·w_i / (Σw·u))·u, then the
// units left over go one each to the largest exact remainders
// (T·w_i mod Σw·u), ties to the larger weight, then to the key that sorts
// first. The parts always sum to total exactly.
//
// total must be a non-negative whole number of units, weights non-negative,
// and keys (one per weight) distinct. A positive total with all weights zero
// is an error.
func Apportion(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, keys []string) ([]decimal.Decimal, error) {
	return apportion(total, weights, unit, keys)
}
