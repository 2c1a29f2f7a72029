package engine

import (
	"context"
	"strconv"
	"testing"

	"icsplan/internal/plan"
	"icsplan/internal/synth"
	"icsplan/plans"
)

// BenchmarkAnalyseShipped is the full analysis of the shipped 2023/24
// deficit-support scenario (target: under 5 ms).
func BenchmarkAnalyseShipped(b *testing.B) {
	ds, sc := shipped(b, "2023-24", "deficit-support-feb-2024")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyse(ds, sc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyse is the full analysis (prudence and the incentive stage
// included) of synthetic deficit support, at 42 to 100,000 systems, and
// 1,000,000 with ICSPLAN_BENCH_1M=1 (benchSizes). BenchmarkAnalysePeak
// measures its memory.
func BenchmarkAnalyse(b *testing.B) {
	for _, n := range benchSizes(42, 1000, 10_000, 100_000) {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Analyse(ds, sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadAndAnalyse reads a systems.csv from bytes, validates it and
// analyses it (target for 10,000 systems: under 1 s). A file holds at most
// plan.MaxSystems systems, so the largest size here is that cap; the
// analysis alone is measured beyond it by BenchmarkAnalyse.
func BenchmarkLoadAndAnalyse(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, plan.MaxSystems} {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		data := synth.CSV(ds)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := plan.ReadCSV("systems.csv", data)
				if err != nil {
					b.Fatal(err)
				}
				loaded, err := plan.ParseSystems(t, "2023/24")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Analyse(loaded, sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad reads and validates a systems.csv from bytes, the loading
// half of BenchmarkLoadAndAnalyse, up to the plan.MaxSystems cap.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, plan.MaxSystems} {
		data := synth.CSV(synth.Generate(n, 1))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := plan.ReadCSV("systems.csv", data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := plan.ParseSystems(t, "2023/24"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIncentives is the incentive stage alone (engine.Incentives, after
// AnalyseWithoutIncentives) on synthetic deficit support at 42, 1,000 and
// 10,000 systems. Growth: the strategy table and the marginal prices are
// one exact rerun per system and one more per deficit planner, each
// O(log n) for the water-filling plus part of one pass over the open
// systems for the leftover unit (funding.Rerun), so about n·(log n + m)
// with m the open systems a pass reads before it settles; the ending terms
// are 3 × 101 scan points and about 20 bisection steps, each an O(n)
// integer revaluation (no allocation redone). Near-linear in practice: run
// with -benchtime 1x for a quick look.
func BenchmarkIncentives(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000} {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		res, err := AnalyseWithoutIncentives(context.Background(), ds, sc)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Incentives(context.Background(), ds, sc, res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIncentivesShipped is the incentive stage on the shipped 2023/24
// deficit support: 42 systems, the figure a live edit in the TUI waits for
// after its headline.
func BenchmarkIncentivesShipped(b *testing.B) {
	ds, sc := shipped(b, "2023-24", "deficit-support-feb-2024")
	res, err := AnalyseWithoutIncentives(context.Background(), ds, sc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Incentives(context.Background(), ds, sc, res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPanelShipped is the panel of the shipped plans: each year's
// primary scenario analysed for the panel (PanelContext), and PanelOf
// alone on results already made. A one-year report computes the panel
// too, so this is part of the shipped-data report's start-up figure.
func BenchmarkPanelShipped(b *testing.B) {
	lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("context", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := PanelContext(context.Background(), lib); err != nil {
				b.Fatal(err)
			}
		}
	})
	in := make([]PanelInput, len(lib.Years))
	for i, y := range lib.Years {
		res, err := panelAnalyse(context.Background(), y.Dataset, y.Scenarios[y.Primary()])
		if err != nil {
			b.Fatal(err)
		}
		in[i] = PanelInput{Year: y, Result: res}
	}
	b.Run("of", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			PanelOf(in)
		}
	})
}
