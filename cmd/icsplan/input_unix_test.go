//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// pipeWithCSV makes a named pipe at path. Whatever opens it to read gets a
// good systems file, so the previous main, which opened it, read it and
// exited 0 instead of hanging; the writer is released when the test ends
// if nothing read it, as now, when the pipe is refused unopened.
func pipeWithCSV(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("cannot make a named pipe here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f, err := os.OpenFile(path, os.O_WRONLY, 0) // waits for a reader
		if err != nil {
			return
		}
		f.WriteString(text)
		f.Close()
	}()
	t.Cleanup(func() {
		if r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			select { // let the writer open, write and close
			case <-done:
			case <-time.After(5 * time.Second):
			}
			r.Close()
		}
	})
}

// timed runs the command and fails rather than hang.
func timed(t *testing.T, args ...string) result {
	t.Helper()
	got := make(chan result, 1)
	go func() { got <- runArgs(t, args...) }()
	select {
	case r := <-got:
		return r
	case <-time.After(20 * time.Second):
		t.Fatalf("%q did not finish", args)
		return result{}
	}
}

// TestSpecialInputsRefused: a systems.csv or a --scenario that is a named
// pipe or a link to /dev/zero is refused at once with a message naming it
// (issue 12 item 1). Before, a pipe was opened and read (these pipes hand
// over a good file, so the previous main exits 0), and /dev/zero was read
// until memory ran out; the /dev/zero case is not run against it.
func TestSpecialInputsRefused(t *testing.T) {
	dir := t.TempDir()
	good := "code,name,population,plan\nAAA,Alpha,1000,-500\n"
	pipeWithCSV(t, filepath.Join(dir, "pipe", "2023-24", "systems.csv"), good)
	zero := filepath.Join(dir, "zero", "2023-24", "systems.csv")
	if err := os.MkdirAll(filepath.Dir(zero), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	scen := filepath.Join(dir, "s.toml")
	pipeWithCSV(t, scen, "title = \"S\"\npot = \"£1m\"\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--report", filepath.Join(dir, "pipe")}, "pipe/2023-24/systems.csv: is a named pipe, not a file"},
		{[]string{"--report", filepath.Join(dir, "zero")}, "zero/2023-24/systems.csv: is a device, not a file"},
		{[]string{"--report", "--scenario", scen}, "s.toml: is a named pipe, not a file"},
	} {
		r := timed(t, c.args...)
		r.want(t, exitBadInput)
		if !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%q: stdout %q, stderr:\n%s", c.args, r.stdout, r.stderr)
		}
	}
}
