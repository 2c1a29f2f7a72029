// Command icsplan shows whether late-year cash for integrated care systems
// rewards deficit plans over balanced ones.
//
//	icsplan [flags] [PATH]          the TUI (or the text report when stdout is not a terminal)
//	icsplan --report [flags] [PATH] a report for scripts and email
//	icsplan template -o FILE        an empty plans file (.csv or .xlsx)
//
// This file only reads flags, picks the data and hands over to the internal
// packages; exit codes are 0 done, 1 bad input, 2 bad usage.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"icsplan/internal/atomicfile"
	"icsplan/internal/engine"
	"icsplan/internal/money"
	"icsplan/internal/plan"
	"icsplan/internal/report"
	"icsplan/internal/sanitize"
	"icsplan/internal/tui"
	"icsplan/plans"

	"github.com/shopspring/decimal"
	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	tty := term.IsTerminal(int(os.Stdout.Fd())) && term.IsTerminal(int(os.Stdin.Fd()))
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, tty, os.Getenv))
}

// usageError is a mistake on the command line (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// config is everything the flags say.
type config struct {
	year, scenario, sheet   string
	pot, writeOff, discount string
	report                  bool
	format                  string
	output                  string
	path                    string
	showVersion, showHelp   bool
	templateMode            bool
}

const usageText = `icsplan — does late-year cash for integrated care systems reward deficit plans?

Usage:
  icsplan [flags] [PATH]           open the TUI on the embedded plans, or on PATH
  icsplan --report [flags] [PATH]  write a report to stdout (or -o FILE)
  icsplan template -o FILE         write an empty plans file (FILE ends .csv or .xlsx)

PATH is a plans folder (with year folders such as 2023-24), one year folder,
or one systems.csv / systems.xlsx file.

Flags:
  --year 2023/24        financial year to open (default: the latest)
  --scenario NAME|FILE  scenario by file stem in that year, or a .toml file (default: the first by name)
  --sheet NAME          worksheet of systems.xlsx to read (default: the first)
  --pot AMOUNT          override the pot, e.g. "£700m" or 700000000
  --write-off RATE      override the chance the balance is never repaid, e.g. 50%
  --discount-rate RATE  override the discount rate, e.g. 3.5%
  --report              write a report instead of opening the TUI
  --format FORMAT       text (default), markdown, csv, json, email or xlsx
  -o FILE               write the report to FILE atomically instead of stdout
  --version             print the version
  -h, --help            show this help

Exit codes: 0 done, 1 bad input (plans, scenario), 2 bad usage.
`

func parseArgs(args []string) (config, error) {
	var c config
	if len(args) > 0 && args[0] == "template" {
		c.templateMode = true
		args = args[1:]
	}
	fset := flag.NewFlagSet("icsplan", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.StringVar(&c.year, "year", "", "")
	fset.StringVar(&c.scenario, "scenario", "", "")
	fset.StringVar(&c.sheet, "sheet", "", "")
	fset.StringVar(&c.pot, "pot", "", "")
	fset.StringVar(&c.writeOff, "write-off", "", "")
	fset.StringVar(&c.discount, "discount-rate", "", "")
	fset.BoolVar(&c.report, "report", false, "")
	fset.StringVar(&c.format, "format", "", "")
	fset.StringVar(&c.output, "o", "", "")
	fset.StringVar(&c.output, "output", "", "")
	fset.BoolVar(&c.showVersion, "version", false, "")
	fset.BoolVar(&c.showHelp, "help", false, "")
	fset.BoolVar(&c.showHelp, "h", false, "")
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
	switch {
	case c.templateMode && len(rest) > 0:
		return c, usagef("template takes no arguments, got %q", rest[0])
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

// flagMessage words the flag package's errors for people:
// "flag provided but not defined: -bogus" becomes "unknown flag --bogus".
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + strings.TrimPrefix(name, "-")
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "--" + strings.TrimPrefix(name, "-") + " needs a value"
	}
	return msg
}

func run(args []string, stdout, stderr io.Writer, tty bool, getenv func(string) string) int {
	c, err := parseArgs(args)
	if err == nil {
		err = dispatch(c, stdout, tty, getenv)
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "icsplan: %s\n\n%s", ue.msg, usageText)
		return exitUsage
	default:
		printError(stderr, err)
		return exitBadInput
	}
}

// printError writes an input error to stderr. Problems in files go one to a
// line, each starting FILE:LINE so editors can jump to it; every line is
// made safe for the terminal, since it may quote the file's contents.
func printError(stderr io.Writer, err error) {
	var ps plan.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		for _, p := range ps {
			fmt.Fprintln(stderr, sanitize.Text(p.Error()))
		}
		fmt.Fprintf(stderr, "icsplan: %d problem%s; nothing was computed\n", len(ps), plural(len(ps)))
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "icsplan: %s\n", sanitize.Text(line))
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func dispatch(c config, stdout io.Writer, tty bool, getenv func(string) string) error {
	switch {
	case c.showHelp:
		_, err := io.WriteString(stdout, usageText)
		return err
	case c.showVersion:
		_, err := fmt.Fprintf(stdout, "icsplan %s\n", versionString())
		return err
	case c.templateMode:
		return writeTemplate(c.output)
	}
	override, err := overrides(c)
	if err != nil {
		return err
	}
	lib, err := loadLibrary(c)
	if err != nil {
		return err
	}
	yi, err := pickYear(lib, c.year)
	if err != nil {
		return err
	}
	sc, si, err := pickScenario(lib.Years[yi], c.scenario)
	if err != nil {
		return err
	}
	colour := tty && getenv("NO_COLOR") == ""
	if !c.report && tty {
		if si < 0 { // a scenario file from outside the year: show it first
			lib.Years[yi].Scenarios = append([]plan.Scenario{sc}, lib.Years[yi].Scenarios...)
			si = 0
		}
		return tui.Run(lib, tui.Options{Year: yi, Scenario: si, Colour: colour, Override: override, Analyse: engine.AnalyseContext})
	}
	res, err := engine.Analyse(lib.Years[yi].Dataset, override(sc))
	if err != nil {
		return err
	}
	format := report.Text
	if c.format != "" {
		format, _ = report.ParseFormat(c.format)
	}
	opt := report.Options{Colour: colour && c.output == "" && format == report.Text}
	if c.output != "" {
		return report.WriteFile(c.output, res, format, opt)
	}
	if format == report.XLSX && tty {
		return usagef("--format xlsx writes a workbook: give -o FILE.xlsx")
	}
	var buf bytes.Buffer // render whole before writing: nothing half-written on error
	if err := report.Render(&buf, res, format, opt); err != nil {
		return err
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}

// overrides turns --pot, --write-off and --discount-rate into a function
// applied to every scenario analysed.
func overrides(c config) (func(plan.Scenario) plan.Scenario, error) {
	var set []func(*plan.Scenario)
	if c.pot != "" {
		pot, err := money.Parse(c.pot)
		if err != nil || pot.IsNegative() {
			return nil, usagef("--pot: cannot read %q as a pot of money", c.pot)
		}
		set = append(set, func(s *plan.Scenario) { s.Pot = pot })
	}
	if c.writeOff != "" {
		w, err := money.ParseRate(c.writeOff)
		if err != nil || w.GreaterThan(one) {
			return nil, usagef("--write-off: cannot read %q as a probability between 0%% and 100%%", c.writeOff)
		}
		set = append(set, func(s *plan.Scenario) { s.Assumptions.WriteOff = w })
	}
	if c.discount != "" {
		r, err := money.ParseRate(c.discount)
		if err != nil {
			return nil, usagef("--discount-rate: cannot read %q as a rate", c.discount)
		}
		set = append(set, func(s *plan.Scenario) { s.Assumptions.DiscountRate = r })
	}
	return func(s plan.Scenario) plan.Scenario {
		for _, f := range set {
			f(&s)
		}
		return s
	}, nil
}

// loadLibrary reads PATH, or the embedded plans when none is given.
func loadLibrary(c config) (plan.Library, error) {
	opt := plan.Options{Sheet: c.sheet, Year: c.year}
	if c.path == "" {
		return plan.Load(plans.FS, ".", "embedded plans", opt)
	}
	info, err := os.Stat(c.path)
	if err != nil {
		return plan.Library{}, fmt.Errorf("cannot open %s: %w", c.path, unwrapPathError(err))
	}
	abs, err := filepath.Abs(c.path)
	if err != nil {
		return plan.Library{}, err
	}
	var fsys fs.FS
	name := "."
	if info.IsDir() {
		// Open it from its parent so the folder's own name ("2023-24") is
		// seen even when PATH is "." or "..".
		if parent := filepath.Dir(abs); parent != abs {
			fsys = os.DirFS(parent)
			name = filepath.Base(abs)
		} else { // the root of a drive
			fsys = os.DirFS(abs)
		}
	} else {
		// Keep the parent in view so a file in a year folder knows its year.
		dir := filepath.Dir(abs)
		if parent := filepath.Dir(dir); parent != dir {
			fsys = os.DirFS(parent)
			name = filepath.Base(dir) + "/" + filepath.Base(abs)
		} else { // a file at the root of a drive
			fsys = os.DirFS(dir)
			name = filepath.Base(abs)
		}
	}
	return plan.Load(fsys, name, c.path, opt)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// pickYear finds --year, or the latest year.
func pickYear(lib plan.Library, want string) (int, error) {
	if len(lib.Years) == 0 {
		return 0, fmt.Errorf("%s: %w", lib.Root, plan.ErrNoPlans)
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
	return 0, usagef("--year %s: no such year in %s (have %s)", want, lib.Root, strings.Join(have, ", "))
}

// pickScenario finds --scenario by stem in the year, or reads it from a
// file; the index is -1 for a file from outside the year.
func pickScenario(y plan.Year, want string) (plan.Scenario, int, error) {
	if want == "" {
		return y.Scenarios[0], 0, nil
	}
	names := make([]string, len(y.Scenarios))
	for i, s := range y.Scenarios {
		if s.Name == want {
			return s, i, nil
		}
		names[i] = s.Name
	}
	if strings.HasSuffix(want, ".toml") || strings.ContainsAny(want, `/\`) {
		data, err := os.ReadFile(want)
		if err != nil {
			return plan.Scenario{}, 0, fmt.Errorf("cannot read scenario %s: %w", want, unwrapPathError(err))
		}
		sc, err := plan.ParseScenario(want, data)
		if err == nil {
			err = sc.ValidateFor(y.Dataset) // e.g. repayment starting before the plans' year
		}
		return sc, -1, err
	}
	return plan.Scenario{}, 0, usagef("--scenario %s: no such scenario in %s (have %s)", want, y.Label, strings.Join(names, ", "))
}

// writeTemplate writes an empty plans file; the format follows the extension.
func writeTemplate(path string) error {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if path == "" || (ext != "csv" && ext != "xlsx") {
		return usagef("template needs -o FILE ending .csv or .xlsx")
	}
	data, err := plan.Template(ext)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, atomicfile.Options{})
}

var one = decimal.NewFromInt(1)

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
