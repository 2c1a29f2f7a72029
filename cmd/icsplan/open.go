package main

import (
	"bytes"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/internal/report"
	"icsplan/internal/tui"
)

// openPlans is the default command: it loads the plans, takes the year,
// scenario and overrides the flags ask for, and opens the TUI on a terminal
// or else writes a report.
func openPlans(c config, e env) error {
	ch, err := choose(c)
	if err != nil {
		return err
	}
	lib, yi, si := ch.in.lib, ch.year, ch.index
	colour := e.tty && e.getenv("NO_COLOR") == ""
	if !c.report && e.tty {
		if lib.Regimes, err = regimesOf(lib); err != nil { // r in the TUI runs them, as --regime does
			return err
		}
		if si < 0 { // a scenario file from outside the year: show it first
			lib.Years[yi].Scenarios = append([]plan.Scenario{ch.scenario}, lib.Years[yi].Scenarios...)
			si = 0
		}
		return tui.Run(lib, tui.Options{Year: yi, Scenario: si, Colour: colour, Override: ch.over.Apply,
			Headline: engine.AnalyseHeadline, Analyse: engine.AnalyseWithoutIncentives, Incentives: engine.Incentives,
			Strategy: engine.StrategyTrace,
			Prudence: engine.PrudenceTrace, Panel: engine.PanelContext})
	}
	if c.output != "" {
		if err := notAnInput(c.output, ch.in.files); err != nil {
			return err
		}
	}
	printNotices(c, ch, e)
	return writeReport(c, e, ch, colour)
}

// chosen is what the flags pick from the plans, for any command that
// analyses them.
type chosen struct {
	in       loaded         // the plans, and the files read (the --scenario file too)
	year     int            // index into in.lib.Years
	scenario plan.Scenario  // as picked, before the overrides
	index    int            // its index in the year's scenarios; -1 for a --scenario file from elsewhere, a shipped one or a --regime
	shipped  bool           // a shipped scenario applied to the user's own plans
	over     plan.Overrides // --pot, --write-off and --discount-rate
}

// choose loads the plans and picks the year, scenario and overrides the
// flags ask for; plan does the choosing, but for a shipped scenario named
// for the user's own plans (pickScenario).
func choose(c config) (chosen, error) {
	over, err := plan.ParseOverrides(c.pot, c.writeOff, c.discount)
	if err != nil {
		return chosen{}, err
	}
	in, err := loadPlans(c)
	if err != nil {
		return chosen{}, err
	}
	yi, err := in.lib.Year(c.year)
	if err != nil {
		return chosen{}, err
	}
	var sc plan.Scenario
	si, shipped := -1, false
	if c.regime != "" {
		sc, err = pickRegime(c, in.lib, in.lib.Years[yi])
	} else {
		sc, si, shipped, err = pickScenario(c, in.lib.Years[yi])
	}
	if err != nil {
		return chosen{}, err
	}
	if si < 0 && !shipped && c.scenario != "" {
		in.files = append(in.files, c.scenario)
	}
	if err := over.Check(sc); err != nil {
		return chosen{}, err
	}
	return chosen{in: in, year: yi, scenario: sc, index: si, shipped: shipped, over: over}, nil
}

// dataset is the chosen year's systems.
func (ch chosen) dataset() plan.Dataset { return ch.in.lib.Years[ch.year].Dataset }

// primaryYear is the chosen year when the scenario is its primary one as
// loaded, no override applied, so that the panel can take the report's own
// analysis for it; -1 otherwise.
func (ch chosen) primaryYear() int {
	if ch.index >= 0 && ch.index == ch.in.lib.Years[ch.year].Primary() && ch.over.None() {
		return ch.year
	}
	return -1
}

// analysed is the chosen scenario with the overrides applied.
func (ch chosen) analysed() plan.Scenario { return ch.over.Apply(ch.scenario) }

// writeReport analyses the scenario and writes the report to -o FILE or to
// stdout, whole: nothing is half-written on an error. A library of two or
// more years gives the report its panel across years, in the formats that
// show it (report.ShowsPanel).
func writeReport(c config, e env, ch chosen, colour bool) error {
	format := report.Text
	if c.format != "" {
		format, _ = report.ParseFormat(c.format)
	}
	if c.output == "" && format == report.XLSX && e.tty {
		return usagef("--format xlsx writes a workbook: give -o FILE.xlsx")
	}
	res, err := engine.Analyse(ch.dataset(), ch.analysed())
	if err != nil {
		return err
	}
	if report.ShowsPanel(format) {
		if res.Panel, err = panelOf(ch, format, res); err != nil {
			return err
		}
	}
	opt := report.Options{Colour: colour && c.output == "" && format == report.Text}
	if c.output == "" {
		return report.Render(e.stdout, res, format, opt) // whole in memory first, then one write
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, res, format, opt); err != nil {
		return err
	}
	return writeOutput(c, buf.Bytes())
}
