package engine

import (
	"reflect"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/funding"
	"icsplan/internal/plan"
	"icsplan/internal/synth"

	"github.com/shopspring/decimal"
)

const propertyCases = 600

// TestAnalysisProperties runs random scenarios on random datasets: transfers
// sum to zero exactly, tables foot, instalments sum to allocations, the fast
// prudence reruns equal full reruns, and two runs give identical results.
func TestAnalysisProperties(t *testing.T) {
	penalties := 0
	for k := int64(0); k < propertyCases; k++ {
		ds, sc := synth.Case(k)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		again, _ := Analyse(ds, sc)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("case %d: two runs differ", k)
		}
		sumT, sumF, sumA, sumG := zero, zero, zero, zero
		for _, s := range res.Systems {
			sumT = sumT.Add(s.Transfer)
			sumF = sumF.Add(s.FairShare)
			sumA = sumA.Add(s.Allocation)
			sumG = sumG.Add(s.EffectiveGrant)
			p := zero
			for _, x := range s.Repayments {
				p = p.Add(x.Principal)
				if x.Principal.IsZero() && x.Interest.IsZero() {
					t.Fatalf("case %d: empty repayment row", k)
				}
			}
			if sc.Repayment != nil && !p.Equal(s.Allocation) {
				t.Fatalf("case %d: %s repays %s of %s", k, s.Code, p, s.Allocation)
			}
			if (s.Group == analysis.Balanced && res.Deficit.Systems > 0) != (s.PrudencePenalty != nil) {
				t.Fatalf("case %d: %s penalty presence wrong", k, s.Code)
			}
		}
		if !sumT.IsZero() || !sumF.Equal(res.Totals.Allocated) || !sumA.Equal(res.Totals.Allocated) {
			t.Fatalf("case %d: Σ transfer %s, Σ fair %s, Σ allocation %s, allocated %s", k, sumT, sumF, sumA, res.Totals.Allocated)
		}
		if !res.NetTransferToDeficit.Add(groupTransfer(res, analysis.Balanced)).IsZero() {
			t.Fatalf("case %d: net transfers do not cancel", k)
		}
		if !sumG.Equal(res.Totals.EffectiveGrant) || !res.Deficit.EffectiveGrant.Add(res.Balanced.EffectiveGrant).Equal(sumG) {
			t.Fatalf("case %d: effective grant does not foot", k)
		}
		if !res.Deficit.Allocation.Add(res.Balanced.Allocation).Equal(res.Totals.Allocated) ||
			!res.Totals.Allocated.Add(res.Totals.Unallocated).Equal(sc.Pot) {
			t.Fatalf("case %d: allocation does not foot", k)
		}
		yp := zero
		for _, y := range res.Years {
			yp = yp.Add(y.Principal).Add(y.Interest)
		}
		if !yp.Equal(res.Totals.Repayments) {
			t.Fatalf("case %d: years %s, repayments %s", k, yp, res.Totals.Repayments)
		}
		if len(res.Sensitivity) != 15 {
			t.Fatalf("case %d: %d sensitivity cells", k, len(res.Sensitivity))
		}
		// The fast prudence path against a full rerun for every balanced system.
		e := &job{ds: ds, sc: sc, alloc: mustAllocate(t, ds, sc)}
		for j, s := range res.Systems {
			if s.PrudencePenalty == nil {
				continue
			}
			g, err := e.naivePenaltyGrant(j, s.PenaltyPlan)
			if err != nil {
				t.Fatalf("case %d: %v", k, err)
			}
			if want := g.Sub(s.EffectiveGrant); !want.Equal(*s.PrudencePenalty) {
				t.Fatalf("case %d: %s penalty %s, full rerun %s", k, s.Code, s.PrudencePenalty, want)
			}
			penalties++
		}
	}
	t.Logf("%d penalties checked against full reruns", penalties)
}

// mustAllocate is funding's allocation of the scenario, the one the
// analysis started from, for the reference reruns.
func mustAllocate(t testing.TB, ds plan.Dataset, sc plan.Scenario) funding.Allocation {
	t.Helper()
	a, err := funding.Allocate(ds.Systems, sc)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func groupTransfer(res analysis.Result, g analysis.Group) decimal.Decimal {
	s := zero
	for _, x := range res.Systems {
		if x.Group == g {
			s = s.Add(x.Transfer)
		}
	}
	return s
}

// TestParallelPenalties runs the parallel prudence reruns on a dataset large
// enough to use every processor: two runs are identical, and a sample of
// penalties equals full reruns.
func TestParallelPenalties(t *testing.T) {
	ds := synth.Generate(1500, 11)
	sc := synth.DeficitSupport(ds)
	a, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Analyse(ds, sc)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs differ")
	}
	e := &job{ds: ds, sc: sc, alloc: mustAllocate(t, ds, sc)}
	checked := 0
	for j, s := range a.Systems {
		if s.PrudencePenalty == nil || j%7 != 0 {
			continue
		}
		g, err := e.naivePenaltyGrant(j, s.PenaltyPlan)
		if err != nil {
			t.Fatal(err)
		}
		if want := g.Sub(s.EffectiveGrant); !want.Equal(*s.PrudencePenalty) {
			t.Fatalf("%s: penalty %s, full rerun %s", s.Code, s.PrudencePenalty, want)
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d penalties checked", checked)
	}
}

// slowSensitivity is the grid computed with funding.EffectiveGrant per
// system and cell: the reference for the integer valuation.
func slowSensitivity(e *job, systems []analysis.SystemResult) []analysis.Cell {
	var cells []analysis.Cell
	var dPop, bPop int64
	var dN, bN int
	allocated := zero
	for _, s := range systems {
		allocated = allocated.Add(s.Allocation)
		if s.Group == analysis.Deficit {
			dPop += s.Population
			dN++
		} else {
			bPop += s.Population
			bN++
		}
	}
	for _, w := range gridWriteOffs {
		for _, r := range gridRates {
			gD, gB := zero, zero
			for i, s := range systems {
				g := funding.EffectiveGrant(s.Allocation, funding.PresentValue(e.sched[i], r), w)
				if s.Group == analysis.Deficit {
					gD = gD.Add(g)
				} else {
					gB = gB.Add(g)
				}
			}
			ge := zero
			if !allocated.IsZero() {
				ge = gD.Add(gB).DivRound(allocated, 4)
			}
			cells = append(cells, analysis.Cell{WriteOff: w, DiscountRate: r, GrantElement: ge,
				Verdict: analysis.Judge(dN, bN, perHead(gD, dPop), perHead(gB, bPop))})
		}
	}
	return cells
}

func TestSensitivityMatchesSlow(t *testing.T) {
	for k := int64(0); k < propertyCases; k++ {
		ds, sc := synth.Case(k)
		res, err := Analyse(ds, sc)
		if err != nil {
			t.Fatal(err)
		}
		e := &job{ds: ds, sc: sc, alloc: mustAllocate(t, ds, sc), sched: make([][]funding.Instalment, len(ds.Systems))}
		for i, s := range res.Systems {
			if sc.Repayment != nil && s.Allocation.IsPositive() {
				e.sched[i], _ = funding.Schedule(s.Allocation, ds.Year, sc.Repayment, res.Allocation.Unit)
			}
		}
		slow := slowSensitivity(e, res.Systems)
		for c := range slow {
			a, b := res.Sensitivity[c], slow[c]
			if !a.GrantElement.Equal(b.GrantElement) || a.Verdict != b.Verdict || !a.WriteOff.Equal(b.WriteOff) || !a.DiscountRate.Equal(b.DiscountRate) {
				t.Fatalf("case %d cell %d: %+v, slow %+v", k, c, a, b)
			}
		}
		// The scenario's own assumptions, when on the grid, give the headline grant element.
		for _, c := range res.Sensitivity {
			if c.WriteOff.Equal(sc.Assumptions.WriteOff) && c.DiscountRate.Equal(sc.Assumptions.DiscountRate) &&
				(!c.GrantElement.Equal(res.Totals.GrantElement) || c.Verdict != res.Verdict.Label) {
				t.Fatalf("case %d: grid cell %+v, headline %s %s", k, c, res.Totals.GrantElement, res.Verdict.Label)
			}
		}
	}
}
