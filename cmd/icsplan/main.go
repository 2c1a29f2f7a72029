// Command icsplan shows whether late-year cash for integrated care systems
// rewards deficit plans over balanced ones.
//
//	icsplan [flags] [PATH]          the TUI (or the text report when stdout is not a terminal)
//	icsplan --report [flags] [PATH] a report for scripts and email
//	icsplan template -o FILE        an empty plans file (.csv or .xlsx)
//
// main.go parses the command line, runs one command and prints its error
// once; flags.go holds the flags and the usage text, open.go the default
// command and each subcommand a file of its own (template.go). Choosing a
// year and a scenario and reading overrides is plan's work; cmd only maps
// the operating system's files to an fs.FS. Exit codes are 0 done, 1 bad
// input, 2 bad usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"icsplan/internal/plan"
	"icsplan/internal/sanitize"

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

// gcPercent is the garbage collector's target for the process: a report
// is short-lived and its heap small, so collecting when the heap has grown
// fivefold rather than doubled saves about a fifth of a report's CPU
// (BenchmarkReportProcess) for little memory: measured on a JSON report of
// 20,000 systems (the cap), peak RSS 135 MB at the default and 151 MB at
// 400, CPU 1.27 s against 0.92 s. GOGC in the environment still wins.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	tty := term.IsTerminal(int(os.Stdout.Fd())) && term.IsTerminal(int(os.Stdin.Fd()))
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, tty, os.Getenv))
}

// env is what a command may use of the world outside: where its output
// and notices go, whether it runs on a terminal, and the environment.
type env struct {
	stdout io.Writer
	stderr io.Writer // for notices beside a report; errors are printed once, by run
	tty    bool
	getenv func(string) string
}

// run is the whole program but for the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer, tty bool, getenv func(string) string) int {
	c, err := parseArgs(args)
	if err == nil {
		err = dispatch(c, env{stdout: stdout, stderr: stderr, tty: tty, getenv: getenv})
	}
	var ue usageError
	var ce *plan.ChoiceError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), errors.As(err, &ce):
		fmt.Fprintf(stderr, "icsplan: %s\n\n%s", sanitize.Text(err.Error()), usage())
		return exitUsage
	}
	printError(stderr, err)
	return exitBadInput
}

// dispatch runs what the command line asks for.
func dispatch(c config, e env) error {
	switch {
	case c.showHelp:
		_, err := io.WriteString(e.stdout, usage())
		return err
	case c.showVersion:
		_, err := fmt.Fprintf(e.stdout, "icsplan %s\n", versionString())
		return err
	case c.command != "":
		return subcommands[c.command].run(c, e)
	}
	return openPlans(c, e)
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
		s := "s"
		if len(ps) == 1 {
			s = ""
		}
		fmt.Fprintf(stderr, "icsplan: %d problem%s; nothing was computed\n", len(ps), s)
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "icsplan: %s\n", sanitize.Text(line))
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
