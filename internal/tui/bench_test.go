package tui

import (
	"fmt"
	"testing"

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
	frame := systemsFrame(systemsFrames(b, 10000))
	b.ReportAllocs()
	for b.Loop() {
		frame()
	}
}

// systemsFrame returns one frame's work on the Systems screen: the cursor
// moves (down, then up, alternately) and the screen is drawn.
func systemsFrame(hs *harness) func() {
	down, up := keyMsg("down"), keyMsg("up")
	i := 0
	return func() {
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

// TestSystemsFrameDoesNotGrow checks what keeps a Systems frame fast at any
// size — only the visible rows are drawn — without timing anything (timings
// are BenchmarkSystemsViewScale's job): a key and the frame after it allocate
// about as much with 10,000 systems as with 100. Drawing every row would
// allocate a hundred times more.
func TestSystemsFrameDoesNotGrow(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-system analysis")
	}
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(20, systemsFrame(systemsFrames(t, n)))
	}
	small, big := allocs(100), allocs(10000)
	t.Logf("allocs per frame: %.0f at 100 systems, %.0f at 10,000", small, big)
	if big > small*1.25 {
		t.Errorf("a Systems frame allocates %.0f times with 10,000 systems against %.0f with 100: rows out of view are being drawn", big, small)
	}
}

// BenchmarkSystemsViewScale shows how a Systems frame grows with the number
// of systems: it should not, as only the visible rows are rendered.
func BenchmarkSystemsViewScale(b *testing.B) {
	for _, n := range []int{42, 1000, 10000, 100000} {
		b.Run(fmt.Sprintf("systems=%d", n), func(b *testing.B) {
			frame := systemsFrame(systemsFrames(b, n))
			b.ReportAllocs()
			for b.Loop() {
				frame()
			}
		})
	}
}
