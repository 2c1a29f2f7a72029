package money_test

import (
	"fmt"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

func ExampleParse() {
	for _, cell := range []string{"(£1,234.50)", "−1,234", "£700m", " – ", "#REF!", "12,3x"} {
		d, err := money.Parse(cell)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.StringFixed(2))
	}
	// Output:
	// -1234.50
	// -1234.00
	// 700000000.00
	// 0.00
	// cannot read "#REF!" as money: it is an Excel error value
	// cannot read "12,3x" as money
}

func ExampleFormat() {
	d := decimal.RequireFromString("-68800000")
	fmt.Println(money.Format(d, money.Style{Scale: money.Pence}))
	fmt.Println(money.Format(d, money.Style{Scale: money.Millions, Places: 1, Brackets: true}))
	fmt.Println(money.Format(decimal.RequireFromString("2200000000"), money.Style{Scale: money.Billions, Places: 2}))
	// Output:
	// -£68,800,000.00
	// (£68.8m)
	// £2.20bn
}

func ExampleApportion() {
	// £10 over three equal weights in £1: 3 each and one left over, which
	// goes to the key that sorts first.
	one := decimal.NewFromInt(1)
	parts, err := money.Apportion(decimal.NewFromInt(10), []decimal.Decimal{one, one, one}, one,
		[]string{"QWE", "QHL", "QOP"})
	fmt.Println(parts, err)
	// Output:
	// [3 4 3] <nil>
}
