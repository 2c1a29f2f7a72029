package report

import (
	"io"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/synth"
)

// BenchmarkRender renders every format for 10,000 synthetic systems.
func BenchmarkRender(b *testing.B) {
	ds := synth.Generate(10_000, 1)
	res, err := engine.Analyse(ds, synth.DeficitSupport(ds))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := Render(io.Discard, res, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
