package chart

import (
	"slices"

	"icsplan/internal/analysis"
)

// Chart is a registered chart: its name on the command line, what it shows,
// and how its data is made from an analysis.
type Chart struct {
	Name  string
	About string
	Build func(analysis.Result) Data
}

// charts is the registry, in the order lists show it. A later chart (a
// multi-year series) is one more entry here and a builder in a file of its
// own, as the ending terms' are (incentives.go).
var charts = []Chart{
	{Name: "per-head", About: "cash and effective grant per head, by group, against the fair share", Build: PerHead},
	{Name: "sensitivity", About: "the sensitivity grid as a heat map, with the verdict in each cell", Build: Sensitivity},
	{Name: "transfers", About: "each system's cash above or below its fair share (£000)", Build: Transfers},
	{Name: "repayments", About: "what is due back or given by year: repayments, interest, dividends, deductions and bonuses (£000)", Build: Repayments},
	{Name: "ending-write-off", About: "effective grant per head by group against the write-off probability (the terms that end the reward)", Build: EndingWriteOff},
	{Name: "ending-interest", About: "effective grant per head by group against the interest (or dividend) rate", Build: EndingInterest},
	{Name: "ending-clawback", About: "effective grant per head by group against a clawback of the cash the following year", Build: EndingClawback},
}

// Charts lists every registered chart.
func Charts() []Chart { return slices.Clone(charts) }

// Lookup finds a chart by name.
func Lookup(name string) (Chart, bool) {
	for _, c := range charts {
		if c.Name == name {
			return c, true
		}
	}
	return Chart{}, false
}

// Names lists the registered charts' names.
func Names() []string {
	out := make([]string, len(charts))
	for i, c := range charts {
		out[i] = c.Name
	}
	return out
}
