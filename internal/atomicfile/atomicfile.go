// Package atomicfile writes a file so that it is either the whole new
// content or left as it was: the data goes to a temporary file beside the
// target, which is then renamed over it in one step (with
// github.com/natefinch/atomic, which also does this on Windows).
//
// Only a regular file, or a name where nothing is yet, is replaced that
// way. A terminal, /dev/null or a named pipe is written in place, as a
// shell's > does, so that -o /dev/stdout works and a device is never
// replaced by a file. Anything else that is not a regular file (a folder, a
// disk, a socket) is refused, and so is a read-only file unless
// Options.Force is set. Errors name the target, never the temporary file,
// and say plainly what to do about a file that Excel has open.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/natefinch/atomic"
)

// Options tune Write.
type Options struct {
	// Force replaces a file that is read-only, keeping it read-only.
	Force bool
}

// ErrReadOnly is wrapped by the error for a read-only target when
// Options.Force is not set.
var ErrReadOnly = errors.New("the file is read-only")

// replaceFile moves the finished temporary file over the target in one step;
// a variable so tests can make it fail as a locked file does on Windows.
var replaceFile = atomic.ReplaceFile

// Write writes data to path: atomically over a regular file or where no
// file is, in place to a character device or named pipe; see the package
// documentation for what it refuses.
func Write(path string, data []byte, opt Options) error {
	if path == "" {
		return errors.New("cannot write: no file name given")
	}
	info, err := os.Stat(path) // follows links: what is written is what the name leads to
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(path); lerr == nil {
			return fmt.Errorf("cannot write %s: it is a link to a file that does not exist", path)
		}
		return replace(path, path, data, 0o644)
	case err != nil:
		// A name that cannot be looked at (a file where a folder should
		// be, a folder without permission): creating the temporary file
		// says why in plain words.
		return replace(path, path, data, 0o644)
	case info.IsDir():
		return fmt.Errorf("cannot write %s: it is a folder", path)
	case info.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return inPlace(path, data)
	case !info.Mode().IsRegular():
		return fmt.Errorf("cannot write %s: it is %s, not a file", path, kind(info.Mode()))
	case info.Mode().Perm()&0o200 == 0 && !opt.Force:
		return fmt.Errorf("cannot write %s: %w", path, ErrReadOnly)
	}
	real, err := filepath.EvalSymlinks(path) // replace the file a link points to, not the link
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return replace(path, real, data, info.Mode().Perm())
}

// kind names a file that is neither regular, a folder, a character device
// nor a named pipe, for a message.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0:
		return "a device such as a disk"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// inPlace writes data to an existing device or named pipe without creating,
// truncating or renaming anything. Opening a named pipe waits, as a shell
// does, until something reads it.
func inPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// replace writes data to a temporary file beside target and renames it
// over target with the given permissions; messages name path, as the user
// wrote it.
func replace(path, target string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
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
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(name, perm); err != nil {
		return fail(err)
	}
	if perm&0o200 == 0 { // forced over a read-only file: Windows will not rename over one
		os.Chmod(target, perm|0o200)
	}
	if err := replaceFile(name, target); err != nil {
		os.Remove(name)
		if perm&0o200 == 0 {
			os.Chmod(target, perm)
		}
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
