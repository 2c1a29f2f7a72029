package synth

import (
	"bytes"
	"reflect"
	"testing"

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
