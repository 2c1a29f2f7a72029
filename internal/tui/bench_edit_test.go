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
// iteration times what the program runs between the two: the key, the
// headline analysis
// (engine.AnalyseWithoutIncentives, as cmd passes it: allocation,
// effective grant, verdict, prudence penalties and the sensitivity grid)
// and the frame. The incentive stage that follows the headline is stubbed
// out (it does not hold the headline back; BenchmarkIncentives in
// internal/engine measures it). The pot alternates between £700m and
// £701m so that every edit changes the answer.
func BenchmarkEditHeadline(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			later := func(context.Context, plan.Dataset, plan.Scenario, analysis.Result) (*analysis.Incentives, error) {
				return nil, context.Canceled
			}
			hs := newHarnessWith(b, synthetic(n), Options{Incentives: later}, 120, 40, engine.AnalyseWithoutIncentives)
			pots := []string{"£701", "£700"} // the m is typed in the timed part
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				hs.keys("4", "g", "enter", "ctrl+u") // the pot field, open and cleared
				hs.typeText(pots[i%2])
				b.StartTimer()
				hs.typeText("m") // the field is analysed as it is typed: this key's analysis
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
