package tui

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// sum adds figures.
func sum(ds []decimal.Decimal) decimal.Decimal {
	t := decimal.Zero
	for _, d := range ds {
		t = t.Add(d)
	}
	return t
}

// TestRepaymentsTie works the shipped 2023/24 February 2024 support by
// hand: £700,000,000 due back in three years.
//
// Years. The instalments total £233,333,340 in 2025/26, £233,333,332 in
// 2026/27 and £233,333,328 in 2027/28 (each system's leftover pounds fall
// in the earlier years): 700,000,000 in all. In £0.1m that is 2333.3334,
// 2333.33332 and 2333.33328: floors of 2333 each make 6999, and the one
// unit left goes to the largest remainder, 2025/26's. So the bars read
// £233.4m, £233.3m and £233.3m, which total the £700.0m due; rounded alone
// they would read £233.3m three times, £699.9m.
//
// 2025/26 by system. Fifteen instalments (QUA £22,296,297, QKS
// £27,481,482, QVV £11,439,815, …) floor to 2325 units of £0.1m; the column
// must total 2334, so the nine largest remainders take a unit each: QUA
// (0.96297), QT6 (0.93519), QYG (0.92593), QOC (0.91667), QJ2 (0.90741),
// QKS (0.81482), QJK (0.62963), QH8 (0.60186) and QVV (0.39815). Rounded
// alone QVV would be £11.4m and the column would total £233.3m, not the
// £233.4m above it.
func TestRepaymentsTie(t *testing.T) {
	hs := open(t)
	r := &hs.m.res
	tb := footRepayments(r)
	m := func(s string) decimal.Decimal { return decimal.RequireFromString(s).Mul(decimal.NewFromInt(1_000_000)) }
	want := []decimal.Decimal{m("233.4"), m("233.3"), m("233.3")}
	for i := range want {
		if !tb.years[i].Equal(want[i]) {
			t.Errorf("year %d shows %s, want %s", i, fm(tb.years[i]), fm(want[i]))
		}
	}
	if !tb.due.Equal(m("700")) || !sum(tb.years).Equal(tb.due) || !tb.tied {
		t.Errorf("years %v total %s, due %s (tied %v)", tb.years, sum(tb.years), tb.due, tb.tied)
	}
	for i := range r.Years {
		col := make([]decimal.Decimal, len(tb.payers))
		for k := range tb.payers {
			col[k] = tb.cells[k][i]
		}
		if !sum(col).Equal(tb.years[i]) {
			t.Errorf("%s: the systems total %s, the year %s", r.Years[i].Year, fm(sum(col)), fm(tb.years[i]))
		}
	}
	if !sum(tb.pv).Equal(tb.pvT) || tb.pvT.String() != "631600000" {
		t.Errorf("PVs total %s, shown %s (want £631.6m: £631,608,981.58 rounded)", fm(sum(tb.pv)), fm(tb.pvT))
	}
	for k, j := range tb.payers {
		if r.Systems[j].Code == "QVV" && !tb.cells[k][0].Equal(m("11.5")) {
			t.Errorf("QVV 2025/26 shows %s, want £11.5m", fm(tb.cells[k][0]))
		}
	}
	// And as drawn: the bars' labels and the totals row.
	hs.keys("3", "G")
	scr := hs.screen()
	mustContain(t, scr, "2025/26", "£233.4m", "Due back in all: £700.0m", "Total")
	mustContain(t, flat(scr), "Total 15 systems £233.4m £233.3m £233.3m £631.6m")
}

// TestSystemsAndGroupsTie: the Systems table's £m columns add up to its
// totals row (the plans to £720.0m of deficits, the allocations to the
// £700.0m pot, the transfers to £0.0m), and the groups' cash to the
// allocated total.
func TestSystemsAndGroupsTie(t *testing.T) {
	hs := open(t)
	r := &hs.m.res
	c := footSystems(r)
	for _, col := range []struct {
		name         string
		rows         []decimal.Decimal
		total, exact decimal.Decimal
	}{
		{"plan", c.plan, c.planT, decimal.NewFromInt(-720_000_000)},
		{"allocation", c.alloc, c.allocT, decimal.NewFromInt(700_000_000)},
		{"transfer", c.transfer, c.transferT, decimal.Zero},
	} {
		if !sum(col.rows).Equal(col.total) || !col.total.Equal(col.exact) {
			t.Errorf("%s: rows total %s, totals row %s, want %s", col.name, sum(col.rows), col.total, col.exact)
		}
	}
	hs.keys("2")
	mustContain(t, flat(hs.screen()), "Total, all 42 (£720.0m) £700.0m £0.0m")

	// Fair shares: £229.7m and £470.3m of £700.0m.
	hs.keys("n")
	d, b := groupSplit(&hs.m.res)
	if !d.Add(b).Equal(decimal.NewFromInt(700_000_000)) || fm(d) != "£229.7m" {
		t.Errorf("groups %s + %s", fm(d), fm(b))
	}
	hs.keys("1")
	if !strings.Contains(hs.screen(), "£229.7m") || !strings.Contains(hs.screen(), "£470.3m") {
		t.Errorf("the Overview's groups:\n%s", hs.screen())
	}
}
