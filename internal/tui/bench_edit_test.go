package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// BenchmarkEditHeadline is issue 17's TUI figure: with n systems, the time
// from the key that completes a new pot on the Scenario screen (the field
// is analysed as it is typed) to the frame that shows its verdict. Each
// iteration times what the program runs between the two, as cmd sets it
// up: the key, the headline analysis (engine.AnalyseHeadline: allocation,
// cash, effective grant, groups and verdict) and the frame. The rest of the
// analysis (engine.AnalyseWithoutIncentives: the prudence reruns, the
// grid, the caveats) and then the incentive stage follow it; they do not
// hold the headline back, and are stubbed and kept back here (BenchmarkAnalyse and
// BenchmarkIncentives in internal/engine measure them). The pot alternates
// between £700m and £701m so that every edit changes the answer.
func BenchmarkEditHeadline(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			later := func(context.Context, plan.Dataset, plan.Scenario, analysis.Result) (*analysis.Incentives, error) {
				return nil, context.Canceled
			}
			// The rest is kept back unapplied (isRest); it is stubbed so that
			// running its command to get its message costs nothing.
			rest := func(ctx context.Context, _ plan.Dataset, _ plan.Scenario) (analysis.Result, error) {
				return analysis.Result{}, context.Canceled
			}
			opt := Options{Headline: engine.AnalyseHeadline, Incentives: later}
			hs := newHarnessWith(b, synthetic(n), opt, 120, 40, rest)
			pots := []string{"£701", "£700"} // the m is typed in the timed part
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				hs.keys("4", "g", "enter", "ctrl+u") // the pot field, open and cleared
				hs.typeText(pots[i%2])
				b.StartTimer()
				hs.hold(keyMsg("m"), isRest) // the field is analysed as it is typed: this key's headline
				_ = hs.m.View()
				b.StopTimer()
				hs.keys("enter", "1")
			}
			if want := map[bool]string{true: "£701.0m", false: "£700.0m"}[b.N%2 == 1]; !strings.Contains(hs.screen(), want) {
				b.Fatalf("after %d edits the Overview does not show the pot %s:\n%s", b.N, want, hs.screen())
			}
		})
	}
}
