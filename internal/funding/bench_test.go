package funding

import (
	"os"
	"strconv"
	"testing"

	"icsplan/internal/synth"
)

func BenchmarkAllocate(b *testing.B) {
	for _, n := range []int{42, 1000, 10_000, 100_000} {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Allocate(ds.Systems, sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRerun measures one prudence rerun of a balanced system: the
// integer path against a full allocation.
func BenchmarkRerun(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		rr, err := NewRerun(ds.Systems, sc)
		if err != nil {
			b.Fatal(err)
		}
		j := 0
		for ds.Systems[j].Plan.IsNegative() {
			j++
		}
		p := d("-40000000")
		b.Run("fast/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rr.Amount(j, p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("naive/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rr.naive(j, p, sc.Pot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrudenceReruns is the prudence workload on synthetic data: for
// every balanced system (about 60% of them), the scenario rerun with its
// penalty plan, one after another, Rerun set up afresh each time (NewRerunFrom
// included; the base allocation is not). It reports ns per rerun; plain (at
// 10,000 systems only) is the same with every leftover decision made by the
// pass in cap/weight order.
// 1,000,000 systems run only with ICSPLAN_BENCH_1M=1 (a minute or more).
//
// Measured 2026-12-01 on the shared 2-core AMD EPYC build machine, in
// instructions (valgrind --tool=callgrind, collecting inside the benchmark
// loop, GOMAXPROCS=1); before is the same workload on the previous Rerun:
//
//	systems     reruns    distinct plans  before          fast
//	10,000       5,953     5,783          102k/rerun      66k/rerun
//	100,000     60,250    45,930          841k/rerun      320k/rerun
//	1,000,000  600,075   105,203          —               about 75 s of CPU in all, under load
//
// The leftover decision reads about half of the open systems' distinct
// weights for each distinct rerun, so the work grows as (distinct penalty
// plans) × (distinct open weights): n^1.7 from 10,000 to 100,000 systems
// (n^1.9 before), then about n^1.0 to 1,000,000, where the plans (whole
// £000, about 10^5 of them) and the weights (about 1.5·10^5) repeat.
func BenchmarkPrudenceReruns(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("ICSPLAN_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		ds := synth.Generate(n, 1)
		sc := synth.DeficitSupport(ds)
		base, err := Allocate(ds.Systems, sc)
		if err != nil {
			b.Fatal(err)
		}
		js, plans := prudencePlans(ds)
		for _, plain := range []bool{false, true} {
			if plain && n > 10_000 {
				continue // the cap/weight pass is quadratic: kept to the smallest size
			}
			name := "fast/"
			if plain {
				name = "plain/"
			}
			b.Run(name+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					rr, err := NewRerunFrom(ds.Systems, sc, base)
					if err != nil {
						b.Fatal(err)
					}
					for k, j := range js {
						if _, _, err := rr.amount(j, plans[k], sc.Pot, plain); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(js)), "ns/rerun")
			})
		}
	}
}

// BenchmarkNewRerun is the preparation of reruns at 100,000 synthetic
// systems from their allocation (the orders by cap/weight, by code and by
// weight).
func BenchmarkNewRerun(b *testing.B) {
	ds := synth.Generate(100_000, 1)
	sc := synth.DeficitSupport(ds)
	base, err := Allocate(ds.Systems, sc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRerunFrom(ds.Systems, sc, base); err != nil {
			b.Fatal(err)
		}
	}
}
