package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"icsplan/internal/engine"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestSmoke runs the real Bubble Tea program loop: it starts, shows the
// verdict, and quits on q with the final model intact.
func TestSmoke(t *testing.T) {
	m := newModel(embedded(t), Options{}, &bytes.Buffer{}, engine.AnalyseContext)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("REWARDS DEFICIT PLANS"))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if !ok {
		t.Fatalf("final model is %T", final)
	}
	if final.active != 1 || final.width != 100 || final.height != 30 {
		t.Errorf("final model: screen %d, size %d×%d; want Systems at 100×30", final.active, final.width, final.height)
	}
	if !strings.Contains(final.View(), "[2 Systems]") {
		t.Errorf("final view:\n%s", final.View())
	}
}
