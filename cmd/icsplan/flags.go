package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"icsplan/internal/report"
)

// config is everything the command line says.
type config struct {
	command                 string // a subcommand such as "template"; "" for the default
	name                    string // what a named subcommand acts on ("chart NAME")
	size                    string // --size of a chart
	year, scenario, sheet   string
	regime                  string // --regime NAME: a regime of the library, moved to the plans' year
	pot, writeOff, discount string
	report                  bool
	format                  string
	output                  string
	force                   bool
	path                    string
	showVersion, showHelp   bool
}

// subcommand is a command named by icsplan's first argument. Each lives in
// a file of its own and registers itself from init, so a new one is one
// file; the flags are shared.
type subcommand struct {
	name  string
	usage string // its line under Usage:, such as "template -o FILE  write ..."
	path  bool   // takes a PATH, as the default command does
	named bool   // takes a NAME first ("chart per-head"), which may be left out
	run   func(config, env) error
}

// subcommands are the registered subcommands by name.
var subcommands = map[string]subcommand{}

// register adds a subcommand; it is called from init.
func register(s subcommand) { subcommands[s.name] = s }

// usageError is a mistake on the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

const usageHead = `icsplan — does late-year cash for integrated care systems reward deficit plans?

Usage:
  icsplan [flags] [PATH]           open the TUI on the embedded plans, or on PATH
  icsplan --report [flags] [PATH]  write a report to stdout (or -o FILE)
`

const usageTail = `
PATH is a plans folder (with year folders such as 2023-24), one year folder,
or one systems.csv / systems.xlsx file.

Flags:
  --year 2023/24        financial year to open (default: the latest)
  --scenario NAME|FILE  scenario by file stem in that year, or a .toml file (default: the year's
                        primary scenario, marked primary = true, else the first by name)
  --regime NAME         a real funding regime from the library, run on that year's plans
                        (icsplan regimes lists them: stf-2016-17, psf-2018-19, rab-deductions, ...)
  --sheet NAME          worksheet of systems.xlsx to read (default: the first)
  --pot AMOUNT          override the pot, e.g. "£700m" or 700000000
  --write-off RATE      override the chance the balance is never repaid, e.g. 50%
  --discount-rate RATE  override the discount rate, e.g. 3.5%
  --report              write a report instead of opening the TUI
  --format FORMAT       text (default), markdown, csv, json, email, xlsx or html (a board paper)
  -o FILE               write the report to FILE atomically instead of stdout
  --force               with -o, replace FILE even if it is read-only
  --size SIZE           a chart's size: slide (1280x720, the default), email (800x450) or WIDTHxHEIGHT
  --version             print the version
  -h, --help            show this help

Exit codes: 0 done, 1 bad input (plans, scenario), 2 bad usage.
`

// usage is the help text, with a line for each subcommand by name.
func usage() string {
	names := make([]string, 0, len(subcommands))
	for n := range subcommands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(usageHead)
	for _, n := range names {
		fmt.Fprintf(&b, "  icsplan %s\n", subcommands[n].usage)
	}
	b.WriteString(usageTail)
	return b.String()
}

func parseArgs(args []string) (config, error) {
	var c config
	if len(args) > 0 {
		if s, ok := subcommands[args[0]]; ok {
			c.command = s.name
			args = args[1:]
		}
	}
	fset := newFlagSet(&c)
	// Flags may come before or after PATH: parse, take one positional
	// argument, and parse again, until none are left ("--" ends the flags).
	var rest []string
	for {
		if err := fset.Parse(args); err != nil {
			return c, usageError{flagMessage(err)}
		}
		left := fset.Args()
		if len(left) == 0 {
			break
		}
		if ended := len(args) > len(left) && args[len(args)-len(left)-1] == "--"; ended {
			rest = append(rest, left...)
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	if subcommands[c.command].named && len(rest) > 0 { // NAME, then PATH
		c.name, rest = rest[0], rest[1:]
	}
	switch {
	case c.command != "" && !subcommands[c.command].path && len(rest) > 0:
		return c, usagef("%s takes no arguments, got %q", c.command, rest[0])
	case len(rest) > 1:
		return c, usagef("expected at most one PATH, got %d: %q", len(rest), rest)
	case len(rest) == 1:
		c.path = rest[0]
	}
	if c.format != "" {
		if _, err := report.ParseFormat(c.format); err != nil {
			return c, usageError{err.Error()}
		}
		c.report = true
	}
	if c.output != "" {
		c.report = true
	}
	return c, nil
}

// newFlagSet binds every flag to c.
func newFlagSet(c *config) *flag.FlagSet {
	fset := flag.NewFlagSet("icsplan", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.StringVar(&c.year, "year", "", "")
	fset.StringVar(&c.scenario, "scenario", "", "")
	fset.StringVar(&c.regime, "regime", "", "")
	fset.StringVar(&c.sheet, "sheet", "", "")
	fset.StringVar(&c.pot, "pot", "", "")
	fset.StringVar(&c.writeOff, "write-off", "", "")
	fset.StringVar(&c.discount, "discount-rate", "", "")
	fset.BoolVar(&c.report, "report", false, "")
	fset.StringVar(&c.format, "format", "", "")
	fset.StringVar(&c.output, "o", "", "")
	fset.StringVar(&c.output, "output", "", "")
	fset.BoolVar(&c.force, "force", false, "")
	fset.StringVar(&c.size, "size", "", "")
	fset.BoolVar(&c.showVersion, "version", false, "")
	fset.BoolVar(&c.showHelp, "help", false, "")
	fset.BoolVar(&c.showHelp, "h", false, "")
	return fset
}

// flagMessage words the flag package's errors for people:
// "flag provided but not defined: -bogus" becomes "unknown flag --bogus",
// and "invalid boolean value "x" for -report: parse error" becomes
// "--report takes no value (write --report alone), not "x"".
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + strings.TrimPrefix(name, "-")
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "--" + strings.TrimPrefix(name, "-") + " needs a value"
	}
	// invalid boolean value "x" for -report: parse error
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		if value, name, ok := strings.Cut(rest, " for -"); ok {
			name, _, _ = strings.Cut(name, ":")
			if len(name) > 1 {
				name = "--" + name
			} else {
				name = "-" + name
			}
			return name + " takes no value (write " + name + " alone), not " + value
		}
	}
	return msg
}
