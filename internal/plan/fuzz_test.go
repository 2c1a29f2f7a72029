package plan

import (
	"errors"
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
