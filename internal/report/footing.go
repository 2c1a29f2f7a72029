package report

import (
	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// Footing (DESIGN.md, "Display rounding that foots to the control total"):
// each £000 column of a table with a totals row is rounded by largest
// remainder of its exact total (money.Foot), so the rows shown add up to the
// total shown and the total shown is the exact total rounded once. A column
// defined from others in its row (a transfer, a year's total) is shown as
// that sum or difference of the figures shown, so rows add across too; its
// total is then checked against its own exact total, and a note says so
// should the two ever differ.

// kColumn is one footed column in £000: a figure per row and the total shown
// beneath them, which is the sum of the rows. The per-system columns hold
// their rows in ints, footed in int64 (footIntK), when their figures fit;
// then rows is nil.
type kColumn struct {
	rows  []decimal.Decimal
	ints  []int64
	total decimal.Decimal
}

// at is row i.
func (c kColumn) at(i int) decimal.Decimal {
	if c.ints != nil {
		return decimal.NewFromInt(c.ints[i])
	}
	return c.rows[i]
}

// decimals are the rows as decimals.
func (c kColumn) decimals() []decimal.Decimal {
	if c.ints == nil {
		return c.rows
	}
	out := make([]decimal.Decimal, len(c.ints))
	for i, v := range c.ints {
		out[i] = decimal.NewFromInt(v)
	}
	return out
}

// footExactKOf foots the n exact values row(0) … row(n−1) (in pounds) to
// whole £000, in int64 when they fit, else as footK does; they are copied
// into a slice only should they not fit.
func footExactKOf(n int, row func(i int) decimal.Decimal) kColumn {
	if ints, total, ok := money.FootDecimalsIntOf(n, row, thousand); ok {
		return kColumn{ints: ints, total: decimal.NewFromInt(total)}
	}
	exact := make([]decimal.Decimal, n)
	for i := range exact {
		exact[i] = row(i)
	}
	return footK(exact)
}

// footGrantsK foots the systems' exact effective grants (a system without
// one: its effective grant over 1) to whole £000, read from the systems.
func footGrantsK(sys []analysis.SystemResult) kColumn {
	one := decimal.NewFromInt(1)
	return footRatiosKOf(len(sys), func(i int) money.Ratio {
		if g := sys[i].Value.EffectiveGrantExact; !g.Den.IsZero() {
			return g
		}
		return money.R(sys[i].EffectiveGrant, one)
	})
}

// footRatiosKOf foots the n exact quotients row(0) … row(n−1) (in pounds)
// to whole £000. When they share a denominator (a zero numerator goes with
// any) and fit, it foots the numerators in int64 in units of den × 1,000:
// every row is N/den, so that is footing the values in £000 (the same
// floors, remainders and ties: den is positive). Otherwise money.Foot does.
func footRatiosKOf(n int, row func(i int) money.Ratio) kColumn {
	var den decimal.Decimal
	common := true
	for i := range n {
		switch r := row(i); {
		case r.Num.IsZero(): // any denominator
		case den.IsZero():
			den = r.Den
		case !den.Equal(r.Den):
			common = false
		}
	}
	if common {
		if den.IsZero() {
			den = decimal.NewFromInt(1)
		}
		num := func(i int) decimal.Decimal { return row(i).Num }
		if ints, total, ok := money.FootDecimalsIntOf(n, num, den.Mul(thousand)); ok {
			return kColumn{ints: ints, total: decimal.NewFromInt(total)}
		}
	}
	rows := make([]money.Ratio, n)
	for i := range rows {
		rows[i] = row(i)
	}
	var c kColumn
	c.rows, c.total = money.Foot(rows, thousand)
	return c
}

// footK foots exact values (in pounds) to whole £000.
func footK(exact []decimal.Decimal) kColumn {
	rows, total := money.FootDecimals(exact, thousand)
	return kColumn{rows: rows, total: total}
}

// systemColumns are the Systems table's footed £000 columns, one figure per
// system in file order. The group table sums them by group, so the two
// tables agree.
type systemColumns struct {
	plan, cash, fair, grant kColumn
	transfer                kColumn // cash received less fair share, as shown
	transferExact           decimal.Decimal
}

// footSystems foots the plans, the cash received (the allocation, when the
// scenario has no tranches), fair shares and effective grants (the last
// from the exact G), and shows each transfer as the system's cash less its
// fair share as shown. The transfers' total is then cash less fair shares
// as shown, which is their exact total rounded whenever the fair shares add
// up to the cash received exactly (the engine apportions them so).
func footSystems(r analysis.Result) systemColumns {
	n := len(r.Systems)
	transfer := intSum{exp: -2}
	for _, s := range r.Systems {
		transfer.add(s.Transfer, false)
	}
	sys := r.Systems
	c := systemColumns{
		plan:          footExactKOf(n, func(i int) decimal.Decimal { return sys[i].Plan }),
		cash:          footExactKOf(n, func(i int) decimal.Decimal { return sys[i].Received }),
		fair:          footExactKOf(n, func(i int) decimal.Decimal { return sys[i].FairShare }),
		grant:         footGrantsK(sys),
		transferExact: thousands(transfer.total()),
	}
	if c.cash.ints != nil && c.fair.ints != nil { // each within 2⁶², so the difference fits
		c.transfer.ints = make([]int64, n)
		for i := range c.transfer.ints {
			c.transfer.ints[i] = c.cash.ints[i] - c.fair.ints[i]
		}
	} else {
		c.transfer.rows = make([]decimal.Decimal, n)
		for i := range c.transfer.rows {
			c.transfer.rows[i] = c.cash.at(i).Sub(c.fair.at(i))
		}
	}
	c.transfer.total = c.cash.total.Sub(c.fair.total)
	return c
}

// groupSums are one group's £000 figures: sums of its systems' figures as
// the Systems table shows them.
type groupSums struct{ deficit, cash, grant decimal.Decimal }

// sumGroups adds up the Systems table's figures by group. A system's planned
// deficit is its plan as shown, when that is a deficit.
func sumGroups(r analysis.Result, c systemColumns) map[analysis.Group]*groupSums {
	type sums struct{ deficit, cash, grant intSum }
	acc := map[analysis.Group]*sums{analysis.Deficit: {}, analysis.Balanced: {}}
	for i, s := range r.Systems {
		g := acc[s.Group]
		if g == nil {
			continue
		}
		g.deficit.addDeficit(c.plan, i)
		g.cash.addRow(c.cash, i)
		g.grant.addRow(c.grant, i)
	}
	by := map[analysis.Group]*groupSums{}
	for k, g := range acc {
		by[k] = &groupSums{deficit: g.deficit.total(), cash: g.cash.total(), grant: g.grant.total()}
	}
	return by
}

// exactDeficitK is the exact total planned deficit of all systems, rounded
// once to £000.
func exactDeficitK(r analysis.Result) decimal.Decimal {
	t := intSum{exp: -2}
	for _, s := range r.Systems {
		if s.Plan.IsNegative() {
			t.add(s.Plan, true)
		}
	}
	return thousands(t.total())
}

// yearColumns are the repayment table's columns: principal and interest
// footed, and each year's total their sum as shown.
type yearColumns struct {
	principal, interest, total kColumn
	totalExact                 decimal.Decimal // Σ (principal + interest), rounded once to £000
}

func footYears(ys []analysis.YearTotal) yearColumns {
	p, in := make([]decimal.Decimal, len(ys)), make([]decimal.Decimal, len(ys))
	all := decimal.Zero
	for i, y := range ys {
		p[i], in[i] = y.Principal, y.Interest
		all = all.Add(y.Principal).Add(y.Interest)
	}
	c := yearColumns{principal: footK(p), interest: footK(in), totalExact: thousands(all)}
	c.total.rows = make([]decimal.Decimal, len(ys))
	for i := range ys {
		c.total.rows[i] = c.principal.rows[i].Add(c.interest.rows[i])
	}
	c.total.total = c.principal.total.Add(c.interest.total)
	return c
}

// tieNote says, when a column that adds across does not also total its exact
// figure rounded, which rule the table kept and by how much the two differ;
// it is "" when they agree.
func tieNote(what string, shown, exact decimal.Decimal, kept string) string {
	if shown.Equal(exact) {
		return ""
	}
	return "The " + what + " column totals " + fmtK(shown) + "; its exact total rounds to " + fmtK(exact) +
		". " + kept
}
