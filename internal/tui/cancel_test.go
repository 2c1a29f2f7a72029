package tui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// recorder is an analyser that records every call. With gate set, each call
// waits until it is released or its context is cancelled, so that a test can
// hold analyses in flight.
type recorder struct {
	gate bool

	mu    sync.Mutex
	calls []*call
	added chan *call
}

// call is one analysis: what was analysed, and how it ended.
type call struct {
	sc        plan.Scenario
	release   chan struct{}
	cancelled bool // its context was cancelled before it finished
}

func newRecorder(gate bool) *recorder {
	return &recorder{gate: gate, added: make(chan *call, 100)}
}

func (r *recorder) analyse(ctx context.Context, ds plan.Dataset, sc plan.Scenario) (analysis.Result, error) {
	c := &call{sc: sc, release: make(chan struct{})}
	r.mu.Lock()
	r.calls = append(r.calls, c)
	r.mu.Unlock()
	r.added <- c
	if r.gate {
		select {
		case <-ctx.Done():
		case <-c.release:
		}
	}
	if ctx.Err() != nil {
		r.mu.Lock()
		c.cancelled = true
		r.mu.Unlock()
		return analysis.Result{}, ctx.Err()
	}
	return engine.AnalyseContext(ctx, ds, sc)
}

// names are the scenarios analysed so far, in order.
func (r *recorder) names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, c := range r.calls {
		out = append(out, c.sc.Name)
	}
	return out
}

func (r *recorder) wasCancelled(c *call) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return c.cancelled
}

// async drives a model as Bubble Tea does: every command runs in its own
// goroutine and its message comes back on msgs.
type async struct {
	t    *testing.T
	m    model
	msgs chan tea.Msg
}

func (a *async) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				a.run(c)
			}
			return
		}
		if msg != nil {
			a.msgs <- msg
		}
	}()
}

func (a *async) update(msg tea.Msg) {
	next, cmd := a.m.Update(msg)
	a.m = next.(model)
	a.run(cmd)
}

// until handles the messages that come back until one satisfies done.
func (a *async) until(what string, done func(tea.Msg) bool) {
	a.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case msg := <-a.msgs:
			a.update(msg)
			if done(msg) {
				return
			}
		case <-deadline:
			a.t.Fatalf("no %s came back:\n%s", what, a.m.View())
		}
	}
}

// next waits for the recorder's next call.
func next(t *testing.T, r *recorder) *call {
	t.Helper()
	select {
	case c := <-r.added:
		return c
	case <-time.After(10 * time.Second):
		t.Fatal("no analysis started")
		return nil
	}
}

func isEdit(msg tea.Msg) bool   { _, ok := msg.(editedMsg); return ok }
func isResult(msg tea.Msg) bool { _, ok := msg.(resultMsg); return ok }

// TestTypingCancelsSupersededAnalysis: each keystroke in a Scenario field
// starts an analysis of the new scenario, and starting it cancels the one
// still running for the keystroke before; the cancelled one never shows,
// not even as an error.
func TestTypingCancelsSupersededAnalysis(t *testing.T) {
	rec := newRecorder(true)
	a := &async{t: t, m: newModel(embedded(t), Options{}, &strings.Builder{}, rec.analyse), msgs: make(chan tea.Msg, 100)}
	a.run(a.m.Init())
	a.update(tea.WindowSizeMsg{Width: 100, Height: 30})
	close(next(t, rec).release) // the opening analysis
	a.until("opening result", isResult)
	for _, k := range []string{"4", "g", "enter", "ctrl+u"} {
		a.update(keyMsg(k))
	}
	a.until("edit of the cleared pot", isEdit) // an empty pot: no analysis

	a.update(keyMsg("9"))
	a.until("edit to £9", isEdit)
	first := next(t, rec)
	a.update(keyMsg("0"))
	a.until("edit to £90", isEdit)
	second := next(t, rec)
	if first.sc.Pot.String() != "9" || second.sc.Pot.String() != "90" {
		t.Fatalf("analysed pots %s and %s, want 9 and 90", first.sc.Pot, second.sc.Pot)
	}
	a.until("result of the superseded analysis", isResult)
	if !rec.wasCancelled(first) {
		t.Fatal("the analysis of £9 was not cancelled when the one of £90 started")
	}
	scr := ansi.Strip(a.m.View())
	mustNotContain(t, scr, "analysis failed", "context canceled")
	mustContain(t, scr, "recomputing…")

	close(second.release)
	a.until("result of £90", isResult)
	if rec.wasCancelled(second) {
		t.Fatal("the newest analysis was cancelled")
	}
	a.update(keyMsg("enter"))
	a.update(keyMsg("1"))
	mustContain(t, ansi.Strip(a.m.View()), "Pot", "£0.0m")
	mustNotContain(t, ansi.Strip(a.m.View()), "recomputing…", "£700.0m")
	if n := len(rec.names()); n != 3 {
		t.Errorf("%d analyses, want 3 (opening, £9, £90): %q", n, rec.names())
	}
}

// TestCompareAnalysesWhenOpened: start-up analyses only the scenario shown;
// Compare analyses the year's scenarios when it is first opened, not again
// when reopened, and again for a new year only once it is open.
func TestCompareAnalysesWhenOpened(t *testing.T) {
	rec := newRecorder(false)
	hs := newHarnessWith(t, embedded(t), Options{}, 100, 30, rec.analyse)
	opening := []string{"deficit-support-feb-2024"}
	checkCalls(t, rec, opening)
	hs.keys("2", "3", "4")
	checkCalls(t, rec, opening)
	hs.keys("5")
	mustContain(t, hs.screen(), "3 scenario(s) side by side", "rewards balanced")
	want := append(opening, sortedNames(hs, 0)...)
	checkCalls(t, rec, want)
	hs.keys("1", "5", "tab", "shift+tab")
	checkCalls(t, rec, want)

	// Another year while Compare is closed: only its scenario, until opened.
	hs.keys("1", "]")
	want = append(want, "deficit-support-2024-25")
	checkCalls(t, rec, want)
	hs.keys("5")
	want = append(want, "deficit-support-2024-25")
	checkCalls(t, rec, want)
	mustContain(t, hs.screen(), "1 scenario(s) side by side")

	// Another year while Compare is open: analysed at once.
	hs.keys("[")
	want = append(want, "deficit-support-feb-2024")
	want = append(want, sortedNames(hs, 0)...)
	checkCalls(t, rec, want)
	mustContain(t, hs.screen(), "3 scenario(s) side by side")
	// Another scenario of the same year: Compare keeps its analyses.
	hs.keys("n")
	want = append(want, hs.m.work.Name)
	checkCalls(t, rec, want)
}

// TestYearChangeCancelsCompare: Compare's analyses still running when the
// year changes are cancelled, and never show.
func TestYearChangeCancelsCompare(t *testing.T) {
	rec := newRecorder(true)
	a := &async{t: t, m: newModel(embedded(t), Options{Year: 0}, &strings.Builder{}, rec.analyse), msgs: make(chan tea.Msg, 100)}
	a.run(a.m.Init())
	a.update(tea.WindowSizeMsg{Width: 100, Height: 30})
	close(next(t, rec).release)
	a.until("opening result", isResult)
	a.update(keyMsg("5"))
	compare := next(t, rec) // the first of the year's scenarios, held
	a.update(keyMsg("]"))
	working := next(t, rec) // the new year's scenario
	newYear := next(t, rec) // Compare, open, analyses the new year at once
	close(working.release)
	close(newYear.release)
	var result, compared bool // they come back in either order
	a.until("result and Compare of the new year", func(msg tea.Msg) bool {
		m, ok := msg.(compareMsg)
		result = result || isResult(msg)
		compared = compared || (ok && m.yi == 1)
		return result && compared
	})
	if !rec.wasCancelled(compare) {
		t.Fatal("Compare's analysis of the old year was not cancelled by the year change")
	}
	scr := ansi.Strip(a.m.View())
	mustContain(t, scr, "2024/25: 1 scenario(s) side by side")
	mustNotContain(t, scr, "error", "context canceled")
}

func checkCalls(t *testing.T, rec *recorder, want []string) {
	t.Helper()
	if got := rec.names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("analysed %q,\nwant     %q", got, want)
	}
}

// sortedNames are the names of year yi's scenarios, in the library's order.
func sortedNames(hs *harness, yi int) []string {
	var out []string
	for _, sc := range hs.m.lib.Years[yi].Scenarios {
		out = append(out, sc.Name)
	}
	return out
}

// TestCompareAnalysesRegimesOnToggle: Compare analyses the regimes only
// when v first shows them, once a year.
func TestCompareAnalysesRegimesOnToggle(t *testing.T) {
	rec := newRecorder(false)
	hs := newHarnessWith(t, embedded(t), Options{}, 100, 30, rec.analyse)
	hs.keys("5")
	want := append([]string{"deficit-support-feb-2024"}, sortedNames(hs, 0)...)
	checkCalls(t, rec, want)
	var regimes []string
	for _, r := range hs.m.lib.Regimes {
		regimes = append(regimes, r.Name)
	}
	hs.keys("v")
	want = append(want, regimes...)
	checkCalls(t, rec, want)
	hs.keys("v", "v", "1", "5")
	checkCalls(t, rec, want)
	hs.keys("]") // open on the regimes: the new year's at once
	want = append(append(want, "deficit-support-2024-25"), regimes...)
	checkCalls(t, rec, want)
	mustContain(t, hs.screen(), "2024/25: 8 regime(s)")
}
