package engine

import (
	"strconv"
	"testing"

	"icsplan/internal/plan"
	"icsplan/internal/synth"
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

func BenchmarkAnalyse(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, 100_000} {
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
// analyses it (target for 10,000 systems: under 1 s).
func BenchmarkLoadAndAnalyse(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, 100_000} {
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
// half of BenchmarkLoadAndAnalyse.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, 100_000} {
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
