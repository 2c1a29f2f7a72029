package plan

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// FuzzReadSystems: on any bytes, ReadCSV+ParseSystems never panic, and
// either fail with Problems that each name the file and a line, or give a
// dataset in which every system has a population above zero and a code no
// other system has.
func FuzzReadSystems(f *testing.F) {
	f.Add([]byte(goodCSV))
	f.Add([]byte(tinyCSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadCSV("f.csv", data)
		if err == nil {
			var ds Dataset
			ds, err = ParseSystems(tab, "2023/24")
			if err == nil {
				seen := map[string]bool{}
				for _, s := range ds.Systems {
					key := strings.ToUpper(s.Code)
					if s.Population <= 0 || !s.WeightedPopulation.IsPositive() || s.Code == "" || s.Name == "" || seen[key] {
						t.Fatalf("bad system accepted: %+v", s)
					}
					seen[key] = true
				}
				if len(ds.Systems) == 0 {
					t.Fatal("a dataset with no systems")
				}
				return
			}
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error is not Problems: %v", err)
		}
		for _, p := range ps {
			if p.File != "f.csv" || p.Line < 1 {
				t.Fatalf("problem not located: %+v", p)
			}
		}
	})
}

// FuzzParseScenario: on any bytes, ParseScenario never panics; a scenario it
// accepts validates, and writing it out and reading it back gives the same
// scenario.
func FuzzParseScenario(f *testing.F) {
	f.Add([]byte(fullScenario))
	f.Add([]byte("title = \"T\"\npot = 1\n"))
	f.Add([]byte(termsScenario))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := ParseScenario("f.toml", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not Problems: %v", err)
			}
			return
		}
		if err := sc.Validate(); err != nil {
			t.Fatalf("accepted scenario does not validate: %v", err)
		}
		back, err := ParseScenario("f.toml", sc.MarshalTOML())
		if err != nil {
			t.Fatalf("round trip failed: %v\n%s", err, sc.MarshalTOML())
		}
		if !scenarioEqual(sc, back) {
			t.Fatalf("round trip changed the scenario:\n%+v\n%+v", sc, back)
		}
	})
}

// fuzzFields are the keys FuzzSetField's key number picks from: the
// EditableFields in their order (so the seeds keep their meaning), then the
// other keys of a scenario with one tranche and one consequence.
func fuzzFields(sc Scenario) []string {
	keys := slices.Clone(EditableFields)
	for _, k := range sc.Fields() {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// FuzzSetField: on any key number and text, SetField never panics; a text
// it refuses leaves the scenario as it was, and a text it takes shows as a
// FieldText that sets the same value again. The scenario has a schedule,
// one tranche and one consequence, so every kind of key is tried.
func FuzzSetField(f *testing.F) {
	f.Add(0, "£700m")
	f.Add(6, "£1000")
	f.Add(7, "on")
	f.Add(9, "99999999999999999999")
	f.Add(10, "25%, 25%; 50%")
	f.Add(13, "150%")
	f.Add(14, "(1,000)")
	f.Add(0, "Deficits")
	f.Add(15, "PDC")
	f.Add(16, "140%")
	f.Add(17, "2024/25")
	f.Add(18, " forecast")
	f.Add(19, "£1.5m")
	f.Add(20, "Redistribute")
	f.Add(22, "improvement")
	f.Add(23, "200%")
	f.Add(24, "")
	f.Add(25, "50.5%")
	f.Add(26, "balanced")
	f.Fuzz(func(t *testing.T, k int, text string) {
		if k < 0 {
			k = -(k + 1)
		}
		sc := NewScenario()
		r := DefaultRepayment("2023/24")
		sc.Repayment = &r
		sc.AddTranche()
		sc.AddConsequence("2023/24")
		keys := fuzzFields(sc)
		key := keys[k%len(keys)]
		before := sc
		if err := sc.SetField(key, text); err != nil {
			if !scenarioEqual(sc, before) || err.Error() == "" {
				t.Fatalf("%s = %q refused (%v) but changed the scenario", key, text, err)
			}
			return
		}
		shown := sc.FieldText(key)
		again := sc
		if err := again.SetField(key, shown); err != nil || !scenarioEqual(again, sc) {
			t.Fatalf("%s = %q shows as %q, which does not set it again (%v)", key, text, shown, err)
		}
	})
}
