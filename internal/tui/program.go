package tui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"icsplan/internal/analysis"
	"icsplan/internal/atomicfile"
	"icsplan/internal/plan"
	"icsplan/internal/report"
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

// copyCmd puts text on the system clipboard with an OSC 52 sequence written
// to the program's output (through the same lock as the frames).
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
		return statusMsg{text: fmt.Sprintf("Copied the email summary (%d lines) to the clipboard with OSC 52.", lines)}
	}
}

// exportName is the text report's file name in the current directory:
// icsplan-<year>-<scenario>.txt.
func exportName(y plan.Year, sc plan.Scenario) string {
	year := y.Dir
	if year == "" {
		year = strings.ReplaceAll(y.Label, "/", "-")
	}
	return fmt.Sprintf("icsplan-%s-%s.txt", fileStem(year, "year"), fileStem(sc.Name, "scenario"))
}

// exportCmd writes the text report to name atomically.
func exportCmd(name string, res analysis.Result) tea.Cmd {
	return func() tea.Msg {
		var buf bytes.Buffer
		err := report.Render(&buf, res, report.Text, report.Options{})
		if err == nil {
			err = atomicfile.Write(name, buf.Bytes(), atomicfile.Options{})
		}
		if err != nil {
			return statusMsg{text: "Not exported: " + firstLine(err.Error()), err: true}
		}
		return statusMsg{text: "Exported the report to " + absPath(name)}
	}
}

// saveCmd writes a scenario's TOML to name atomically.
func saveCmd(name string, data []byte) tea.Cmd {
	return func() tea.Msg {
		if err := atomicfile.Write(name, data, atomicfile.Options{}); err != nil {
			return statusMsg{text: "Not saved: " + firstLine(err.Error()), err: true}
		}
		return statusMsg{text: "Saved the scenario to " + absPath(name)}
	}
}

// absPath is path made absolute for messages; it falls back to path.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// fileStem turns a name into something safe to use in a file name.
func fileStem(name, fallback string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-.")
	if s == "" {
		return fallback
	}
	return s
}
