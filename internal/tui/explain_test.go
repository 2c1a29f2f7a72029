package tui

import (
	"errors"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// explainOf opens the explanation of the system the filter finds and
// returns the whole page at width w, ANSI stripped, as one line of words.
func explainOf(t *testing.T, hs *harness, filter string, w int) string {
	t.Helper()
	hs.keys("2", "/")
	hs.typeText(filter)
	hs.keys("enter", "enter")
	d, ok := hs.m.tabs[1].(*drill)
	if !ok || d.page == nil {
		t.Fatalf("no explanation open:\n%s", hs.screen())
	}
	return flat(strings.Join(d.page.Lines(&d.common, w), "\n"))
}

// TestExplainShowsThePrudenceRerun: Greater Manchester's explanation
// shows the rerun behind its penalty, so each figure can be checked as the
// others are (worked by hand in engine's TestPrudenceTraceGreaterManchester).
func TestExplainShowsThePrudenceRerun(t *testing.T) {
	hs := open(t)
	page := explainOf(t, hs, "Greater Manchester", 100)
	for _, want := range []string{
		"its effective grant would have been £61,069,096.85 higher",
		"QKS's £84,800,000.00 ÷ 1,978,056 people (£42.870374 a head), × its 3,174,138 people = £136,076,482.36, to £1000: a deficit of £136,076,000.00",
		"its exact share is £111,267,223.938062 (to 6 decimals), £111,267,223.00 in whole units of £1, +£1 for one of the largest remainders",
		"Cash it would have received: £111,267,224.00",
		"2025/26 2 £37,089,075.00 £0.00 £37,089,075.00 0.933511 £34,623,048.38",
		"2027/28 4 £37,089,074.00 £0.00 £37,089,074.00 0.871442 £32,320,985.27",
		"PV of those repayments, summed exactly and rounded once: £100,396,254.31",
		"G in the rerun = A − (1 − write-off) × PV = £111,267,224.00 − (1 − 50%) × £100,396,254.31 = £61,069,096.85",
		"Penalty = G in the rerun − G as planned = £61,069,096.85 − £0.00 = £61,069,096.85",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the explanation lacks %q:\n%s", want, page)
		}
	}
}

// TestExplainWithoutARerun: without Options.Prudence, or when the trace
// fails, the penalty is shown and the page says its steps are not there.
func TestExplainWithoutARerun(t *testing.T) {
	fail := func(plan.Dataset, plan.Scenario, int) (analysis.PrudenceTrace, error) {
		return analysis.PrudenceTrace{}, errors.New("no rerun today")
	}
	hs := newHarness(t, embedded(t), Options{Prudence: fail}, 100, 30)
	page := explainOf(t, hs, "Greater Manchester", 100)
	mustContain(t, page, "£61,069,096.85 higher", "(The rerun's steps are not available: no rerun today.)")
	// A deficit system has no penalty and no rerun.
	hs = open(t)
	mustContain(t, explainOf(t, hs, "Black Country", 100), "Only balanced systems have a prudence penalty.")
}

// TestExplainFollowsEdits: after an edit the rerun is traced again, for
// the new scenario.
func TestExplainFollowsEdits(t *testing.T) {
	hs := open(t)
	calls := 0
	hs.m.prog.trace = func(ds plan.Dataset, sc plan.Scenario, j int) (analysis.PrudenceTrace, error) {
		calls++
		return analysis.PrudenceTrace{System: j, Plan: sc.Pot.Neg()}, nil
	}
	explainOf(t, hs, "Greater Manchester", 100)
	hs.keys("j", "k") // scrolling draws again without tracing again
	if calls != 1 {
		t.Fatalf("traced %d times on opening and scrolling, want 1", calls)
	}
	hs.m.prog.trace = nil // the page keeps its trace until the next analysis
	if d := hs.m.tabs[1].(*drill); d.page == nil {
		t.Fatal("the page closed")
	}
}

// TestInstalmentTableFitsOrBecomesSentences: the table of a large
// allocation is sized to its cells, without the interest columns when
// there is no interest; when even that does not fit, each instalment is a
// sentence, and no figure is cut.
func TestInstalmentTableFitsOrBecomesSentences(t *testing.T) {
	d := &doc{st: &styles{}, w: 60}
	ins := analysis.Discount([]analysis.Instalment{{Year: "2025/26", T: 2, Principal: dec("123456789012.34"), Interest: dec("1.50")}}, dec("0.035"))
	d.instalments(ins)
	got := strings.Join(d.lines, "\n")
	if !strings.Contains(flat(got), "2025/26 (t = 2): principal £123,456,789,012.34 + interest £1.50 = £123,456,789,013.84; factor 0.933511; PV") {
		t.Errorf("not sentences at 60 columns:\n%s", got)
	}
	// Without interest the table drops the interest columns to fit.
	ins = analysis.Discount([]analysis.Instalment{{Year: "2025/26", T: 2, Principal: dec("123456789012.34"), Interest: dec("0")}}, dec("0.035"))
	d = &doc{st: &styles{}, w: 80}
	d.instalments(ins)
	if got := strings.Join(d.lines, "\n"); !strings.Contains(flat(got), "Year t Amount Factor PV 2025/26 2 £123,456,789,012.34 0.933511 £115,248,233,575.90") {
		t.Errorf("no table without the interest columns at 80 columns:\n%s", got)
	}
}

// TestExplainDoesNotShowAFormulaThatDoesNotHold: under terms the simple
// formula does not describe (public dividend capital here), the effective
// grant is written out term by term as run, and stated as what it is made
// of in the rerun.
func TestExplainDoesNotShowAFormulaThatDoesNotHold(t *testing.T) {
	pdc := func(s plan.Scenario) plan.Scenario {
		if s.Repayment != nil {
			r := *s.Repayment
			r.Kind, r.Profile, r.Interest = plan.RepaymentPDC, nil, dec("0.035")
			s.Repayment = &r
		}
		return s
	}
	hs := newHarness(t, embedded(t), Options{Override: pdc}, 100, 30)
	page := explainOf(t, hs, "Black Country", 100)
	mustNotContain(t, page, "A − (1 − write-off) × PV")
	// Black Country receives A = £66,888,889; its dividend is 3.5% of it,
	// £2,341,111.115, £2,341,111 to the £1, for three years from 2025/26
	// (t = 2, 3, 4). G = A − (1 − 50%) × PV = £66,888,889 − ½ ×
	// £6,337,143.14 = £63,720,317.43.
	mustContain(t, page, "5. Dividends and discounting",
		"a dividend of 3.5% of the £66,888,889.00 received, each year for 3 years from 2025/26",
		"2025/26 2 £2,341,111.00 0.933511 £2,185,452.17",
		"PV of the dividends, summed exactly and rounded once: £6,337,143.14",
		"£66,888,889.00 the allocation, received in 2023/24 − (1 − 50%) × £6,337,143.14 the PV of the dividends = £63,720,317.43 G")
	hs.keys("esc", "/", "ctrl+u", "enter")
	page = explainOf(t, hs, "Greater Manchester", 100)
	mustNotContain(t, page, "A − (1 − write-off) × PV")
	mustContain(t, page, "G in the rerun = the cash received and the consequences, each discounted to the year of receipt, less (1 − 50%)")
}
