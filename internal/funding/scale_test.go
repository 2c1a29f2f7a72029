package funding

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

// prudencePlans returns the balanced systems of ds (plan ≥ 0) and, for
// each, the plan the prudence rerun gives it: the deficit systems' median
// deficit per head times its population, rounded to £1000, as a deficit (the
// analysis's rule, up to the rounding of the median).
func prudencePlans(ds plan.Dataset) ([]int, []decimal.Decimal) {
	var perHead []decimal.Decimal
	for _, s := range ds.Systems {
		if s.Plan.IsNegative() {
			perHead = append(perHead, s.Plan.Neg().Div(decimal.NewFromInt(s.Population)))
		}
	}
	slices.SortFunc(perHead, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	median := perHead[len(perHead)/2]
	thousand := decimal.NewFromInt(1000)
	var js []int
	var plans []decimal.Decimal
	for j, s := range ds.Systems {
		if !s.Plan.IsNegative() {
			js = append(js, j)
			plans = append(plans, median.Mul(decimal.NewFromInt(s.Population)).DivRound(thousand, 0).Mul(thousand).Neg())
		}
	}
	return js, plans
}

// rerunAll computes every rerun k (system js[k], plan plans[k]) on all
// processors, as the analysis does, returning each amount and how it was found.
func rerunAll(t *testing.T, rr *Rerun, js []int, plans []decimal.Decimal) ([]decimal.Decimal, []int) {
	got := make([]decimal.Decimal, len(js))
	hows := make([]int, len(js))
	errs := make([]error, len(js))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(js); k = int(next.Add(1) - 1) {
				got[k], hows[k], errs[k] = rr.amount(js[k], plans[k], rr.sc.Pot, false)
			}
		})
	}
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			t.Fatalf("rerun of system %d: %v", js[k], err)
		}
	}
	return got, hows
}

// rerun100k is synthetic deficit support at 100,000 systems and its
// reruns, skipped with -short.
func rerun100k(t *testing.T) (plan.Dataset, plan.Scenario, *Rerun) {
	t.Helper()
	if testing.Short() {
		t.Skip("100,000 systems: not with -short")
	}
	ds := synth.Generate(100_000, 1)
	sc := synth.DeficitSupport(ds)
	rr, err := NewRerun(ds.Systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	return ds, sc, rr
}

// countPaths counts the reruns by how each was found.
func countPaths(hows []int) map[int]int {
	paths := map[int]int{}
	for _, h := range hows {
		paths[h]++
	}
	return paths
}

// TestRerunAt100k is the prudence workload at 100,000 synthetic systems:
// every balanced system (60,250) rerun with its penalty plan on all
// processors, which also exercises the shared table of decisions under
// concurrency. The pass in weight order and the table must carry the
// load; a deterministic sample of 2,000 reruns, and every rerun that took
// another path, are compared with the plain pass in cap/weight order, and
// two with a full Allocate (the plain pass on all 60,250 would take most of
// a minute).
func TestRerunAt100k(t *testing.T) {
	ds, sc, rr := rerun100k(t)
	js, plans := prudencePlans(ds)
	got, hows := rerunAll(t, rr, js, plans)
	paths := countPaths(hows)
	t.Logf("%d reruns: weight order %d, memo %d, other %d", len(js), paths[viaWeight], paths[viaMemo],
		len(js)-paths[viaWeight]-paths[viaMemo])
	if paths[viaWeight] < len(js)/2 || paths[viaMemo] < len(js)/10 {
		t.Errorf("paths %v: want most reruns by the table pass in weight order, and some by memo", paths)
	}
	step := len(js) / 2000
	checkPlain(t, rr, sc, js, plans, got, hows, func(k int) bool {
		return k%step != 0 && hows[k] == viaWeight || hows[k] == viaMemo && k%step != 1
	})
	for _, k := range []int{0, len(js) - 1} {
		want, err := rr.naive(js[k], plans[k], sc.Pot)
		if err != nil {
			t.Fatal(err)
		}
		if !got[k].Equal(want) {
			t.Fatalf("system %d plan %s: fast %s, full allocation %s", js[k], plans[k], got[k], want)
		}
	}
}

// TestRerunMarginalAt100k is the strategy table's workload at 100,000
// synthetic systems: every deficit system (39,750) rerun with a plan £1m
// deeper, on all processors. Those reruns share one pot fraction and
// modulus, so after the first few a group of sorted remainders makes the
// leftover decision; every 20th rerun, and every one that took another
// path, is compared with the plain pass in cap/weight order.
func TestRerunMarginalAt100k(t *testing.T) {
	ds, sc, rr := rerun100k(t)
	var js []int
	var plans []decimal.Decimal
	million := decimal.NewFromInt(1_000_000)
	for j, s := range ds.Systems {
		if s.Plan.IsNegative() {
			js = append(js, j)
			plans = append(plans, s.Plan.Sub(million))
		}
	}
	got, hows := rerunAll(t, rr, js, plans)
	paths := countPaths(hows)
	t.Logf("%d reruns: paths %v", len(js), paths)
	if paths[viaGroup] < len(js)*9/10 {
		t.Errorf("paths %v: want nine reruns in ten decided by a group", paths)
	}
	checkPlain(t, rr, sc, js, plans, got, hows, func(k int) bool { return k%20 != 0 && hows[k] == viaGroup })
}

// checkPlain compares each rerun k (system js[k], plan plans[k], fast
// amount got[k] found by hows[k]) with the plain pass in cap/weight order,
// but those skip leaves out.
func checkPlain(t *testing.T, rr *Rerun, sc plan.Scenario, js []int, plans, got []decimal.Decimal, hows []int, skip func(k int) bool) {
	t.Helper()
	for k, j := range js {
		if skip(k) {
			continue
		}
		want, _, err := rr.amount(j, plans[k], sc.Pot, true)
		if err != nil {
			t.Fatal(err)
		}
		if !got[k].Equal(want) {
			t.Fatalf("system %d plan %s: fast %s (path %d), plain %s", j, plans[k], got[k], hows[k], want)
		}
	}
}

// TestRerunConcurrent checks that reruns made on all processors at once
// (sharing one Rerun and its table of decisions) give what the same reruns
// give one after another on a fresh Rerun, at 10,000 systems.
func TestRerunConcurrent(t *testing.T) {
	ds := synth.Generate(10_000, 2)
	sc := synth.DeficitSupport(ds)
	js, plans := prudencePlans(ds)
	shared, err := NewRerun(ds.Systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := rerunAll(t, shared, js, plans)
	alone, err := NewRerun(ds.Systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	for k, j := range js {
		want, err := alone.Amount(j, plans[k])
		if err != nil {
			t.Fatal(err)
		}
		if !got[k].Equal(want) {
			t.Fatalf("system %d: %s on all processors, %s alone", j, got[k], want)
		}
	}
}

// TestRerunMemoTies reruns every balanced system of 5,000 synthetic ones
// with the plan of one of twenty deficit systems, so that each rerun ties
// on weight with that system: such decisions, which could depend on the
// rerun system's code, are made once and looked up for the others (what
// keeps a million systems' prudence reruns from each reading the weights),
// and each must match the plain pass. Whether a looked-up decision is
// applied to the right code is put to the test by TestRerunMatchesNaive,
// whose tiny plans make the answer turn on the code; here the ties rarely
// come close enough to the last unit for it to.
func TestRerunMemoTies(t *testing.T) {
	ds := synth.Generate(5_000, 3)
	sc := synth.DeficitSupport(ds)
	rr, err := NewRerun(ds.Systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	var deficits []decimal.Decimal
	for _, s := range ds.Systems {
		if s.Plan.IsNegative() && len(deficits) < 20 {
			deficits = append(deficits, s.Plan)
		}
	}
	var js []int
	var plans []decimal.Decimal
	for j, s := range ds.Systems {
		if !s.Plan.IsNegative() {
			js = append(js, j)
			plans = append(plans, deficits[len(js)%len(deficits)])
		}
	}
	got, hows := rerunAll(t, rr, js, plans)
	paths := countPaths(hows)
	t.Logf("%d reruns: paths %v", len(js), paths)
	if paths[viaMemo] < len(js)/2 {
		t.Errorf("paths %v: want most reruns looked up", paths)
	}
	checkPlain(t, rr, sc, js, plans, got, hows, func(int) bool { return false })
}
