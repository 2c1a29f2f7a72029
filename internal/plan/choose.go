package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ChoiceError is a mistake in what was asked for rather than in a file: a
// year or scenario the plans do not have, or an override that cannot be
// read. Its message names the option as the command line gives it (--year,
// --pot), so a command reports it as it is, as a usage error.
type ChoiceError struct {
	Option  string // "--year", "--scenario", "--pot", "--write-off" or "--discount-rate"
	Message string
}

// Error is the message, naming the option.
func (e *ChoiceError) Error() string { return e.Message }

func choiceErrorf(option, format string, a ...any) *ChoiceError {
	return &ChoiceError{Option: option, Message: fmt.Sprintf(format, a...)}
}

// Year finds the year want names, as a label ("2023/24") or a folder name
// ("2023-24"), and returns its index in lib.Years; "" is the latest year.
// A year the library does not have is a *ChoiceError; a library with no
// years wraps ErrNoPlans.
func (lib Library) Year(want string) (int, error) {
	if len(lib.Years) == 0 {
		return 0, fmt.Errorf("%s: %w", lib.Root, ErrNoPlans)
	}
	if want == "" {
		return len(lib.Years) - 1, nil
	}
	have := make([]string, len(lib.Years))
	for i, y := range lib.Years {
		if y.Label == want || y.Dir == want {
			return i, nil
		}
		have[i] = y.Label
	}
	return 0, choiceErrorf("--year", "--year %s: no such year in %s (have %s)", want, lib.Root, strings.Join(have, ", "))
}

// PickScenario finds the scenario want names and its index in y.Scenarios:
// "" is the year's primary scenario (the first by name unless one is marked
// primary = true), and a scenario's Name picks it. Otherwise a want that
// names a file (it ends .toml or holds a slash or backslash) is read from
// name within fsys (the caller's view of where want points) as Load reads
// a file (only a regular file, at most MaxFileBytes), parsed and checked
// against y's plans as ValidateFor does, each problem with its line; its
// index is -1, since it is not one of the year's. Any other want is a
// *ChoiceError.
func (y Year) PickScenario(want string, fsys fs.FS, name string) (Scenario, int, error) {
	if want == "" {
		i := y.Primary()
		return y.Scenarios[i], i, nil
	}
	names := make([]string, len(y.Scenarios))
	for i, s := range y.Scenarios {
		if s.Name == want {
			return s, i, nil
		}
		names[i] = s.Name
	}
	if !strings.HasSuffix(want, ".toml") && !strings.ContainsAny(want, `/\`) {
		return Scenario{}, 0, choiceErrorf("--scenario", "--scenario %s: no such scenario in %s (have %s)", want, y.Label, strings.Join(names, ", "))
	}
	data, err := readInput(fsys, name, want)
	var ps Problems
	switch {
	case errors.As(err, &ps): // not a regular file, or too long
		return Scenario{}, -1, err
	case err != nil:
		return Scenario{}, -1, fmt.Errorf("cannot read scenario %s: %w", want, errors.Unwrap(err))
	}
	sc, lineOf, err := readScenario(want, data)
	if err != nil {
		return sc, -1, err
	}
	// As ValidateFor, with lines: the year it was written for, repayment
	// or terms starting before the plans' year.
	if ps := yearProblems(sc, y.Dataset.Year); len(ps) > 0 {
		for i := range ps {
			ps[i].File, ps[i].Line = want, lineOf(ps[i].Column)
		}
		return sc, -1, ps
	}
	return sc, -1, nil
}
