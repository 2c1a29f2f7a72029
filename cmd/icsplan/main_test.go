package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// result is what one run of the command did.
type result struct {
	code           int
	stdout, stderr string
}

// runWith calls run as main does, with the given terminal state and environment.
func runWith(t *testing.T, tty bool, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, tty, func(k string) string { return env[k] })
	return result{code, out.String(), errb.String()}
}

func runArgs(t *testing.T, args ...string) result { return runWith(t, false, nil, args...) }

func (r result) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// writeFile writes a file, making its folder.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goodPlans is a small valid plans folder.
func goodPlans(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2023-24", "systems.csv"),
		"code,name,population,plan (£000)\nAAA,Alpha,1000,(500)\nBBB,Beta,3000,0\nCCC,Gamma,2000,(100)\n")
	return dir
}

func TestVersionAndHelp(t *testing.T) {
	r := runArgs(t, "--version")
	r.want(t, exitOK)
	if !regexp.MustCompile(`^icsplan \S+\n$`).MatchString(r.stdout) {
		t.Errorf("--version printed %q", r.stdout)
	}
	for _, h := range []string{"--help", "-h", "-help"} {
		r := runArgs(t, h)
		r.want(t, exitOK)
		if !strings.Contains(r.stdout, "Usage:") || r.stderr != "" {
			t.Errorf("%s: stdout %q stderr %q", h, r.stdout, r.stderr)
		}
	}
	help := runArgs(t, "--help").stdout
	for _, line := range []string{
		"\n  icsplan template -o FILE         write an empty plans file (FILE ends .csv or .xlsx)\n",
		"\n  --force               with -o, replace FILE even if it is read-only\n",
	} {
		if !strings.Contains(help, line) {
			t.Errorf("the help lacks %q", line)
		}
	}
}

// TestSwitchGivenAValue: the flag package's "invalid boolean value" is
// worded for people.
func TestSwitchGivenAValue(t *testing.T) {
	r := runArgs(t, "--report=maybe")
	r.want(t, exitUsage)
	if !strings.HasPrefix(r.stderr, "icsplan: --report takes no value (write --report alone), not \"maybe\"\n") {
		t.Errorf("%s", r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"},
		{"--format", "pdf"},
		{"--report", "a", "b"},
		{"--pot", "lots"},
		{"--write-off", "150%"},
		{"--discount-rate", "fast"},
		{"--year", "1999/00"},
		{"--scenario", "no-such-scenario"},
		{"template"},
		{"template", "-o", "plans.txt"},
		{"template", "-o", "x.csv", "extra"},
	} {
		r := runArgs(t, args...)
		if r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d\n%s", args, r.code, exitUsage, r.stderr)
			continue
		}
		if r.stdout != "" {
			t.Errorf("%q: stdout not empty", args)
		}
		if !strings.HasPrefix(r.stderr, "icsplan: ") || !strings.Contains(r.stderr, "Usage:") {
			t.Errorf("%q: stderr lacks the message and usage:\n%s", args, r.stderr)
		}
	}
	r := runArgs(t, "--bogus")
	if !strings.HasPrefix(r.stderr, "icsplan: unknown flag --bogus\n") {
		t.Errorf("unknown flag message:\n%s", r.stderr)
	}
	r = runArgs(t, "--year")
	if !strings.HasPrefix(r.stderr, "icsplan: --year needs a value\n") || r.code != exitUsage {
		t.Errorf("missing value message (exit %d):\n%s", r.code, r.stderr)
	}
	r = runArgs(t, "--format", "pdf")
	if !strings.Contains(r.stderr, `"pdf"`) {
		t.Errorf("unknown format message does not name it:\n%s", r.stderr)
	}
	// xlsx to a terminal needs a file.
	runWith(t, true, nil, "--format", "xlsx").want(t, exitUsage)
}

func TestHostileTextInErrorsIsSafe(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2023-24", "systems.csv"),
		"code,name,population,plan\nAAA,Alpha,1000,\"1\x1b]52;c;ZXZpbA==\x07\"\n")
	r := runArgs(t, "--report", dir)
	r.want(t, exitBadInput)
	if strings.ContainsAny(r.stderr, "\x1b\x07") {
		t.Errorf("stderr carries raw escape sequences: %q", r.stderr)
	}
}

func TestFlagsAfterPath(t *testing.T) {
	dir := goodPlans(t)
	r := runArgs(t, dir, "--format", "json")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, `"systems": 3`) {
		t.Errorf("flags after PATH were not read:\n%.300s", r.stdout)
	}
	r = runArgs(t, "--format", "json", "--", dir)
	r.want(t, exitOK)
	runArgs(t, "--", dir, "--format").want(t, exitUsage) // after --, "--format" is a second PATH
}
