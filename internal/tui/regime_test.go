package tui

import (
	"fmt"
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// TestRegimeKeys: r runs the regime library on the year's plans in turn,
// each moved to the year (as --regime does), named in the header as
// "regime k/n"; past the last it goes back to the year's scenario it left,
// R goes the other way, < > go back at once, and [ ] keep the regime on
// the other year's plans.
func TestRegimeKeys(t *testing.T) {
	lib := embedded(t)
	regs := lib.Regimes
	n := len(regs)
	if n < 8 {
		t.Fatalf("the shipped library has %d regimes, want at least 8", n)
	}
	hs := newHarness(t, lib, Options{}, 120, 40)
	hs.keys(">") // scenario 2/3, to come back to
	for k := range n {
		hs.keys("r")
		y := lib.Years[0]
		want, err := plan.PickRegime(regs, regs[k].Name, y)
		if err != nil {
			t.Fatal(err)
		}
		res, err := engine.Analyse(y.Dataset, want)
		if err != nil {
			t.Fatal(err)
		}
		scr := hs.screen()
		mustContain(t, scr, fmt.Sprintf("2023/24 (year 1/2) · regime %d/%d: ", k+1, n), "Verdict: "+strings.ToUpper(res.Verdict.Label.Words()))
		if got := hs.m.work; got.Name != regs[k].Name || got.Year != "2023/24" {
			t.Fatalf("regime %d: working scenario %s for %s, want %s moved to 2023/24", k+1, got.Name, got.Year, regs[k].Name)
		}
		if hs.m.res.Verdict.Label != res.Verdict.Label || !hs.m.res.Totals.EffectiveGrant.Equal(res.Totals.EffectiveGrant) {
			t.Fatalf("regime %s: verdict %s, G %s; --regime gives %s, %s", regs[k].Name, hs.m.res.Verdict.Label,
				hs.m.res.Totals.EffectiveGrant, res.Verdict.Label, res.Totals.EffectiveGrant)
		}
	}
	hs.keys("r") // past the last: back to the scenario left
	mustContain(t, hs.screen(), "scenario 2/3: Counterfactual: the same money as fair shares")
	if hs.m.ri != -1 {
		t.Fatalf("ri = %d after the last regime, want -1", hs.m.ri)
	}
	hs.keys("R") // the other way: the last regime
	mustContain(t, hs.screen(), fmt.Sprintf("regime %d/%d: ", n, n))
	hs.keys("R", "<") // < goes back to the scenario left, without stepping
	mustContain(t, hs.screen(), "scenario 2/3: ")

	// ] keeps the regime, on the next year's plans.
	hs.keys("r", "]")
	mustContain(t, hs.screen(), "2024/25 (year 2/2) · regime 1/")
	if got := hs.m.work; got.Name != regs[0].Name || got.Year != "2024/25" {
		t.Fatalf("after ]: %s for %s, want %s moved to 2024/25", got.Name, got.Year, regs[0].Name)
	}
	hs.keys(">")
	mustContain(t, hs.screen(), "2024/25 (year 2/2) · scenario 1/1: ")
}

// TestRegimeHelp: r is in the help bar and the opening hint when there is a
// library, and says there is none when there is not.
func TestRegimeHelp(t *testing.T) {
	hs := open(t)
	mustContain(t, hs.screen(), "r regimes", "r next regime")
	hs.keys("?")
	mustContain(t, flat(hs.screen()), "R previous regime")

	lib := embedded(t)
	lib.Regimes = nil
	hs = newHarness(t, lib, Options{}, 100, 30)
	mustNotContain(t, hs.screen(), "r regimes", "r next regime")
	hs.keys("r")
	mustContain(t, hs.screen(), "No regime library: embedded plans has no regimes folder.")
	if hs.m.ri != -1 {
		t.Fatal("r without a library moved to a regime")
	}
}
