package report

import (
	"io"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/synth"
)

// benchResults holds one analysis of synthetic data per size, made once per
// process: the benchmark function is called again for each sub-benchmark,
// and the analysis is not what is measured.
var benchResults = struct {
	sync.Mutex
	m map[int]analysis.Result
}{m: map[int]analysis.Result{}}

func benchResult(b *testing.B, n int) analysis.Result {
	b.Helper()
	benchResults.Lock()
	defer benchResults.Unlock()
	if r, ok := benchResults.m[n]; ok {
		return r
	}
	ds := synth.Generate(n, 1)
	r, err := engine.Analyse(ds, synth.DeficitSupport(ds))
	if err != nil {
		b.Fatal(err)
	}
	benchResults.m[n] = r
	return r
}

// BenchmarkRender renders every format for 10,000 and 100,000 synthetic
// systems (issue 17's target: any format at 100,000 under 0.5 s). Run with
// -benchtime 1x for a quick look: the analyses are made once, outside the
// timing. cpu-ms/op is the process's CPU time per render, garbage
// collection included, which a busy shared machine disturbs less than the
// wall time in ns/op.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			res := benchResult(b, n)
			for _, f := range Formats {
				b.Run(string(f), func(b *testing.B) {
					b.ReportAllocs()
					runtime.GC() // the analysis's garbage is not the renderer's
					cpu := processCPU()
					for b.Loop() {
						if err := Render(io.Discard, res, f, Options{}); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(processCPU()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
				})
			}
		})
	}
}
