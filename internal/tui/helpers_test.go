package tui

import (
	"bytes"
	"testing"
	"time"

	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// embedded loads the shipped plans of 2023/24 and 2024/25, the two years
// the screens' tests were written on (the shipped library has 2022/23 and
// 2025/26 too; embeddedAll has every year).
func embedded(t testing.TB) plan.Library {
	t.Helper()
	lib := embeddedAll(t)
	var kept []plan.Year
	for _, y := range lib.Years {
		if y.Dir == "2023-24" || y.Dir == "2024-25" {
			kept = append(kept, y)
		}
	}
	lib.Years = kept
	return lib
}

// embeddedAll loads every year of the shipped plans.
func embeddedAll(t testing.TB) plan.Library {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", "embedded plans", plan.Options{})
	if err != nil {
		t.Fatalf("loading the embedded plans: %v", err)
	}
	return lib
}

// harness drives a model the way Bubble Tea would, running commands
// synchronously so that tests are deterministic.
type harness struct {
	t    testing.TB
	m    model
	out  *bytes.Buffer // the program's output (OSC 52 lands here)
	quit bool
}

// newHarness opens lib on its first year (2023/24 for the shipped plans) at
// w×h.
func newHarness(t testing.TB, lib plan.Library, opt Options, w, h int) *harness {
	t.Helper()
	return newHarnessWith(t, lib, opt, w, h, engine.AnalyseWithoutIncentives)
}

// testNow is the clock of every harness that does not set its own.
var testNow = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// newHarnessWith is newHarness with analyser an. The prudence reruns, the
// incentive stage (which runs after an's result when an leaves the
// incentives out, as cmd's does), the strategy traces and the panel are
// engine's and the clock says 1 December 2026, unless opt says otherwise.
func newHarnessWith(t testing.TB, lib plan.Library, opt Options, w, h int, an analyser) *harness {
	t.Helper()
	if opt.Prudence == nil {
		opt.Prudence = engine.PrudenceTrace
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return testNow }
	}
	if opt.Panel == nil {
		opt.Panel = engine.PanelContext
	}
	if opt.Incentives == nil {
		opt.Incentives = engine.Incentives
	}
	if opt.Strategy == nil {
		opt.Strategy = engine.StrategyTrace
	}
	out := &bytes.Buffer{}
	hs := &harness{t: t, m: newModel(lib, opt, out, an), out: out}
	if cmd := hs.m.Init(); cmd != nil {
		hs.send(cmd())
	}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers msg and runs every command it returns, feeding their
// messages back in, until nothing is left to do.
func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		case tea.QuitMsg:
			hs.quit = true
			continue
		case nil:
			continue
		}
		next, cmd := hs.m.Update(msg)
		hs.m = next.(model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
}

// keys sends each key: names such as "tab", "enter", "esc", "up", "ctrl+s",
// or single characters.
func (hs *harness) keys(names ...string) {
	hs.t.Helper()
	for _, n := range names {
		hs.send(keyMsg(n))
	}
}

// typeText sends each rune of s as a key.
func (hs *harness) typeText(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// screen is the current frame without ANSI sequences.
func (hs *harness) screen() string { return ansi.Strip(hs.m.View()) }

// editor is the Scenario screen.
func (hs *harness) editor() *scenarioScreen {
	hs.t.Helper()
	for _, s := range hs.m.tabs {
		if e, ok := s.(*scenarioScreen); ok {
			return e
		}
	}
	hs.t.Fatal("no Scenario screen")
	return nil
}

func keyMsg(name string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "enter": tea.KeyEnter, "esc": tea.KeyEsc,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS, "ctrl+r": tea.KeyCtrlR, "ctrl+u": tea.KeyCtrlU,
		"backspace": tea.KeyBackspace, " ": tea.KeySpace,
	}
	if k, ok := special[name]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

func cellWidth(s string) int { return ansi.StringWidth(s) }
