package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"icsplan/internal/plan"
	"icsplan/internal/synth"
)

// synthetic is a one-year library of n synthetic systems.
func synthetic(n int) plan.Library {
	ds := synth.Generate(n, 1)
	return plan.Library{Root: "synthetic", Years: []plan.Year{{
		Label: ds.Year, Dir: "2023-24", Dataset: ds,
		Scenarios: []plan.Scenario{synth.DeficitSupport(ds)},
	}}}
}

// systemsFrames opens the Systems screen of n systems at 120×40.
func systemsFrames(tb testing.TB, n int) *harness {
	hs := newHarness(tb, synthetic(n), Options{}, 120, 40)
	hs.keys("2")
	return hs
}

// BenchmarkSystemsView10000 is one frame of the Systems screen with 10,000
// systems: a key (the cursor moves) and the View that follows.
func BenchmarkSystemsView10000(b *testing.B) {
	hs := systemsFrames(b, 10000)
	down, up := keyMsg("down"), keyMsg("up")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if i%2 == 1 {
			k = up
		}
		i++
		next, _ := hs.m.Update(k)
		hs.m = next.(model)
		_ = hs.m.View()
	}
}

// BenchmarkSystemsSort10000 is the cost of `s` (re-sort) on 10,000 systems.
func BenchmarkSystemsSort10000(b *testing.B) {
	hs := systemsFrames(b, 10000)
	s := keyMsg("s")
	for b.Loop() {
		next, _ := hs.m.Update(s)
		hs.m = next.(model)
	}
}

// TestSystemsFrameBudget keeps a Systems frame with 10,000 systems under
// 16 ms (only the visible rows are rendered).
func TestSystemsFrameBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-system analysis")
	}
	if raceOn {
		t.Skip("timings mean nothing under the race detector")
	}
	hs := systemsFrames(t, 10000)
	var buf bytes.Buffer
	const frames = 50
	start := time.Now()
	for i := range frames {
		hs.keys([]string{"down", "pgdown", "s", "up"}[i%4])
		buf.WriteString(hs.m.View())
	}
	per := time.Since(start) / frames
	if per > 16*time.Millisecond {
		t.Errorf("a Systems frame with 10,000 systems takes %v, budget 16ms", per)
	}
	t.Logf("%v per frame (key + View) with 10,000 systems", per)
}

// BenchmarkSystemsViewScale shows how a Systems frame grows with the number
// of systems: it should not, as only the visible rows are rendered.
func BenchmarkSystemsViewScale(b *testing.B) {
	for _, n := range []int{42, 1000, 10000, 100000} {
		b.Run(fmt.Sprintf("systems=%d", n), func(b *testing.B) {
			hs := systemsFrames(b, n)
			down, up := keyMsg("down"), keyMsg("up")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := down
				if i%2 == 1 {
					k = up
				}
				i++
				next, _ := hs.m.Update(k)
				hs.m = next.(model)
				_ = hs.m.View()
			}
		})
	}
}
