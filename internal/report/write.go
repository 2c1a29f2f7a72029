package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"icsplan/internal/analysis"

	"github.com/natefinch/atomic"
)

// render writes the whole report into memory, then to w in one write, so a
// failure never leaves half a report behind.
func render(w io.Writer, r analysis.Result, f Format, o Options) error {
	var buf bytes.Buffer
	var err error
	switch f {
	case Text:
		err = renderText(&buf, buildDoc(r), newStyles(o.Colour))
	case Markdown:
		err = renderMarkdown(&buf, buildDoc(r))
	case CSV:
		err = renderCSV(&buf, r)
	case JSON:
		err = renderJSON(&buf, r)
	case Email:
		_, err = buf.WriteString(emailSummary(r))
	case XLSX:
		err = renderXLSX(&buf, r)
	case HTML:
		err = renderHTMLReport(&buf, r)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func writeFile(path string, r analysis.Result, f Format, o Options) error {
	var buf bytes.Buffer
	if err := render(&buf, r, f, o); err != nil {
		return err
	}
	return writeBytes(path, buf.Bytes())
}

// replaceFile moves the finished temporary file over the target in one step;
// a variable so tests can make it fail as a locked file does on Windows.
var replaceFile = atomic.ReplaceFile

// writeBytes writes data beside path in a temporary file, then renames it
// over path: the target is either the whole new file or left as it was.
func writeBytes(path string, data []byte) error {
	if path == "" {
		return errors.New("cannot write: no file name given")
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder", path)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		case errors.Is(err, fs.ErrPermission):
			return fmt.Errorf("cannot write %s: no permission to create files in the folder %s", path, dir)
		default:
			return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)))
	}
	if err := tmp.Sync(); err != nil {
		return fail(fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)))
	}
	if err := tmp.Close(); err != nil {
		return fail(fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)))
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := os.Chmod(name, mode); err != nil {
		return fail(fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)))
	}
	if err := replaceFile(name, path); err != nil {
		os.Remove(name)
		if locked(err) {
			return fmt.Errorf("cannot write %s: the file is locked or read-only; if it is open in Excel, "+
				"close the file in Excel and try again", path)
		}
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// locked reports whether a failed rename looks like a file held open by
// another program (Excel locks what it has open on Windows) or a read-only
// target.
func locked(err error) bool {
	return errors.Is(err, fs.ErrPermission) || sharingViolation(err)
}

// unwrapPath drops the operation and temporary file name from an *fs.PathError
// or *os.LinkError, leaving the reason.
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
