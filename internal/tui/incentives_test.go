package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
)

// incentivesFixture is one year of four systems, its incentive analyses
// worked by hand. Populations QA, QB, QC 1m and QD 2m; plans QA −£12m, QB
// −£6m, QC and QD 0. There is no scenario file, so the default grant runs:
// a pot of £18m (the planned deficits), pro rata to them, capped at each,
// not repaid, at a 3.5% discount rate.
//
// As run: QA 12m, QB 6m; G = R. Deficit group £9.00 a head (18m ÷ 2m),
// balanced £0.00: rewards deficit plans.
//
// Strategy: QA at plan 0 receives nothing (gain £12.0m), QB likewise
// (£6.0m). The deficit group's median deficit per head is the mean of 12
// and 6, £9: QC plans −£9m and the £18m is shared over 27m of deficits, 2/3
// each: QC 6m (gain £6.0m); QD plans −£18m, shared over 36m, half each: QD
// 9m (gain £9.0m). 4 of 4 gain.
//
// Marginal price (plan − £1m, the pot still £18m over £19m of deficits,
// 18/19 each, £1 units, the leftover unit to the largest remainder): QA
// 13 × 18/19 = 12,315,789.47 and QB 5,684,210.53, so QB has the unit and
// QA 12,315,789: price 0.3158. QB: 6,631,578.95 with the unit, 6,631,579:
// 0.6316. QC (and QD): 947,368.42, the unit to QB: 0.9474. Medians: deficit
// (0.315789 + 0.631579) ÷ 2 = 0.4737; balanced 0.9474; the average price of
// a deficit is 18m ÷ 18m = 1.0000.
//
// Ending terms: a grant, so neither write-off nor interest has an effect.
// A clawback of c of the cash in 2024/25 (t = 1, 3.5%) leaves QA 12m −
// c·12m ÷ 1.035 and QB 6m − c·6m ÷ 1.035, each rounded to the penny. The
// money rewards deficit plans while the deficit group's grant per head is
// at least £1 above the balanced group's £0. At c = 92.05%: QA
// £1,327,536.23 + QB £663,768.12 = £1,991,304.35, £1.00 a head (rewards);
// at 92.06%: £1,326,376.81 + £663,188.41 = £1,989,565.22, £0.99 a head
// (neutral). Threshold 92.06%.
func incentivesFixture(t *testing.T) plan.Library {
	t.Helper()
	fsys := fstest.MapFS{
		"p/2023-24/systems.csv": {Data: []byte("code,name,population,plan\nQA,Alpha,1000000,-12000000\n" +
			"QB,Beta,1000000,-6000000\nQC,Gamma,1000000,0\nQD,Delta,2000000,0\n")},
	}
	lib, err := plan.Load(fsys, "p", "p", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// incentivesDocument is the whole Incentives document, one string.
func (hs *harness) incentivesDocument() string {
	hs.t.Helper()
	for _, s := range hs.m.tabs {
		if d, ok := s.(*drill); ok {
			if in, ok := d.table.(*incentivesScreen); ok {
				return strings.Join(in.nav.lines, "\n")
			}
		}
	}
	hs.t.Fatal("no Incentives screen")
	return ""
}

// TestIncentivesFigures checks the Incentives document against the
// figures worked by hand in incentivesFixture.
func TestIncentivesFigures(t *testing.T) {
	hs := newHarness(t, incentivesFixture(t), Options{}, 120, 40)
	hs.keys("6")
	doc := hs.incentivesDocument()
	flat := strings.Join(strings.Fields(doc), " ")
	for _, want := range []string{
		"For 4 of 4 systems a deficit plan paid more than a balanced one: planning to balance was a losing strategy.",
		"Of the 4 systems compared: a deficit plan paid more for 4, the same for 0, less for 0.",
		"QA Alpha deficit 0.0m 12.0m 12.0m 0.3158",
		"QB Beta deficit 0.0m 6.0m 6.0m 0.6316",
		"QC Gamma balanced 0.0m 6.0m 6.0m 0.9474",
		"QD Delta balanced 0.0m 9.0m 9.0m 0.9474",
		"a median of £0.4737 of effective grant to a system that planned a deficit and £0.9474 to one that planned to balance, against an average of £1.0000",
		"It would stop rewarding deficit plans only if 92.06% were clawed back the following year.",
		"Write-off probability, 0% to 100% not reached",
		"not reached: the money is a grant, so there is nothing to repay or write off.",
		"92.06%: the smallest share of the cash clawed back the following year",
		"▲ 92.06%",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the Incentives document lacks %q:\n%s", want, doc)
		}
	}
	// The chart of the clawback: the deficit group's grant per head from
	// £9.00 at 0% to 9 × (1 − 2 ÷ 1.035) = −£8.39 at 200%.
	if !strings.Contains(doc, "£9.00 → -£8.39") {
		t.Errorf("the clawback chart lacks its ends:\n%s", doc)
	}
}

// TestIncentivesKeys drives the Incentives screen's keys: sorting, the
// system's reruns and a term's points.
func TestIncentivesKeys(t *testing.T) {
	hs := newHarness(t, incentivesFixture(t), Options{}, 80, 24)
	hs.keys("6")
	scr := hs.screen()
	mustContain(t, scr, "[6 Incentives]", "sorted by file order ↑", "s sort by next column", "S reverse sort", "enter open the row")
	mustNotContain(t, scr, "›")

	// s six times: by gain; S: the largest first.
	hs.keys("s", "s", "s", "s", "s", "s")
	mustContain(t, hs.screen(), "sorted by gain ↑")
	hs.keys("S")
	mustContain(t, hs.screen(), "sorted by gain ↓")
	if doc := hs.incentivesDocument(); strings.Index(doc, "QA   Alpha") > strings.Index(doc, "QD   Delta") ||
		strings.Index(doc, "QD   Delta") > strings.Index(doc, "QC   Gamma") {
		t.Errorf("by gain, largest first, QA (12.0m) and QD (9.0m) come before QC (6.0m):\n%s", doc)
	}
	// s: by marginal price, largest first: QC (file order breaks the tie with QD).
	hs.keys("s")
	mustContain(t, hs.screen(), "sorted by marginal price ↓")
	hs.downTo("› QC", 20)
	hs.keys("enter")
	scr = hs.screen()
	mustContain(t, scr, "QC · Gamma", "It planned to balance, so it is in the balanced group.", "1. As it planned: to balance")
	hs.downTo("The deficit group's median planned deficit per head is £9.000000", 30)
	hs.downTo("Plan (£9,000,000.00), which puts it in the deficit group.", 30)
	hs.downTo("Gain = G with a deficit plan − G with a balanced plan = £6,000,000.00 − £0.00 =", 30)
	hs.downTo("its exact share is £947,368.421053", 30)
	hs.downTo("£0.9474 per £1", 30)

	// esc: back to the table, the row still selected; the sort survives.
	hs.keys("esc")
	mustContain(t, hs.screen(), "› QC", "sorted by marginal price ↓")

	// G: the last row, the clawback; enter lists its points.
	hs.keys("G")
	mustContain(t, hs.screen(), "›Clawback the following year, 0% to 200%")
	hs.keys("enter")
	mustContain(t, hs.screen(), "every point searched", "92.06%: the smallest share")
	hs.downTo("Bisection, inside the step where the verdict changes", 200)
	hs.keys("esc", "g")
	mustContain(t, hs.screen(), "Would a balanced plan have paid?")
	mustNotContain(t, hs.screen(), "›")
	// pgdn: a page on, the first row shown selected; pgup back.
	hs.keys("pgdown")
	mustContain(t, hs.screen(), "›")
	hs.keys("pgup")
	mustContain(t, hs.screen(), "Would a balanced plan have paid?")
}

// hold delivers msg as send does, but keeps back (and returns) the
// messages hold picks instead of delivering them.
func (hs *harness) hold(msg tea.Msg, hold func(tea.Msg) bool) []tea.Msg {
	hs.t.Helper()
	var kept []tea.Msg
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch m := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			for _, c := range m {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if hold(msg) {
			kept = append(kept, msg)
			continue
		}
		next, cmd := hs.m.Update(msg)
		hs.m = next.(model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return kept
}

func isIncentives(msg tea.Msg) bool { _, ok := msg.(incentivesMsg); return ok }

// TestIncentiveStage: the headline shows before the incentives, which the
// Overview and Incentives say are being computed, and y, w and e wait for;
// a stage overtaken by a newer analysis is cancelled and never shown.
func TestIncentiveStage(t *testing.T) {
	var ctxs []context.Context
	opt := Options{Incentives: func(ctx context.Context, ds plan.Dataset, sc plan.Scenario, res analysis.Result) (*analysis.Incentives, error) {
		ctxs = append(ctxs, ctx)
		return engine.Incentives(ctx, ds, sc, res)
	}}
	hs := newHarness(t, embedded(t), opt, 100, 30)
	mustContain(t, hs.screen(), "To end the reward: It would stop rewarding deficit plans only if 53.9% were")

	// The next scenario's headline, its incentives held back.
	kept := hs.hold(keyMsg(">"), isIncentives)
	if len(kept) != 1 {
		t.Fatalf("held %d incentive results, want 1", len(kept))
	}
	mustContain(t, hs.screen(), "Verdict: NEUTRAL", "computing the incentives…")
	hs.keys("y")
	mustContain(t, hs.screen(), "Not copied yet: the incentive analyses")
	hs.keys("6")
	mustContain(t, hs.screen(), "Computing the incentive analyses")

	// Back to the first scenario before they arrive: the held stage was
	// cancelled, and delivering it now changes nothing.
	stale := kept[0].(incentivesMsg)
	kept = hs.hold(keyMsg("<"), isIncentives)
	if stale.ctx.Err() == nil {
		t.Error("the superseded incentive stage was not cancelled")
	}
	hs.send(stale)
	mustContain(t, hs.screen(), "Computing the incentive analyses")
	for _, m := range kept {
		hs.send(m)
	}
	mustContain(t, hs.screen(), "For 42 of 42 systems a deficit plan paid more")
	if n := len(ctxs); n < 3 {
		t.Errorf("the stage ran %d times, want one per analysis (3)", n)
	}
}

// TestIncentiveStageFails says so where the figures would be.
func TestIncentiveStageFails(t *testing.T) {
	opt := Options{Incentives: func(context.Context, plan.Dataset, plan.Scenario, analysis.Result) (*analysis.Incentives, error) {
		return nil, errors.New("incentives: the analysis has 41 systems and the plans 42")
	}}
	hs := newHarness(t, embedded(t), opt, 100, 30)
	mustContain(t, hs.screen(), "To end the reward: not computed (incentives: the analysis has 41 systems and the plans 42).")
	hs.keys("6")
	mustContain(t, hs.screen(), "The incentive analyses could not be computed:")
	hs.keys("e")
	mustContain(t, hs.screen(), "Not exported: the incentive analyses could not be computed")
}
