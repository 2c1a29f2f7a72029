package chart

import (
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"
)

// shipped is one shipped scenario analysed on its year's embedded plans.
type shipped struct {
	name string // golden file stem: year folder and scenario name
	res  analysis.Result
}

// goldenRegimes are regimes of the library whose charts are golden too, on
// the 2023/24 plans: public dividend capital (100 years of dividends), the
// RAB deductions (a grant of nothing, deductions and a bonus) and the STF
// (a bonus alone).
var goldenRegimes = []struct{ dir, name string }{
	{"2023-24", "pdc-2020"},
	{"2023-24", "rab-deductions"},
	{"2023-24", "stf-2016-17"},
}

// shippedResults analyses every shipped scenario of every year, and the
// golden regimes on their year's plans (named "2023-24_regime-pdc-2020").
func shippedResults(t testing.TB) []shipped {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", "embedded plans", plan.Options{})
	if err != nil {
		t.Fatalf("loading the embedded plans: %v", err)
	}
	var out []shipped
	for _, y := range lib.Years {
		for _, sc := range y.Scenarios {
			res, err := engine.Analyse(y.Dataset, sc)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, sc.Name, err)
			}
			out = append(out, shipped{name: y.Dir + "_" + sc.Name, res: res})
		}
		for _, g := range goldenRegimes {
			if g.dir != y.Dir {
				continue
			}
			sc, err := plan.PickRegime(lib.Regimes, g.name, y)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, g.name, err)
			}
			res, err := engine.Analyse(y.Dataset, sc)
			if err != nil {
				t.Fatalf("%s %s: %v", y.Dir, g.name, err)
			}
			out = append(out, shipped{name: y.Dir + "_regime-" + g.name, res: res})
		}
	}
	if len(out) < 4 {
		t.Fatalf("found %d shipped scenarios, want at least 4", len(out))
	}
	return out
}

// shippedNamed is the shipped result of that name (year folder and scenario).
func shippedNamed(t testing.TB, name string) analysis.Result {
	t.Helper()
	for _, s := range shippedResults(t) {
		if s.name == name {
			return s.res
		}
	}
	t.Fatalf("no shipped scenario %s", name)
	return analysis.Result{}
}
