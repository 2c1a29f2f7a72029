package engine

import (
	"context"
	"reflect"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
	"icsplan/internal/synth"
	"icsplan/plans"
)

// TestHeadlineIsTheFullAnalysisLessItsLaterStages: AnalyseHeadline gives
// every figure the full analysis gives but the prudence penalties, the
// grid, the caveats, the data check and the incentives, on every shipped
// scenario and regime of every year and on synthetic plans (both the
// integer and the decimal path).
func TestHeadlineIsTheFullAnalysisLessItsLaterStages(t *testing.T) {
	lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		name string
		ds   plan.Dataset
		sc   plan.Scenario
	}
	var runs []run
	for _, y := range lib.Years {
		for _, sc := range y.Scenarios {
			runs = append(runs, run{y.Label + " " + sc.Name, y.Dataset, sc})
		}
		for _, rg := range lib.Regimes {
			sc, err := rg.ForYear(y.Label)
			if err != nil {
				t.Fatal(err)
			}
			runs = append(runs, run{y.Label + " " + rg.Name, y.Dataset, sc})
		}
	}
	ds := synth.Generate(500, 3)
	runs = append(runs, run{"synthetic", ds, synth.DeficitSupport(ds)})
	for _, r := range runs {
		full, err := AnalyseWithoutIncentives(context.Background(), r.ds, r.sc)
		if err != nil {
			t.Fatal(r.name, err)
		}
		head, err := AnalyseHeadline(context.Background(), r.ds, r.sc)
		if err != nil {
			t.Fatal(r.name, err)
		}
		if head.Sensitivity != nil || head.Caveats != nil || head.Incentives != nil || head.Data != (analysis.DataCheck{}) {
			t.Errorf("%s: the headline has a later stage's figures", r.name)
		}
		full.Sensitivity, full.Caveats, full.Data = nil, nil, analysis.DataCheck{}
		for i := range full.Systems {
			if head.Systems[i].PrudencePenalty != nil {
				t.Fatalf("%s: the headline has a prudence penalty", r.name)
			}
			s := &full.Systems[i]
			s.PrudencePenalty, s.PenaltyPlan, s.PenaltyGrantExact = nil, head.Systems[i].PenaltyPlan, head.Systems[i].PenaltyGrantExact
		}
		if !reflect.DeepEqual(head, full) {
			t.Errorf("%s: the headline differs from the full analysis", r.name)
		}
	}
}
