package engine

import (
	"context"
	"strconv"
	"testing"

	"icsplan/internal/synth"
)

// BenchmarkAnalyseStart is the start stage alone (the job: the pot, the
// allocation, the receipts and the integer path; then every system's
// figures, the sums and the headline), the part of every analysis that
// the TUI's headline verdict waits on, on synthetic systems under deficit
// support.
func BenchmarkAnalyseStart(b *testing.B) {
	for _, n := range benchSizes(10_000, 100_000) {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := start(context.Background(), ds, sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
