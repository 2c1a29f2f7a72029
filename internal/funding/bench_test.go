package funding

import (
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
// integer pass against a full allocation.
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
