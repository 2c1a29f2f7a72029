package engine

import (
	"reflect"
	"runtime"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/synth"
)

// analyseOn is Analyse with GOMAXPROCS set to procs for the call.
func analyseOn(t *testing.T, procs int, analyse func() (analysis.Result, error)) analysis.Result {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	res, err := analyse()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestParallelDeterministic: the analysis of a few thousand synthetic
// systems (large enough that the prudence reruns, the strategy rows, the
// sensitivity grid and the lever scans all run on every processor) is the
// same, field for field and bit for bit, with one processor and with four,
// on the integer path and on the decimal path.
func TestParallelDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 3,000 systems four times")
	}
	ds := synth.Generate(3000, 5)
	sc := synth.DeficitSupport(ds)
	for _, slow := range []bool{false, true} {
		noFast = slow
		one := analyseOn(t, 1, func() (analysis.Result, error) { return Analyse(ds, sc) })
		four := analyseOn(t, 4, func() (analysis.Result, error) { return Analyse(ds, sc) })
		noFast = false
		if one.Balanced.Systems < 1000 || one.Incentives == nil {
			t.Fatalf("decimal path %v: %d balanced systems, incentives %v: too few to run in parallel", slow, one.Balanced.Systems, one.Incentives != nil)
		}
		if !reflect.DeepEqual(one, four) {
			t.Errorf("decimal path %v: GOMAXPROCS 1 and 4 differ: %s", slow, difference(one, four))
		}
	}
}
