package main

import (
	"bytes"
	"fmt"
	"strings"

	"icsplan/internal/chart"
	"icsplan/internal/engine"
)

func init() {
	register(subcommand{
		name: "chart",
		usage: "chart NAME -o FILE       draw a chart (FILE ends .svg or .png); NAME is one of\n" +
			strings.Repeat(" ", 35) + strings.Join(chart.Names(), ", "),
		path:  true,
		named: true,
		run:   runChart,
	})
}

// runChart draws one of the board paper's charts for the year, scenario
// and overrides the flags choose, as the report would analyse them; with no
// NAME it lists the charts.
func runChart(c config, e env) error {
	if c.name == "" && c.output != "" {
		return usagef("chart needs a NAME: one of %s", strings.Join(chart.Names(), ", "))
	}
	if c.name == "" {
		var b strings.Builder
		b.WriteString("Charts (icsplan chart NAME -o FILE.svg|FILE.png [--size slide|email|WxH]):\n")
		for _, ch := range chart.Charts() {
			fmt.Fprintf(&b, "  %-12s %s\n", ch.Name, ch.About)
		}
		_, err := e.stdout.Write([]byte(b.String()))
		return err
	}
	ch, ok := chart.Lookup(c.name)
	if !ok {
		return usagef("no chart %q (have %s)", c.name, strings.Join(chart.Names(), ", "))
	}
	if c.output == "" {
		return usagef("chart %s needs -o FILE ending .svg or .png", c.name)
	}
	format, err := chart.FormatOf(c.output)
	if err != nil {
		return usageError{err.Error()}
	}
	size := chart.Slide
	if c.size != "" {
		if size, err = chart.ParseSize(c.size); err != nil {
			return usageError{"--" + err.Error()}
		}
	}
	picked, err := choose(c)
	if err != nil {
		return err
	}
	ds, sc := picked.dataset(), picked.analysed()
	if err := notAnInput(c.output, picked.in.files); err != nil {
		return err
	}
	printNotices(c, picked, e)
	res, err := engine.Analyse(ds, sc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := chart.Render(&buf, ch.Build(res), format, size); err != nil {
		return err
	}
	return writeOutput(c, buf.Bytes())
}
