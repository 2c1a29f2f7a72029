package funding

import (
	"strings"
	"testing"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// tranche is a tranche of share s paid in the plans' year on cond.
func tranche(s string, cond plan.Condition, tol string, forfeit plan.Forfeit) plan.Tranche {
	return plan.Tranche{Share: d(s), Condition: cond, Tolerance: d(tol), Forfeit: forfeit}
}

func parts(rc Receipt) string {
	var b []string
	for _, p := range rc.Parts {
		b = append(b, p.Amount.String())
	}
	return strings.Join(b, " ")
}

// TestSplitTies: each allocation is apportioned over the tranches by
// largest remainder in whole units, ties to the larger share and then the
// earlier tranche.
func TestSplitTies(t *testing.T) {
	for _, c := range []struct {
		name, a string
		shares  []string
		want    string
	}{
		// £1 at 50/50: 0.5 and 0.5, floors 0 and 0, one unit left; the
		// remainders and the shares tie, so the earlier tranche takes it.
		{"equal shares: the earlier tranche", "1", []string{"0.5", "0.5"}, "1 0"},
		// £2 at 25/75: 0.5 and 1.5, floors 0 and 1, one unit left; the
		// remainders tie (0.5 each), so the larger share (75%) takes it.
		{"tied remainders: the larger share", "2", []string{"0.25", "0.75"}, "0 2"},
		// £10 at 15/20/30/35 (STF 2017/18 phasing): 1.5, 2, 3, 3.5; floors
		// 1+2+3+3 = 9, one left; remainders 0.5 (15%) and 0.5 (35%) tie, so
		// the larger share, the fourth quarter, takes it.
		{"quarterly phasing", "10", []string{"0.15", "0.2", "0.3", "0.35"}, "1 2 3 4"},
		// Nothing allocated: every part 0.
		{"nothing allocated", "0", []string{"0.7", "0.3"}, "0 0"},
	} {
		sc := scen("0", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
		for _, s := range c.shares {
			sc.Tranches = append(sc.Tranches, tranche(s, plan.ConditionNone, "0", plan.ForfeitHeld))
		}
		rc, err := Split(sys("A", 1, "-10"), sc, d(c.a))
		if err != nil {
			t.Fatal(err)
		}
		if got := parts(rc); got != c.want || !rc.Received.Equal(d(c.a)) || !rc.Withheld.IsZero() {
			t.Errorf("%s: parts %s received %s, want %s", c.name, got, rc.Received, c.want)
		}
	}
}

// TestConditionTolerance: a conditional part is paid only if the figure is
// at least plan − tolerance; a blank figure is paid and flagged.
func TestConditionTolerance(t *testing.T) {
	// Plan −£10,000,000, outturn −£10,500,000: £500,000 off plan.
	s := sys("A", 1, "-10000000")
	s.Outturn = plan.Known(d("-10500000"))
	for _, c := range []struct {
		name, tol string
		passed    bool
	}{
		{"within a £1m tolerance: threshold −£11m", "1000000", true},
		{"exactly at the threshold passes (−£10.5m >= −£10.5m)", "500000", true},
		{"outside a £400k tolerance: threshold −£10.4m", "400000", false},
		{"no tolerance: below plan", "0", false},
	} {
		sc := scen("0", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
		sc.Tranches = []plan.Tranche{tranche("0.75", plan.ConditionNone, "0", plan.ForfeitHeld), tranche("0.25", plan.ConditionOutturn, c.tol, plan.ForfeitHeld)}
		rc, err := Split(s, sc, d("4000000")) // parts 3,000,000 and 1,000,000
		if err != nil {
			t.Fatal(err)
		}
		p := rc.Parts[1]
		wantThreshold := d("-10000000").Sub(d(c.tol))
		if p.Passed != c.passed || !p.Known || !p.Threshold.Equal(wantThreshold) || !p.Figure.Equal(d("-10500000")) {
			t.Errorf("%s: %+v", c.name, p)
		}
		wantPaid, wantWithheld := "4000000", "0"
		if !c.passed {
			wantPaid, wantWithheld = "3000000", "1000000"
		}
		if !rc.Received.Equal(d(wantPaid)) || !rc.Withheld.Equal(d(wantWithheld)) {
			t.Errorf("%s: received %s withheld %s", c.name, rc.Received, rc.Withheld)
		}
	}
	// No forecast: the forecast tranche is paid untested, and flagged.
	sc := scen("0", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
	sc.Tranches = []plan.Tranche{tranche("1", plan.ConditionForecast, "0", plan.ForfeitHeld)}
	rc, _ := Split(s, sc, d("100"))
	if !rc.Parts[0].Passed || rc.Parts[0].Known || !rc.UnknownTested || !rc.Received.Equal(d("100")) {
		t.Errorf("blank forecast: %+v", rc)
	}
}

// threeSystems: A, B and C allocated £10, £6 and £8 in two halves, the
// second tranche on outturn; A overspent (outturn below plan), B and C met
// plan. Parts: A 5+5, B 3+3, C 4+4.
func threeSystems(forfeit plan.Forfeit) ([]plan.System, plan.Scenario, []decimal.Decimal) {
	a, b, c := sys("A", 1, "-100"), sys("B", 1, "-100"), sys("C", 1, "-100")
	a.Outturn, b.Outturn, c.Outturn = plan.Known(d("-150")), plan.Known(d("-100")), plan.Known(d("-90"))
	sc := scen("24", plan.RuleAll, plan.MethodEqual, plan.CapNone, "1")
	sc.Tranches = []plan.Tranche{tranche("0.5", plan.ConditionNone, "0", plan.ForfeitHeld),
		{Share: d("0.5"), Paid: "2024/25", Condition: plan.ConditionOutturn, Tolerance: zero, Forfeit: forfeit}}
	return []plan.System{a, b, c}, sc, []decimal.Decimal{d("10"), d("6"), d("8")}
}

// TestRedistributeWithRemainder: A's £5 forfeit is shared over B and C by
// their parts 3 and 4: exact 15/7 = 2.14 and 20/7 = 2.86, floors 2 and 2,
// one unit left to the larger remainder (6/7, C). So B receives 3+3+2 = 8
// and C 4+4+3 = 11; A receives 5 and had 5 withheld.
func TestRedistributeWithRemainder(t *testing.T) {
	systems, sc, amounts := threeSystems(plan.ForfeitRedistribute)
	rec, err := Receive(systems, sc, amounts, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ received, withheld, redistributed string }{{"5", "5", "0"}, {"8", "0", "2"}, {"11", "0", "3"}}
	for i, w := range want {
		rc := rec.Systems[i]
		if !rc.Received.Equal(d(w.received)) || !rc.Withheld.Equal(d(w.withheld)) || !rc.Redistributed.Equal(d(w.redistributed)) {
			t.Errorf("%s: received %s withheld %s redistributed %s, want %+v", systems[i].Code, rc.Received, rc.Withheld, rc.Redistributed, w)
		}
	}
	tt := rec.Tranches[1]
	if !rec.Withheld.Equal(d("5")) || !rec.Redistributed.Equal(d("5")) || !rec.Held.IsZero() ||
		tt.Year != "2024/25" || tt.T != 1 || !tt.Redistributed.Equal(d("5")) {
		t.Errorf("totals: %+v %+v", rec, tt)
	}
}

// TestHeldForfeit: held, the £5 stays with the centre; redistributed with
// nobody passing (all three fail), it is held too; and redistributed over
// passers whose parts are all 0 it is held.
func TestHeldForfeit(t *testing.T) {
	systems, sc, amounts := threeSystems(plan.ForfeitHeld)
	rec, _ := Receive(systems, sc, amounts, "2023/24")
	if !rec.Systems[1].Received.Equal(d("6")) || !rec.Held.Equal(d("5")) || !rec.Redistributed.IsZero() {
		t.Errorf("held: %+v", rec)
	}
	systems, sc, _ = threeSystems(plan.ForfeitRedistribute)
	for i := range systems {
		systems[i].Outturn = plan.Known(d("-200"))
	}
	rec, _ = Receive(systems, sc, amounts, "2023/24")
	if !rec.Withheld.Equal(d("12")) || !rec.Held.Equal(d("12")) || !rec.Systems[0].Received.Equal(d("5")) {
		t.Errorf("nobody passed: withheld %s held %s", rec.Withheld, rec.Held)
	}
	// B and C pass with nothing allocated: parts 0, so A's £5 is held.
	systems, sc, _ = threeSystems(plan.ForfeitRedistribute)
	rec, _ = Receive(systems, sc, []decimal.Decimal{d("10"), zero, zero}, "2023/24")
	if !rec.Held.Equal(d("5")) || !rec.Systems[1].Received.IsZero() {
		t.Errorf("passers with no part: held %s", rec.Held)
	}
}

// TestDeficitsPot: the pot is the eligible deficits, each rounded down to
// the unit: with a £1000 unit, deficits £2,500 and £1,999 give £2,000 +
// £1,000 = £3,000; a surplus and a blank forecast add nothing.
func TestDeficitsPot(t *testing.T) {
	systems := []plan.System{sys("A", 1, "-2500"), sys("B", 1, "-1999"), sys("C", 1, "700")}
	sc := scen("0", plan.RuleDeficit, plan.MethodProRata, plan.CapDeficit, "1000")
	sc.PotDeficits = true
	if got := PotFor(systems, sc); !got.Equal(d("3000")) {
		t.Errorf("pot %s, want 3000", got)
	}
	sc.Allocation.Basis = plan.BasisForecast // no forecasts: each counts 0
	if got := PotFor(systems, sc); !got.IsZero() {
		t.Errorf("blank forecasts: pot %s", got)
	}
	sc.PotDeficits, sc.Pot = false, d("5000")
	if got := PotFor(systems, sc); !got.Equal(d("5000")) {
		t.Errorf("an amount: %s", got)
	}
}

// TestPDCDividends: £1,234,567 of PDC received in 2023/24 at 3.5% from
// 2025/26 for 3 years: nothing in 2024/25 (t 1), then 3.5% × 1,234,567 =
// 43,209.845, to the £1 half away from zero 43,210, in each of t = 2, 3, 4;
// principal 0 throughout.
func TestPDCDividends(t *testing.T) {
	r := &plan.Repayment{Kind: plan.RepaymentPDC, FirstYear: "2025/26", Years: 3, Interest: d("0.035")}
	in, err := Schedule(d("1234567"), "2023/24", r, d("1"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		year     string
		dividend string
	}{{"2024/25", "0"}, {"2025/26", "43210"}, {"2026/27", "43210"}, {"2027/28", "43210"}}
	if len(in) != len(want) {
		t.Fatalf("%d years: %+v", len(in), in)
	}
	for k, w := range want {
		if in[k].Year != w.year || in[k].T != k+1 || !in[k].Principal.IsZero() || !in[k].Interest.Equal(d(w.dividend)) {
			t.Errorf("year %d: %+v, want %+v", k, in[k], w)
		}
	}
}
