package main

import (
	"bytes"
	"context"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/report"
)

// icsplan years: the plans library read across years, each year through
// its primary scenario, in any report format.

func init() {
	register(subcommand{
		name:  "years",
		usage: "years [PATH]             the panel across years: is planning a bidding process? (any --format)",
		path:  true,
		run:   runYears,
	})
}

// runYears writes the Years report of the plans at PATH (or the embedded
// plans) to stdout or -o FILE.
func runYears(c config, e env) error {
	for _, f := range []struct{ flag, value string }{{"--year", c.year}, {"--scenario", c.scenario}, {"--regime", c.regime},
		{"--pot", c.pot}, {"--write-off", c.writeOff}, {"--discount-rate", c.discount}} {
		if f.value != "" {
			return usagef("years reads every year through its primary scenario, so %s does not apply", f.flag)
		}
	}
	in, err := loadPlans(c)
	if err != nil {
		return err
	}
	if n := len(in.lib.Years); n < 2 {
		have := "no years"
		if n == 1 {
			have = "only " + in.lib.Years[0].Label
		}
		return &yearsError{root: in.lib.Root, have: have}
	}
	p, err := engine.Panel(in.lib)
	if err != nil {
		return err
	}
	format := report.Text
	if c.format != "" {
		format, _ = report.ParseFormat(c.format)
	}
	if c.output == "" && format == report.XLSX && e.tty {
		return usagef("--format xlsx writes a workbook: give -o FILE.xlsx")
	}
	if c.output != "" {
		if err := notAnInput(c.output, in.files); err != nil {
			return err
		}
	}
	colour := e.tty && e.getenv("NO_COLOR") == "" && c.output == "" && format == report.Text
	var buf bytes.Buffer
	if err := report.RenderPanel(&buf, p, format, report.Options{Colour: colour}); err != nil {
		return err
	}
	if c.output != "" {
		return writeOutput(c, buf.Bytes())
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}

// yearsError says the plans hold too few years for a panel (exit 1: the
// input, not the command line, is short).
type yearsError struct{ root, have string }

func (e *yearsError) Error() string {
	return "years needs plans of two or more years, in year folders such as 2023-24 and 2024-25; " +
		strings.TrimSpace(e.root) + " has " + e.have
}

// panelOf is the panel a one-year report of ch in format f reads, or nil
// when the library has fewer than two years: the years report.PanelYears
// names (all of them, or for the email the pair of years it speaks of),
// with res, the report's own analysis, taken as it is for the chosen year
// when its scenario is the year's primary one (chosen.primaryYear).
func panelOf(ch chosen, f report.Format, res analysis.Result) (*analysis.Panel, error) {
	lib := ch.in.lib
	if len(lib.Years) < 2 {
		return nil, nil
	}
	first, last := report.PanelYears(f, len(lib.Years), ch.year)
	reuse := ch.primaryYear()
	if reuse >= 0 {
		reuse -= first
	}
	lib.Years = lib.Years[first : last+1]
	p, err := engine.PanelReusing(context.Background(), lib, reuse, res)
	if err != nil {
		return nil, err
	}
	return &p, nil
}
