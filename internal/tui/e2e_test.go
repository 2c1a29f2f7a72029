package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
)

// tmuxSession drives a program in a private, detached tmux server, the way
// ../shared/tools/tui.sh does: every wait polls the screen.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) must(args ...string) string {
	s.t.Helper()
	out, err := s.tmux(args...)
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// start runs command in a cols×rows window in dir; the shell prints
// TUI-EXIT=<code> when it ends and keeps the pane open.
func (s *tmuxSession) start(cols, rows int, dir, command string) {
	s.t.Helper()
	s.must("-f", "/dev/null", "new-session", "-d", "-s", s.name, "-c", dir,
		"-x", fmt.Sprint(cols), "-y", fmt.Sprint(rows),
		"sh -c '"+command+"; echo TUI-EXIT=$?; sleep 600'")
	s.t.Cleanup(func() { s.tmux("kill-server") })
}

func (s *tmuxSession) screen() string { return s.must("capture-pane", "-p", "-t", s.name) }

// keys sends tmux key names: Enter Tab Escape C-u q …
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.must(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// typeText sends literal text.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.must("send-keys", "-l", "-t", s.name, text)
}

func (s *tmuxSession) resize(cols, rows int) {
	s.t.Helper()
	s.must("resize-window", "-t", s.name, "-x", fmt.Sprint(cols), "-y", fmt.Sprint(rows))
}

// wait succeeds once every text is on screen, or fails after 10 s.
func (s *tmuxSession) wait(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, t := range texts {
			ok = ok && strings.Contains(scr, t)
		}
		if ok {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %q; screen:\n%s", texts, scr)
	return ""
}

// TestEndToEndTmux builds the real binary and uses it in a real terminal:
// it reads the verdict, visits every screen, edits the pot and sees the
// Overview change, copies the summary, shrinks and restores the window, and
// quits with q and exit code 0.
func TestEndToEndTmux(t *testing.T) {
	bin, work := buildForTmux(t)
	s := &tmuxSession{t: t, socket: fmt.Sprintf("icsplan-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	s.start(100, 30, work, "env -u NO_COLOR -u CI TERM=xterm-256color LANG=C.UTF-8 "+bin+" --year 2024/25")
	// Let tmux keep what the program copies with OSC 52 as a paste buffer.
	s.must("set-option", "-g", "set-clipboard", "on")

	// The verdict, on 2024/25 (the third of the four shipped years; the app
	// opens on the latest, 2025/26, without --year).
	scr := s.wait("Verdict:", "REWARDS DEFICIT PLANS", "[1 Overview]", "2024/25")
	if !strings.Contains(scr, "£2,200.0m") {
		t.Fatalf("overview lacks the pot:\n%s", scr)
	}
	if ansi := s.must("capture-pane", "-p", "-e", "-t", s.name); !strings.Contains(ansi, "\x1b[") {
		t.Errorf("no colour on a colour terminal:\n%q", ansi)
	}

	// Every screen.
	s.keys("Tab")
	s.wait("[2 Systems]", "of 42 systems")
	s.keys("Enter")
	s.wait("1. Eligibility", "2. Weight and share")
	s.keys("Escape")
	s.wait("of 42 systems")
	s.keys("3")
	s.wait("[3 Repayments]", "Money due back by year")
	s.keys("4")
	s.wait("[4 Scenario]", "Repayment: profile")
	s.keys("5")
	s.wait("[5 Compare]", "side by side")
	s.keys("[")
	s.wait("2023/24 (year 2/4)", "3 scenario(s) side by side")
	s.keys("6")
	s.wait("[6 Incentives]", "Would a balanced plan have paid?", "The strategy table")
	s.keys("G", "Enter")
	s.wait("every point searched", "53.9%: the smallest share")
	s.keys("Escape")
	s.wait("Clawback the following year, 0% to 200% · enter")
	s.keys("g", "s", "s", "s", "s", "s", "s", "S")
	s.wait("sorted by gain ↓")
	s.keys("7")
	s.wait("[7 Years]", "National series", "2022/23 to 2025/26, 4 years")
	s.keys("G", "Enter")
	s.wait("esc: back", "Across the panel: received")
	s.keys("Escape")
	s.wait("Total, all 42")
	s.keys("]", "1")
	s.wait("[1 Overview]", "2024/25 (year 3/4)", "£2,200.0m")

	// Apply a regime with one key: R is the library's last, STF 2016/17,
	// moved to the 2024/25 plans; the verdict is what --regime gives.
	stf := regimeVerdict(t, "stf-2016-17", "2024/25")
	s.keys("R")
	s.wait("regime 8/8: Sustainability and Transformation Fund", "Verdict: "+strings.ToUpper(stf.Words()))
	s.keys("3")
	s.wait("[3 Repayments]", "Money by year, all systems: paid out, and what comes back")
	s.keys("<", "1") // back to the year's scenario
	s.wait("[1 Overview]", "2024/25 (year 3/4) · scenario 1/1", "£2,200.0m")

	// Edit the pot and see the Overview change.
	s.keys("4", "g", "Enter", "C-u")
	s.typeText("1000m")
	s.keys("Enter")
	s.wait("[1000m]", "(edited)")
	s.keys("1")
	scr = s.wait("[1 Overview]", "£1,000.0m")
	if strings.Contains(scr, "£2,200.0m") {
		t.Fatalf("overview still shows the old pot:\n%s", scr)
	}

	// Send the email summary to the clipboard with OSC 52: the status line
	// says it was sent, not that it arrived.
	s.keys("y")
	s.wait("Sent the email summary")
	// tmux (set-clipboard on) turns the OSC 52 sequence into a paste buffer.
	buf, err := s.tmux("show-buffer")
	if err != nil || !strings.HasPrefix(buf, "Subject:") || !strings.Contains(buf, "rewards deficit plans") {
		t.Errorf("the clipboard (tmux buffer) does not hold the email summary: %v\n%s", err, buf)
	}

	// Write the summary and the report to files named for the edited
	// scenario; the status line wraps a long path: join the lines to read it.
	joined := func(scr string) string { return strings.ReplaceAll(scr, "\n", "") }
	s.keys("w")
	if scr := s.wait("Wrote the email summary to"); !strings.Contains(joined(scr), filepath.Join(work, "icsplan-2024-25-deficit-support-2024-25-edited-email.txt")) {
		t.Errorf("w does not say where:\n%s", scr)
	}
	s.keys("e")
	if scr := s.wait("Wrote the report to"); !strings.Contains(joined(scr), filepath.Join(work, "icsplan-2024-25-deficit-support-2024-25-edited.txt")) {
		t.Errorf("export does not say where:\n%s", scr)
	}

	// q with unsaved edits asks once; another key carries on.
	s.keys("q")
	s.wait("quit without saving?")
	s.keys("x")
	s.wait("Carrying on")

	// Save: the shipped plans are built in, so the current folder.
	s.keys("4", "C-s")
	if scr := s.wait("Saved the scenario to"); !strings.Contains(joined(scr), filepath.Join(work, "deficit-support-2024-25-edited.toml")) {
		t.Errorf("save does not say where:\n%s", scr)
	}
	for _, name := range []string{"icsplan-2024-25-deficit-support-2024-25-edited.txt", "icsplan-2024-25-deficit-support-2024-25-edited-email.txt", "deficit-support-2024-25-edited.toml"} {
		if _, err := os.Stat(filepath.Join(work, name)); err != nil {
			t.Errorf("not written: %v", err)
		}
	}
	// Back to the Overview, seen before the resize: a key still on its way
	// when the window shrinks is ignored by the too-small screen.
	s.keys("1")
	s.wait("[1 Overview]", "£1,000.0m")

	// Too small, then restored.
	s.resize(60, 15)
	s.wait("terminal too small: need 80×24, have 60×15")
	s.resize(100, 30)
	s.wait("[1 Overview]", "£1,000.0m")

	// Quit with q: the edits are saved, so it does not ask; exit code 0.
	s.keys("q")
	scr = s.wait("TUI-EXIT=")
	if !strings.Contains(scr, "TUI-EXIT=0") {
		t.Fatalf("icsplan did not exit with 0:\n%s", scr)
	}
}

// TestEndToEndSavedWhatIf saves a what-if beside the user's own plans,
// reopens it with them, and sees it refused when it is applied to another
// year's plans.
func TestEndToEndSavedWhatIf(t *testing.T) {
	bin, work := buildForTmux(t)
	plans := filepath.Join(work, "myplans")
	copyTree(t, filepath.Join("..", "..", "plans"), plans)
	run := func(name, args string) *tmuxSession {
		s := &tmuxSession{t: t, socket: fmt.Sprintf("icsplan-e2e-%s-%d-%d", name, os.Getpid(), time.Now().UnixNano()), name: "e2e"}
		s.start(100, 30, work, "env NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8 "+bin+" "+args)
		return s
	}
	joined := func(scr string) string { return strings.ReplaceAll(scr, "\n", "") }
	saved := filepath.Join(plans, "2024-25", "deficit-support-2024-25-edited.toml")

	// Edit the 2024/25 pot and save: beside the plans, in their year folder.
	s := run("save", "--year 2024/25 myplans")
	s.wait("Verdict:", "2024/25 (year 3/4) · scenario 1/1")
	s.keys("4", "g", "Enter", "C-u")
	s.typeText("1000m")
	s.keys("Enter")
	s.wait("[1000m]", "(edited)")
	s.keys("C-s")
	if scr := s.wait("Saved the scenario to"); !strings.Contains(joined(scr), saved) {
		t.Errorf("save is not beside the plans:\n%s", scr)
	}
	s.keys("q")
	if scr := s.wait("TUI-EXIT="); !strings.Contains(scr, "TUI-EXIT=0") {
		t.Fatalf("icsplan did not exit with 0:\n%s", scr)
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`year = "2024/25"`, `pot = "1000000000"`, `(edited)"`, "Edited in icsplan on "} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the saved scenario lacks %s:\n%s", want, data)
		}
	}

	// Reopen the plans: the what-if is the year's second scenario.
	s = run("reopen", "--year 2024/25 myplans")
	s.wait("Verdict:", "scenario 1/2")
	s.keys(">")
	s.wait("scenario 2/2", "(edited)", "£1,000.0m")
	s.keys("q")
	s.wait("TUI-EXIT=0")

	// Applied to 2023/24's plans it is refused, with its line.
	s = run("year", "myplans --year 2023/24 --scenario "+saved)
	scr := s.wait("TUI-EXIT=")
	if !strings.Contains(scr, "TUI-EXIT=1") || !strings.Contains(joined(scr), `deficit-support-2024-25-edited.toml:2: column "year": is 2024/25 but the plans are for 2023/24`) {
		t.Errorf("the what-if of 2024/25 was not refused for 2023/24's plans:\n%s", scr)
	}
}

// copyTree copies the folder src to dst (plain files only).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if filepath.Ext(p) == ".go" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// buildForTmux skips (or, in CI, fails) without tmux, then builds the binary
// and makes a working directory for it.
func buildForTmux(t *testing.T) (bin, work string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed, and CI is set: the end-to-end test must run in CI")
		}
		t.Skip("tmux is not installed: skipping the end-to-end test (install tmux to run it)")
	}
	bin = buildBinary(t)
	work = filepath.Join(filepath.Dir(bin), "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, work
}

// TestEndToEndNoColour: with NO_COLOR set the program draws no colour (nor
// any other SGR attribute) at all, and q still quits with 0.
func TestEndToEndNoColour(t *testing.T) {
	bin, work := buildForTmux(t)
	s := &tmuxSession{t: t, socket: fmt.Sprintf("icsplan-e2e-nc-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	s.start(80, 24, work, "env NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8 "+bin+" --year 2023/24")
	s.wait("Verdict: REWARDS DEFICIT PLANS", "2023/24")
	if ansi := s.must("capture-pane", "-p", "-e", "-t", s.name); strings.Contains(ansi, "\x1b[") {
		t.Errorf("colour with NO_COLOR set:\n%q", ansi)
	}
	s.keys("q")
	if scr := s.wait("TUI-EXIT="); !strings.Contains(scr, "TUI-EXIT=0") {
		t.Fatalf("icsplan did not exit with 0:\n%s", scr)
	}
}

// buildBinary builds icsplan into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "icsplan")
	build := exec.Command("go", "build", "-o", bin, "icsplan/cmd/icsplan")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// regimeVerdict is the verdict of the regime named on the embedded plans of
// year label, as icsplan --regime gives it.
func regimeVerdict(t *testing.T, name, label string) analysis.Label {
	t.Helper()
	lib := embedded(t)
	for _, y := range lib.Years {
		if y.Label != label {
			continue
		}
		sc, err := plan.PickRegime(lib.Regimes, name, y)
		if err != nil {
			t.Fatal(err)
		}
		res, err := engine.Analyse(y.Dataset, sc)
		if err != nil {
			t.Fatal(err)
		}
		return res.Verdict.Label
	}
	t.Fatalf("no year %s", label)
	return ""
}
