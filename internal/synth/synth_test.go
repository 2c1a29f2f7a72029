package synth

import (
	"bytes"
	"reflect"
	"testing"

	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

func TestGenerate(t *testing.T) {
	a, b := Generate(2000, 7), Generate(2000, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different datasets")
	}
	if reflect.DeepEqual(a, Generate(2000, 8)) {
		t.Fatal("different seeds, same dataset")
	}
	codes := map[string]bool{}
	deficits, illustrative := 0, 0
	for _, s := range a.Systems {
		if codes[s.Code] {
			t.Fatalf("duplicate code %s", s.Code)
		}
		codes[s.Code] = true
		if s.Population < 300_000 || s.Population > 3_500_000 {
			t.Errorf("population %d", s.Population)
		}
		if s.Plan.IsNegative() {
			deficits++
			if !s.Plan.Mod(decimal.NewFromInt(1000)).IsZero() {
				t.Errorf("plan %s not whole £000", s.Plan)
			}
		}
		if s.Illustrative() {
			illustrative++
		}
	}
	if deficits < 700 || deficits > 900 {
		t.Errorf("%d deficits of 2000, want about 40%%", deficits)
	}
	if illustrative == 0 || illustrative == len(a.Systems) {
		t.Errorf("%d illustrative", illustrative)
	}
	if !bytes.Equal(CSV(a), CSV(b)) {
		t.Error("CSV not deterministic")
	}
	sc := DeficitSupport(a)
	if !sc.Pot.IsPositive() || !sc.Pot.Mod(sc.Allocation.Unit).IsZero() {
		t.Errorf("pot %s", sc.Pot)
	}
	for seed := int64(0); seed < 200; seed++ {
		rs := RandomScenario(a, seed)
		if !rs.Pot.Mod(rs.Allocation.Unit).IsZero() || rs.Pot.IsNegative() {
			t.Fatalf("seed %d: pot %s unit %s", seed, rs.Pot, rs.Allocation.Unit)
		}
		if !reflect.DeepEqual(rs, RandomScenario(a, seed)) {
			t.Fatal("RandomScenario not deterministic")
		}
	}
}

// TestCSVLoads checks that the CSV form loads back, through the real loader,
// to the same figures.
func TestCSVLoads(t *testing.T) {
	ds := Generate(500, 3)
	tab, err := plan.ReadCSV("systems.csv", CSV(ds))
	if err != nil {
		t.Fatal(err)
	}
	got, err := plan.ParseSystems(tab, ds.Year)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Systems) != len(ds.Systems) {
		t.Fatalf("%d systems, want %d", len(got.Systems), len(ds.Systems))
	}
	for i, s := range got.Systems {
		w := ds.Systems[i]
		if s.Code != w.Code || s.Population != w.Population || !s.Plan.Equal(w.Plan) ||
			!s.WeightedPopulation.Equal(w.WeightedPopulation) || s.Forecast.Known != w.Forecast.Known ||
			!s.Forecast.Value.Equal(w.Forecast.Value) || s.Outturn.Known != w.Outturn.Known ||
			!s.Outturn.Value.Equal(w.Outturn.Value) || s.Illustrative() != w.Illustrative() {
			t.Fatalf("row %d: got %+v, want %+v", i, s, w)
		}
	}
}
