package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
)

// The files the program writes: the text report (e), the email summary
// (w), the comparison (e on Compare) and a saved scenario (ctrl+s). Each is
// a new file: an existing one is never replaced, the next free name is
// taken instead (…-edited.toml, …-edited-2.toml).

// maxNames is how many numbered names writeNew tries before giving up.
const maxNames = 999

// yearStem is a year as file names carry it: 2023-24.
func yearStem(y plan.Year) string {
	year := y.Dir
	if year == "" {
		year = strings.ReplaceAll(y.Label, "/", "-")
	}
	return fileStem(year, "year")
}

// scenarioStem is a scenario's name as file names carry it, with -edited
// when it was edited: deficit-support-feb-2024-edited. A scenario saved
// from an edit and edited again is not edited-edited: the next free name
// numbers it.
func scenarioStem(sc plan.Scenario, edited bool) string {
	stem := fileStem(sc.Name, "scenario")
	if edited {
		stem = editedStem(stem)
	}
	return stem
}

// editedStem is stem with one -edited suffix: a name already ending in
// -edited or -edited-N keeps its -edited and drops the number.
func editedStem(stem string) string {
	if i := strings.LastIndex(stem, "-edited"); i >= 0 {
		rest := stem[i+len("-edited"):]
		if rest == "" || (rest[0] == '-' && strings.Trim(rest[1:], "0123456789") == "" && len(rest) > 1) {
			return stem[:i] + "-edited"
		}
	}
	return stem + "-edited"
}

// reportStem is the text report's file stem: icsplan-<year>-<scenario>.
func reportStem(y plan.Year, sc plan.Scenario, edited bool) string {
	return "icsplan-" + yearStem(y) + "-" + scenarioStem(sc, edited)
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

// saveDirs are the folders a scenario of year y is saved to, in order of
// preference: beside the plans the user opened (the folder of the year's
// systems file) and then the current folder. The plans built into the
// binary (root plan.EmbeddedRoot) have no folder to write to.
func saveDirs(root string, y plan.Year) []string {
	if root == plan.EmbeddedRoot || y.Dataset.Path == "" {
		return []string{"."}
	}
	dir := filepath.Dir(filepath.FromSlash(y.Dataset.Path))
	if same(dir, ".") {
		return []string{"."}
	}
	return []string{dir, "."}
}

// same reports whether two folder names lead to the same folder.
func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// writeNew writes data to a new file in dir named stem+ext, or the first of
// stem-2+ext, stem-3+ext … that does not exist, and returns its path. It
// never replaces a file, and never leaves a part-written one under the
// name: the data goes to a temporary file that is then linked to the name,
// which fails if the name is taken. Where links cannot be made it creates
// the name exclusively and writes it there.
func writeNew(dir, stem, ext string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+stem+".*.tmp")
	if err != nil {
		return "", folderError(dir, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	for n := 1; n <= maxNames; n++ {
		name := filepath.Join(dir, numbered(stem, n)+ext)
		err := os.Link(tmp.Name(), name)
		switch {
		case err == nil:
			return name, nil
		case errors.Is(err, fs.ErrExist):
			continue
		}
		// No links here (some network and FAT drives): create it exclusively.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(name)
			return "", fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
		}
		return name, nil
	}
	return "", fmt.Errorf("cannot write in %s: %s%s to %s%s are all taken", dir, stem, ext, numbered(stem, maxNames), ext)
}

// numbered is stem for n = 1, else stem-n.
func numbered(stem string, n int) string {
	if n == 1 {
		return stem
	}
	return fmt.Sprintf("%s-%d", stem, n)
}

// folderError says why nothing can be written in dir.
func folderError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write in %s: the folder does not exist", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write in %s: no permission to create files there", dir)
	}
	return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
}

// unwrapPath drops the operation and file name from an *fs.PathError or
// *os.LinkError, leaving the reason.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// absPath is path made absolute for messages; it falls back to path.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// writeCmd writes text as a new file stem+ext in the current folder (see
// writeNew); what names it in the status line ("the report").
func writeCmd(stem, ext, what string, text []byte) tea.Cmd {
	return func() tea.Msg {
		path, err := writeNew(".", stem, ext, text)
		if err != nil {
			return wroteMsg{text: "Not written: " + firstLine(err.Error()), err: true}
		}
		return wroteMsg{text: "Wrote " + what + " to " + absPath(path)}
	}
}

// saveCmd writes a scenario's TOML as a new file stem.toml in the first of
// dirs it can write in (see saveDirs); load and rev are the edit saved, and
// builtIn says the plans are the ones built into the binary.
func saveCmd(dirs []string, stem string, data []byte, load, rev int, builtIn bool) tea.Cmd {
	return func() tea.Msg {
		var why []string
		for i, dir := range dirs {
			path, err := writeNew(dir, stem, ".toml", data)
			if err != nil {
				why = append(why, firstLine(err.Error()))
				continue
			}
			text := "Saved the scenario to " + absPath(path)
			switch {
			case len(why) > 0:
				text += " in the current folder (" + why[0] + ")"
			case i == 0 && len(dirs) > 1:
				text += ", beside the plans: it opens with them next time"
			case builtIn:
				text += " (the shipped plans are built into icsplan): apply it with icsplan --scenario " + filepath.Base(path)
			}
			return wroteMsg{text: text + ".", saved: true, load: load, rev: rev}
		}
		return wroteMsg{text: "Not saved: " + strings.Join(why, "; ") + ".", err: true}
	}
}
