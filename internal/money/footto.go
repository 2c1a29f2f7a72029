package money

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// FootTo is Foot for rows whose total shown is already fixed elsewhere: a
// column of a table whose totals row is itself one of a footed list (each
// year's column of a table whose year totals foot to the amount due). It
// rounds the rows to whole units of unit so that they sum to total (in
// units), starting from each row rounded down and giving the units still
// needed one each to the rows with the largest remainders, as Foot does
// (ties to the larger exact value, then to the earlier row). A row whose
// value is a whole number of units is never moved, so every row shown is
// within one unit of its exact value.
//
// total must lie between the sum of the rows rounded down and that sum
// plus the number of rows that are not whole units; a total that Foot
// could give the rows, or one unit either side of their exact sum that
// stays in that range, does. Otherwise FootTo returns an error.
func FootTo(rows []Ratio, unit, total decimal.Decimal) ([]decimal.Decimal, error) {
	n := len(rows)
	f := make([]footRow, n)
	floors := decimal.Zero
	frac := 0
	for i, r := range rows {
		f[i] = floorRow(i, r, unit)
		floors = floors.Add(f[i].floor)
		if !f[i].rem.IsZero() {
			frac++
		}
	}
	left := total.Sub(floors)
	if !left.IsInteger() || left.IsNegative() || left.GreaterThan(decimal.NewFromInt(int64(frac))) {
		return nil, fmt.Errorf("money: cannot foot %d rows to %s units: their floors sum to %s, and %d of them can take a unit more",
			n, total.String(), floors.String(), frac)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareRemainders(&f[a], &f[b]) })
	for _, i := range order[:left.IntPart()] {
		f[i].floor = f[i].floor.Add(one)
	}
	shown := make([]decimal.Decimal, n)
	for i := range f {
		shown[i] = f[i].floor
	}
	return shown, nil
}
