//go:build linux

package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// The terminal queries termenv sends to learn the background colour: OSC 11
// and the cursor-position request that follows it. A terminal that never
// answers them makes the sender wait 5 seconds.
var probes = []string{"\x1b]11;?", "\x1b[6n"}

// TestNoTerminalProbe runs the real binary on a terminal (a pty) that never
// answers anything, as many Windows consoles, Citrix and PuTTY set-ups and CI
// terminals do: --version, --help, --report, template, and the TUI itself
// with colour on and off must write no query and never wait for an answer.
func TestNoTerminalProbe(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	runs := []struct {
		name string
		args []string
		env  []string
		want string
		tui  bool // wait for the verdict, then press q
		// colour: 256 colours, so TERM was given back after Bubble Tea's init
		colour bool
	}{
		{name: "version", args: []string{"--version"}, want: "icsplan "},
		{name: "help", args: []string{"--help"}, want: "Usage:"},
		{name: "report", args: []string{"--report"}, want: "Deficit support"},
		{name: "report NO_COLOR", args: []string{"--report"}, env: []string{"NO_COLOR=1"}, want: "Deficit support"},
		{name: "template", args: []string{"template", "-o", filepath.Join(dir, "t.csv")}},
		{name: "TUI", tui: true, want: "Verdict", colour: true},
		{name: "TUI NO_COLOR", env: []string{"NO_COLOR=1"}, tui: true, want: "Verdict"},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			out, err := runOnSilentTerminal(t, bin, r.args, r.env, r.tui)
			if err != nil {
				t.Fatalf("%v\noutput: %q", err, out)
			}
			for _, p := range probes {
				if strings.Contains(out, p) {
					t.Errorf("the terminal was queried (%q):\n%q", p, out)
				}
			}
			if !strings.Contains(out, r.want) {
				t.Errorf("output lacks %q:\n%q", r.want, out)
			}
			if r.tui && strings.Contains(out, "\x1b[38;5;") != r.colour {
				t.Errorf("256 colours: %v, want %v:\n%q", !r.colour, r.colour, out)
			}
		})
	}
}

// runOnSilentTerminal runs bin with args on a new pty of 100×30 whose other
// end answers nothing, and returns what it wrote. For the TUI it waits for
// the verdict and presses q. It fails if the program is not done within
// 4 seconds, less than the 5 a query would wait for an answer.
func runOnSilentTerminal(t *testing.T, bin string, args, env []string, tui bool) (string, error) {
	t.Helper()
	master, slave, err := openPTY(100, 30)
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer master.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutEnv(os.Environ(), "NO_COLOR", "CI", "TERM", "COLORFGBG"), append([]string{"TERM=xterm-256color", "LANG=C.UTF-8"}, env...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		slave.Close()
		return "", err
	}
	slave.Close()
	var mu sync.Mutex
	var out bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	text := func() string { mu.Lock(); defer mu.Unlock(); return out.String() }
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	end := time.Now().Add(4 * time.Second)
	if tui {
		for !strings.Contains(text(), "Verdict") && time.Now().Before(end) {
			time.Sleep(20 * time.Millisecond)
		}
		master.Write([]byte("q"))
	}
	select {
	case err := <-done:
		<-read
		return text(), err
	case <-time.After(time.Until(end)):
		cmd.Process.Kill()
		<-done
		return text(), errors.New("not done within 4 s: waiting for the terminal to answer?")
	}
}

// openPTY opens a new pseudo-terminal of cols×rows.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(arg)); e != 0 {
			return e
		}
		return nil
	}
	var unlock int32
	var n uint32
	ws := struct{ row, col, x, y uint16 }{uint16(rows), uint16(cols), 0, 0}
	for _, e := range []error{
		ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)),
		ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n)),
		ioctl(syscall.TIOCSWINSZ, unsafe.Pointer(&ws)),
	} {
		if e != nil {
			master.Close()
			return nil, nil, e
		}
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

// withoutEnv drops the named variables from env.
func withoutEnv(env []string, names ...string) []string {
	var out []string
next:
	for _, kv := range env {
		for _, n := range names {
			if strings.HasPrefix(kv, n+"=") {
				continue next
			}
		}
		out = append(out, kv)
	}
	return out
}
