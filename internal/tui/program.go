package tui

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"icsplan/internal/plan"
	"icsplan/internal/tui/noprobe"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// Bubble Tea's package init has run by now, without querying the terminal
// (see noprobe): TERM is given back for everything that follows.
func init() { noprobe.Restore() }

func run(lib plan.Library, opt Options) error {
	out := &lockedFile{f: os.Stdout}
	m := newModel(lib, opt, out, nil)
	// Alternate screen, mouse capture off (it would stop people selecting
	// figures to copy). The output is wrapped so that OSC 52 sequences are
	// written between frames, never inside one.
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithOutput(out))
	_, err := p.Run()
	return err
}

// lockedFile is the program's output: the terminal, with every Write under
// one lock. Bubble Tea writes each frame in one Write, so anything else
// written through it (the clipboard sequence) lands whole between frames. It
// keeps Fd, so Bubble Tea still sees a terminal (raw mode, window size).
type lockedFile struct {
	mu sync.Mutex
	f  *os.File
}

// Write writes p to the terminal under the lock.
func (l *lockedFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

// Read reads from the underlying file.
func (l *lockedFile) Read(p []byte) (int, error) { return l.f.Read(p) }

// Close does nothing: the program does not own stdout.
func (l *lockedFile) Close() error { return nil }

// Fd is the terminal's file descriptor.
func (l *lockedFile) Fd() uintptr { return l.f.Fd() }

// copyCmd asks the terminal to put text on the system clipboard with an
// OSC 52 sequence written to the program's output (through the same lock
// as the frames). Nothing comes back to say it arrived (many terminals
// ignore OSC 52, or ask first), so the status line says it was sent, not
// copied, and names w, which writes the same text to a file.
func copyCmd(out io.Writer, text string) tea.Cmd {
	return func() tea.Msg {
		if strings.TrimSpace(text) == "" {
			return statusMsg{text: "Nothing to copy: the email summary is empty.", err: true}
		}
		// tmux takes a plain OSC 52 itself (with set-clipboard on) and
		// passes it on to the outer terminal; GNU screen needs it wrapped.
		seq := osc52.New(text)
		if os.Getenv("TMUX") == "" && strings.HasPrefix(os.Getenv("TERM"), "screen") {
			seq = seq.Screen()
		}
		if _, err := seq.WriteTo(out); err != nil {
			return statusMsg{text: "Could not copy: " + err.Error(), err: true}
		}
		lines := strings.Count(strings.TrimRight(text, "\n"), "\n") + 1
		return statusMsg{text: fmt.Sprintf("Sent the email summary (%d lines) to the terminal for the clipboard (OSC 52); "+
			"terminals do not say whether it arrived. If it is not on the clipboard, press w to write it to a file.", lines)}
	}
}
