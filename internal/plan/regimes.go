package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// RegimesDir is the folder beside the year folders of a plans folder that
// holds the regime library: scenario files modelled on real funding
// regimes, each written for the plans' year it ran in (its year key) and
// applied to any year's plans by moving its years (Scenario.ForYear).
const RegimesDir = "regimes"

// regimes reads the regime files in dir, noting problems.
func (l *loader) regimes(dir string) []Scenario {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && !skipped(e.Name()) && strings.EqualFold(path.Ext(e.Name()), ".toml") {
			names = append(names, e.Name())
		}
	}
	sort.Slice(names, func(i, j int) bool { return stem(names[i]) < stem(names[j]) })
	var out []Scenario
	for _, f := range names {
		rel := path.Join(dir, f)
		data, ok := l.readFile(rel)
		if !ok {
			continue
		}
		name := l.name(rel)
		sc, _, err := readScenario(name, data)
		switch {
		case err != nil:
			l.addErr(name, err)
		case sc.Year == "":
			l.probs = append(l.probs, Problem{File: name, Line: 1, Column: "year",
				Message: "is missing: a regime says the plans' year it was written for, like year = \"2016/17\", so that its years can be moved to the plans it is applied to"})
		default:
			out = append(out, sc)
		}
	}
	return out
}

// ForYear returns the scenario moved to plans of the year label ("2024/25"):
// every financial year it names — its year, each tranche's paid year, each
// consequence's year and repayment.first_year — moves by the number of
// years from the year it was written for (s.Year) to label, so a regime
// that deducted an overspend the year after 2005/06 deducts it the year
// after label. A scenario that does not say its year, or is already for
// label, is returned as it is. The informational paid date is not moved.
func (s Scenario) ForYear(label string) (Scenario, error) {
	if s.Year == "" || s.Year == label {
		return s, nil
	}
	from, err := yearStart(s.Year)
	if err != nil {
		return s, fmt.Errorf("scenario %s: year: %w", s.Name, err)
	}
	to, err := yearStart(label)
	if err != nil {
		return s, fmt.Errorf("plans' year: %w", err)
	}
	var bad error
	move := func(y string) string {
		if y == "" {
			return ""
		}
		start, err := yearStart(y)
		if err != nil {
			bad = errors.Join(bad, err)
			return y
		}
		return yearText(start + to - from)
	}
	s.Year = label
	s.Tranches = append([]Tranche(nil), s.Tranches...)
	for i := range s.Tranches {
		s.Tranches[i].Paid = move(s.Tranches[i].Paid)
	}
	s.Consequences = append([]Consequence(nil), s.Consequences...)
	for i := range s.Consequences {
		s.Consequences[i].Year = move(s.Consequences[i].Year)
	}
	if s.Repayment != nil {
		r := *s.Repayment
		r.FirstYear = move(r.FirstYear)
		s.Repayment = &r
	}
	if bad != nil {
		return s, fmt.Errorf("scenario %s: %w", s.Name, bad)
	}
	return s, nil
}

// PickRegime finds the regime named want among regimes (by Name), moves it
// to y's plans (ForYear) and checks it against them as ValidateFor does. A
// name that is not there is a *ChoiceError naming --regime and the names
// there are.
func PickRegime(regimes []Scenario, want string, y Year) (Scenario, error) {
	names := make([]string, len(regimes))
	for i, r := range regimes {
		if r.Name == want {
			sc, err := r.ForYear(y.Label)
			if err == nil {
				err = sc.ValidateFor(y.Dataset)
			}
			return sc, err
		}
		names[i] = r.Name
	}
	if len(names) == 0 {
		return Scenario{}, choiceErrorf("--regime", "--regime %s: there is no regime library", want)
	}
	return Scenario{}, choiceErrorf("--regime", "--regime %s: no such regime (have %s)", want, strings.Join(names, ", "))
}
