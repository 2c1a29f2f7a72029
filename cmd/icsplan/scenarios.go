package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"icsplan/internal/plan"
	"icsplan/internal/sanitize"
	"icsplan/plans"
)

// The shipped scenarios: listed by icsplan scenarios, and applied by
// --scenario NAME to a user's own plans of the same year.

func init() {
	register(subcommand{
		name:  "scenarios",
		usage: "scenarios                list the shipped scenarios (--scenario NAME applies one to your plans)",
		run:   runScenarios,
	})
}

// shippedLibrary is the plans embedded in the binary.
func shippedLibrary() (plan.Library, error) {
	return plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
}

// runScenarios lists the shipped scenarios: name, year and title.
func runScenarios(_ config, e env) error {
	lib, err := shippedLibrary()
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("Shipped scenarios (icsplan --scenario NAME applies one, to your own plans of the same year too):\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, y := range lib.Years {
		for _, sc := range y.Scenarios {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", sc.Name, y.Label, sanitize.Text(sc.Title))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = io.WriteString(e.stdout, b.String())
	return err
}

// shippedScenario finds the shipped scenario want names for the user's
// year y, when y's plans have none of that name: ok is false if no shipped
// scenario has the name; one shipped only for other years is a
// *plan.ChoiceError naming them.
func shippedScenario(want string, y plan.Year) (plan.Scenario, bool, error) {
	lib, err := shippedLibrary()
	if err != nil {
		return plan.Scenario{}, false, err
	}
	var years []string
	for _, sy := range lib.Years {
		for _, sc := range sy.Scenarios {
			if sc.Name != want {
				continue
			}
			if sy.Label == y.Label {
				return sc, true, sc.ValidateFor(y.Dataset)
			}
			years = append(years, sy.Label)
		}
	}
	if len(years) == 0 {
		return plan.Scenario{}, false, nil
	}
	return plan.Scenario{}, true, &plan.ChoiceError{Option: "--scenario", Message: fmt.Sprintf(
		"--scenario %s is a shipped scenario for %s, but these plans are for %s: a scenario applies to plans of its own year (icsplan scenarios lists them)",
		want, strings.Join(years, " and "), y.Label)}
}

// pickScenario is the year's PickScenario, and then, for the user's own
// plans, a shipped scenario of that name.
func pickScenario(c config, y plan.Year) (plan.Scenario, int, bool, error) {
	fsys, name := scenarioFile(c.scenario)
	sc, si, err := y.PickScenario(c.scenario, fsys, name)
	var ce *plan.ChoiceError
	if c.path == "" || !errors.As(err, &ce) || ce.Option != "--scenario" {
		return sc, si, false, err
	}
	shipped, found, serr := shippedScenario(c.scenario, y)
	if !found {
		return sc, si, false, err
	}
	return shipped, -1, true, serr
}

// notices are what a report or chart says on stderr, not in itself: the
// plans' warnings (headings ignored or misspelt, totals rows skipped), the
// scenario's (a pot below £1,000 a system), for the user's own plans how
// many rows are illustrative, and which scenario is applied when the
// user's folder has none or it is a shipped one. Each line follows
// "icsplan: ".
func notices(c config, ch chosen) []string {
	ds := ch.dataset()
	var out []string
	warn := func(w string) { out = append(out, "warning: "+w) }
	for _, w := range ds.Warnings {
		warn(w)
	}
	for _, w := range ch.scenario.Warnings(ds) {
		warn(w)
	}
	if c.path == "" {
		return out
	}
	if w := ds.IllustrativeWarning(); w != "" {
		warn(w)
	}
	switch {
	case ch.shipped:
		out = append(out, fmt.Sprintf("applying the shipped scenario %s, %q, to %s", ch.scenario.Name, ch.scenario.Title, ds.Path))
	case c.scenario == "" && ch.scenario.Path == "":
		out = append(out, fmt.Sprintf("no scenario file beside %s, so applying %q; give --scenario NAME or FILE for another (icsplan scenarios lists the shipped ones)",
			ds.Path, ch.scenario.Title))
	}
	return out
}

// printNotices writes notices to stderr, each made safe for the terminal.
func printNotices(c config, ch chosen, e env) {
	for _, n := range notices(c, ch) {
		fmt.Fprintf(e.stderr, "icsplan: %s\n", sanitize.Text(n))
	}
}
