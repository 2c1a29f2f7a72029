package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"icsplan/internal/plan"
	"icsplan/internal/sanitize"
	"icsplan/plans"
)

func init() {
	register(subcommand{
		name:  "regimes",
		usage: "regimes [PATH]           list the regime library that --regime NAME runs",
		path:  true,
		run:   runRegimes,
	})
}

// regimesOf is the regime library of lib, or the embedded one when lib's
// plans folder has none.
func regimesOf(lib plan.Library) ([]plan.Scenario, error) {
	if len(lib.Regimes) > 0 {
		return lib.Regimes, nil
	}
	emb, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		return nil, fmt.Errorf("the embedded regime library: %w", err)
	}
	return emb.Regimes, nil
}

// pickRegime is --regime NAME on year y: the regime moved to y's plans.
// --regime and --scenario both choose the scenario, so both is a mistake.
func pickRegime(c config, lib plan.Library, y plan.Year) (plan.Scenario, error) {
	if c.scenario != "" {
		return plan.Scenario{}, usagef("--regime and --scenario both choose the scenario: give one of them")
	}
	regimes, err := regimesOf(lib)
	if err != nil {
		return plan.Scenario{}, err
	}
	return plan.PickRegime(regimes, c.regime, y)
}

// runRegimes lists the regimes: name, the year each was written for, and
// its title.
func runRegimes(c config, e env) error {
	in, err := loadPlans(c)
	if err != nil {
		return err
	}
	regimes, err := regimesOf(in.lib)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("Regimes, run on any year's plans with icsplan --regime NAME (their years move to the plans' year):\n\n")
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range regimes {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", sanitize.Text(r.Name), sanitize.Text(r.Year), sanitize.Text(r.Title))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}
