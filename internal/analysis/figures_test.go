package analysis

import (
	"reflect"
	"testing"

	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func cell(w, r string, l Label) Cell {
	return Cell{WriteOff: d(w), DiscountRate: d(r), GrantElement: d("0.1"), Verdict: l}
}

// TestRobustness counts by hand the cells that agree with the verdict.
func TestRobustness(t *testing.T) {
	cells := []Cell{cell("0", "0", Neutral), cell("0.5", "0", RewardsDeficit), cell("1", "0", RewardsDeficit)}
	cases := []struct {
		name        string
		label       Label
		cells       []Cell
		same, total int
	}{
		{"no grid", RewardsDeficit, nil, 0, 0},
		{"two of three", RewardsDeficit, cells, 2, 3},         // the 50% and 100% write-offs
		{"one of three", Neutral, cells, 1, 3},                // the 0% write-off
		{"none of three", CannotCompare, cells, 0, 3},         // no cell cannot compare
		{"all", RewardsDeficit, cells[1:], 2, 2},              // both remaining cells reward deficit
		{"label unset", "", []Cell{cell("0", "0", "")}, 1, 1}, // equal labels, even empty ones
	}
	for _, c := range cases {
		r := Result{Sensitivity: c.cells, Verdict: Verdict{Label: c.label}}
		if same, total := r.Robustness(); same != c.same || total != c.total {
			t.Errorf("%s: Robustness() = %d, %d, want %d, %d", c.name, same, total, c.same, c.total)
		}
	}
}

// TestGrid lays out by hand a grid given out of order, with one write-off
// written two ways (0.5 and 0.50), a missing combination (100% at 3.5%) and
// the scenario's own assumptions (50% at 3.5%) on it:
//
//	           0%     3.5%
//	0%         A      B
//	50%        C      D   ← own
//	100%       E      —
func TestGrid(t *testing.T) {
	a, b := cell("0", "0", Neutral), cell("0", "0.035", RewardsDeficit)
	c, dd := cell("0.5", "0", RewardsDeficit), cell("0.50", "0.0350", RewardsBalanced)
	e := cell("1", "0", RewardsDeficit)
	r := Result{Sensitivity: []Cell{a, c, b, dd, e},
		Scenario: plan.Scenario{Assumptions: plan.Assumptions{WriteOff: d("0.5"), DiscountRate: d("0.035")}}}
	g := r.Grid()
	strs := func(ds []decimal.Decimal) []string {
		out := []string{}
		for _, x := range ds {
			out = append(out, x.String())
		}
		return out
	}
	if got := strs(g.WriteOffs); !reflect.DeepEqual(got, []string{"0", "0.5", "1"}) {
		t.Errorf("write-offs %v", got)
	}
	if got := strs(g.Rates); !reflect.DeepEqual(got, []string{"0", "0.035"}) {
		t.Errorf("rates %v", got)
	}
	want := [][]Cell{{a, b}, {c, dd}, {e, {}}}
	if !reflect.DeepEqual(g.Cells, want) {
		t.Errorf("cells %+v, want %+v", g.Cells, want)
	}
	lookups := []struct {
		w, r string
		want Cell
		ok   bool
	}{
		{"0", "0.035", b, true},
		{"0.500", "0.035", dd, true}, // numerically equal values are one
		{"1", "0", e, true},
		{"1", "0.035", Cell{}, false}, // not computed
		{"0.25", "0", Cell{}, false},  // not a write-off of the grid
		{"0", "0.05", Cell{}, false},  // not a rate of the grid
	}
	for _, l := range lookups {
		got, ok := g.Cell(d(l.w), d(l.r))
		if ok != l.ok || !reflect.DeepEqual(got, l.want) {
			t.Errorf("Cell(%s, %s) = %+v, %v; want %+v, %v", l.w, l.r, got, ok, l.want, l.ok)
		}
	}
	if g.OwnWriteOff != 1 || g.OwnRate != 1 || !g.IsOwn(1, 1) || g.IsOwn(1, 0) || g.IsOwn(0, 1) {
		t.Errorf("own cell at %d, %d", g.OwnWriteOff, g.OwnRate)
	}
	// A scenario whose write-off is off the grid has no own cell.
	r.Scenario.Assumptions.WriteOff = d("0.3")
	if g := r.Grid(); g.OwnWriteOff != -1 || g.OwnRate != 1 || g.IsOwn(-1, 1) {
		t.Errorf("off the grid: own cell at %d, %d", g.OwnWriteOff, g.OwnRate)
	}
	if g := (&Result{}).Grid(); len(g.WriteOffs) != 0 || len(g.Cells) != 0 || g.OwnWriteOff != -1 {
		t.Errorf("empty grid %+v", g)
	}
}

// TestBasisShare works each share of the basis by hand: weights 1, 2 and 0
// (the last one not eligible) over the first round's weights 3:
// 1/3 = 0.3333333… → 0.333333 (33.3333%), 2/3 = 0.6666666… → 0.666667 (66.6667%).
func TestBasisShare(t *testing.T) {
	sys := func(eligible bool, w string) SystemResult {
		return SystemResult{Eligible: eligible, Share: Share{Eligible: eligible, Weight: d(w)}}
	}
	r := Result{Systems: []SystemResult{sys(true, "1"), sys(true, "2"), sys(false, "0")},
		Allocation: Allocation{Rounds: []Round{{Pot: d("100"), Weights: d("3")}, {Pot: d("40"), Weights: d("2")}}}}
	cases := []struct {
		i       int
		share   string
		percent string
		ok      bool
	}{
		{0, "0.333333", "33.3333%", true},
		{1, "0.666667", "66.6667%", true}, // from round 1's weights, not round 2's
		{2, "0", "", false},               // not eligible
		{3, "0", "", false},               // no such system
		{-1, "0", "", false},
	}
	for _, c := range cases {
		share, ok := r.BasisShare(c.i)
		if ok != c.ok || share.String() != c.share {
			t.Errorf("BasisShare(%d) = %s, %v; want %s, %v", c.i, share, ok, c.share, c.ok)
		}
		if ok && money.Percent(share, 4) != c.percent {
			t.Errorf("BasisShare(%d) shows as %s, want %s", c.i, money.Percent(share, 4), c.percent)
		}
	}
	// No rounds (nobody eligible), or no weight in the first: no share.
	for name, rounds := range map[string][]Round{"no rounds": nil, "no weight": {{Pot: d("100"), Weights: d("0")}}} {
		r.Allocation.Rounds = rounds
		if share, ok := r.BasisShare(0); ok {
			t.Errorf("%s: BasisShare(0) = %s, true", name, share)
		}
	}
}

// TestShareExactTo rounds exact shares once, half away from zero:
// 600,000,000 / 89,000 = 6,741 r 51,000, and 51,000/89,000 = 0.5730337… so
// 6,741.573034 to 6 places and 6,742 to none; 1/8 = 0.125 → 0.13 to 2 (half
// away from zero); a share with no denominator is 0.
func TestShareExactTo(t *testing.T) {
	cases := []struct {
		exact  money.Ratio
		places int32
		want   string
	}{
		{money.R(d("600000000"), d("89000")), 6, "6741.573034"},
		{money.R(d("600000000"), d("89000")), 0, "6742"},
		{money.R(d("1"), d("8")), 2, "0.13"},
		{money.R(d("33034"), d("1")), 6, "33034"},
		{money.Ratio{}, 6, "0"},
	}
	for _, c := range cases {
		if got := (Share{Exact: c.exact}).ExactTo(c.places).String(); got != c.want {
			t.Errorf("%v to %d places = %s, want %s", c.exact, c.places, got, c.want)
		}
	}
}

// TestYearTotal: a year's total is its principal plus its interest, worked
// by hand: £233,333,333.34 + £4,083,333.33 = £237,416,666.67.
func TestYearTotal(t *testing.T) {
	y := YearTotal{Year: "2025/26", Principal: d("233333333.34"), Interest: d("4083333.33")}
	if got := y.Total(); !got.Equal(d("237416666.67")) {
		t.Errorf("Total = %s, want 237416666.67", got)
	}
}
