package tui

import (
	"context"
	"testing"

	"icsplan/internal/engine"

	tea "github.com/charmbracelet/bubbletea"
)

// isRest picks the analysis that follows a headline: a whole result.
func isRest(msg tea.Msg) bool { r, ok := msg.(resultMsg); return ok && !r.partial }

// TestHeadlineStage: with a headline analyser, an edit shows the headline
// (the new pot's verdict and groups) at once; until the rest arrives the
// Overview says the robustness, the grid and the terms are being computed,
// a balanced system's explanation says its penalty is, the incentives do
// not start, and y, w and e wait. A rest overtaken by a newer edit is
// cancelled and never shown.
func TestHeadlineStage(t *testing.T) {
	hs := newHarness(t, embedded(t), Options{Headline: engine.AnalyseHeadline}, 100, 30)
	mustContain(t, hs.screen(), "Robustness: the same verdict in 14 of 15", "Sensitivity — grant element")

	hs.keys("4", "g", "enter", "ctrl+u")
	hs.typeText("£1400")
	kept := hs.hold(keyMsg("m"), isRest)
	if len(kept) != 1 {
		t.Fatalf("held %d whole results, want 1", len(kept))
	}
	hs.keys("enter", "1")
	mustContain(t, hs.screen(), "£1,400.0m", "Robustness: computing the sensitivity grid…",
		"Sensitivity: computing the grid, then the caveats…", "computing the terms that would end it…",
		"computing the prudence penalties and the sensitivity grid…")
	mustNotContain(t, hs.screen(), "Robustness: the same verdict")
	hs.keys("y")
	mustContain(t, hs.screen(), "Not copied yet: the prudence penalties and the sensitivity grid")
	hs.keys("2", "enter", "G") // QHG, which planned to balance; its last step
	mustContain(t, hs.screen(), "Prudence penalty", "Being computed: the rerun")
	hs.keys("esc")

	// A newer edit before the rest arrives: the held rest was cancelled
	// and delivering it shows nothing of it.
	stale := kept[0].(resultMsg)
	hs.keys("4", "enter", "ctrl+u")
	hs.typeText("£700m")
	hs.keys("enter")
	if stale.ctx.Err() != context.Canceled {
		t.Error("the superseded rest of the analysis was not cancelled")
	}
	hs.send(stale)
	hs.keys("1")
	mustContain(t, hs.screen(), "£700.0m", "Robustness: the same verdict in 14 of 15")
	mustNotContain(t, hs.screen(), "£1,400.0m", "computing")
}

// TestScreensOutOfSightCatchUp: Systems and Repayments lay out a new
// analysis when they are opened, not while another screen is shown, and
// then show that analysis. A pot cut to £500m on the Scenario screen is
// shared pro rata to the £720m of planned deficits: Mid and South Essex
// gets £500m × 40.3/720 = £27.99m, shown £28.0m, and the totals row says
// £500.0m; over the loan's 3 equal years about £166.7m is due each year
// (£500m ÷ 3 = £166.67m), not the £233.3m of the £700m pot.
func TestScreensOutOfSightCatchUp(t *testing.T) {
	hs := open(t)
	hs.keys("2", "3", "1") // both laid out once, then out of sight
	editPot(hs, "£500m")
	hs.keys("2")
	mustContain(t, hs.screen(), "£28.0m", "£500.0m")
	hs.keys("3")
	mustContain(t, hs.screen(), "166.7")
	mustNotContain(t, hs.screen(), "233.3")
}
