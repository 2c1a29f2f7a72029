package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	r := runArgs(t, "--format", "json", "-o", out)
	r.want(t, exitOK)
	if r.stdout != "" {
		t.Errorf("-o also wrote to stdout: %q", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) {
		t.Fatalf("report file: %v", err)
	}
	if want := runArgs(t, "--format", "json").stdout; string(data) != want {
		t.Error("-o wrote something other than the report")
	}
	// -o alone means a report, in text.
	txt := filepath.Join(dir, "report.txt")
	runArgs(t, "-o", txt).want(t, exitOK)
	if data, _ := os.ReadFile(txt); !strings.Contains(string(data), "Verdict: ") {
		t.Error("-o without --format did not write the text report")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("temporary files left behind: %d entries", len(ents))
	}
}

func TestOutputFileKeptOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.csv")
	writeFile(t, out, "old report")
	bad := t.TempDir()
	writeFile(t, filepath.Join(bad, "2023-24", "systems.csv"), "code,name,population,plan\nAAA,Alpha,1000,12x\n")

	runArgs(t, "--format", "csv", "-o", out, bad).want(t, exitBadInput)
	runArgs(t, "--format", "pdf", "-o", out).want(t, exitUsage)
	runArgs(t, "--format", "csv", "--pot", "£700.50", "-o", out).want(t, exitUsage) // not a whole number of £1 units
	if data, _ := os.ReadFile(out); string(data) != "old report" {
		t.Errorf("the old file was changed: %q", data)
	}

	missing := filepath.Join(dir, "no such folder", "report.csv")
	r := runArgs(t, "--format", "csv", "-o", missing)
	r.want(t, exitBadInput)
	if !strings.Contains(r.stderr, missing) {
		t.Errorf("error does not name the file:\n%s", r.stderr)
	}

	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
		r := runArgs(t, "--format", "csv", "-o", out)
		r.want(t, exitBadInput)
		if !strings.Contains(r.stderr, out) {
			t.Errorf("error does not name the file:\n%s", r.stderr)
		}
		if data, _ := os.ReadFile(out); string(data) != "old report" {
			t.Errorf("the old file was changed: %q", data)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left behind: %d entries", len(ents))
	}
}

// TestOutputOverAnInputRefused: -o onto the plans' own systems.csv, a
// scenario the year folder holds or the --scenario file is bad usage, and
// the input is left as it was. Before, the report replaced it and the
// command exited 0.
func TestOutputOverAnInputRefused(t *testing.T) {
	dir := goodPlans(t)
	systems := filepath.Join(dir, "2023-24", "systems.csv")
	inYear := filepath.Join(dir, "2023-24", "grant.toml")
	writeFile(t, inYear, "title = \"Grant\"\npot = \"£600k\"\n")
	outside := filepath.Join(t.TempDir(), "other.toml")
	writeFile(t, outside, "title = \"Other\"\npot = \"£100k\"\n")
	link := filepath.Join(t.TempDir(), "link.csv")
	if err := os.Symlink(systems, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		target string
	}{
		{[]string{"-o", systems, dir}, systems},
		{[]string{"-o", systems, filepath.Join(dir, "2023-24", "systems.csv")}, systems},
		{[]string{"-o", link, dir}, systems}, // the same file by another name
		{[]string{"-o", inYear, dir}, inYear},
		{[]string{"-o", outside, "--scenario", outside, dir}, outside},
	} {
		before, _ := os.ReadFile(c.target)
		r := runArgs(t, c.args...)
		r.want(t, exitUsage)
		if !strings.Contains(r.stderr, "which the report is made from") {
			t.Errorf("%q: %s", c.args, r.stderr)
		}
		if after, _ := os.ReadFile(c.target); !bytes.Equal(before, after) {
			t.Errorf("%q: the input was changed", c.args)
		}
	}
	// The embedded plans are not files on disk: a file of the same name is not an input.
	t.Chdir(t.TempDir())
	writeFile(t, filepath.Join("plans", "2023-24", "systems.csv"), "mine")
	runArgs(t, "-o", filepath.Join("plans", "2023-24", "systems.csv")).want(t, exitOK)
}

// TestOutputReadOnlyNeedsForce: a report is not written over a file the
// user made read-only unless --force is given (then it stays read-only).
// Before, it was replaced silently. The same goes for template.
func TestOutputReadOnlyNeedsForce(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, sub string }{{"report.csv", ""}, {"plans.csv", "template"}} {
		out := filepath.Join(dir, c.name)
		writeFile(t, out, "keep me")
		if err := os.Chmod(out, 0o444); err != nil {
			t.Fatal(err)
		}
		args := []string{"--format", "csv", "-o", out}
		if c.sub != "" {
			args = []string{c.sub, "-o", out}
		}
		r := runArgs(t, args...)
		r.want(t, exitBadInput)
		if !strings.Contains(r.stderr, out+": the file is read-only (give --force to replace it)") {
			t.Errorf("%s: %s", c.name, r.stderr)
		}
		if data, _ := os.ReadFile(out); string(data) != "keep me" {
			t.Errorf("%s: the read-only file was changed: %q", c.name, data)
		}
		runArgs(t, append(args, "--force")...).want(t, exitOK)
		if data, _ := os.ReadFile(out); string(data) == "keep me" || len(data) == 0 {
			t.Errorf("%s: --force did not replace the file", c.name)
		}
		if info, _ := os.Stat(out); info.Mode().Perm() != 0o444 {
			t.Errorf("%s: mode %v after --force, want 0444 kept", c.name, info.Mode().Perm())
		}
	}
}

// TestOutputDevNull: -o /dev/null writes into the device and leaves it a
// device (before, the report was renamed over it, which as root replaced
// /dev/null with a regular file).
func TestOutputDevNull(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	runArgs(t, "--format", "json", "-o", "/dev/null").want(t, exitOK)
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", info.Mode(), err)
	}
}
