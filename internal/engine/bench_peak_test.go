package engine

import (
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	"icsplan/internal/synth"
)

// benchSizes is the synthetic sizes the analysis benchmarks run: 1,000,000
// only when ICSPLAN_BENCH_1M is set (CI runs every benchmark once, and a
// million systems take a minute or more).
func benchSizes(small ...int) []int {
	if os.Getenv("ICSPLAN_BENCH_1M") != "" {
		return append(small, 1_000_000)
	}
	return small
}

// The heap figures a peak sampler reads: every object not yet swept
// (garbage included, what the process holds), and the objects the last
// collection found live.
var peakMetrics = []string{"/memory/classes/heap/objects:bytes", "/gc/heap/live:bytes"}

// heapPeak samples peakMetrics every period, from start to stop, keeping
// the largest value of each.
type heapPeak struct {
	base, peak [2]uint64
	stop, done chan struct{}
}

// readHeap reads peakMetrics into v.
func readHeap(s []metrics.Sample, v *[2]uint64) {
	metrics.Read(s)
	for k := range v {
		v[k] = s[k].Value.Uint64()
	}
}

// startPeak collects garbage, notes the heap as it stands (base) and
// starts sampling.
func startPeak(period time.Duration) *heapPeak {
	s := make([]metrics.Sample, len(peakMetrics))
	for k, name := range peakMetrics {
		s[k].Name = name
	}
	runtime.GC()
	p := &heapPeak{stop: make(chan struct{}), done: make(chan struct{})}
	readHeap(s, &p.base)
	p.peak = p.base
	go func() {
		defer close(p.done)
		t := time.NewTicker(period)
		defer t.Stop()
		var v [2]uint64
		for {
			readHeap(s, &v)
			for k := range v {
				p.peak[k] = max(p.peak[k], v[k])
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// end stops sampling and returns the peaks over the base: the heap held
// and the heap live.
func (p *heapPeak) end() (held, live uint64) {
	close(p.stop)
	<-p.done
	return p.peak[0] - min(p.base[0], p.peak[0]), p.peak[1] - min(p.base[1], p.peak[1])
}

// BenchmarkAnalysePeak is the full analysis (prudence and incentives
// included) with its memory sampled every millisecond: peak-B/system is
// the largest heap held during the analysis (live objects and garbage not
// yet collected, the process's share of memory at GOGC=100) over the heap
// before it, per system; live-B/system the largest heap a collection
// during the analysis found live, over the live heap before it, per
// system. Both cover the result (the analysis.Result the call returns).
// The sampler costs a little time; BenchmarkAnalyse is the timing.
func BenchmarkAnalysePeak(b *testing.B) {
	for _, n := range benchSizes(10_000, 100_000) {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			var held, live uint64
			for b.Loop() {
				p := startPeak(time.Millisecond)
				res, err := Analyse(ds, sc)
				h, l := p.end()
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(res)
				held, live = max(held, h), max(live, l)
			}
			b.ReportMetric(float64(held)/float64(n), "peak-B/system")
			b.ReportMetric(float64(live)/float64(n), "live-B/system")
		})
	}
}
