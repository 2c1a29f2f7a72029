package plan

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// MaxFileBytes is the largest systems or scenario file icsplan reads,
// whether Load finds it or it is a --scenario file.
const MaxFileBytes = 64 << 20

// readInput reads the file name within fsys, which people know as
// display. Only a regular file is read: fs.Stat, which does not wait on a
// named pipe or read a device, says what it is first, so a link to
// /dev/zero or a named pipe is refused at once. At most MaxFileBytes are
// read, even from a file whose size Stat does not tell (a growing file, a
// file in /proc). A file that cannot be opened is a plain error ("cannot
// read: ..."); one that is not regular or is too long is a Problem.
func readInput(fsys fs.FS, name, display string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if what := notRegular(info.Mode()); what != "" {
		return nil, Problems{{File: display, Message: fmt.Sprintf("is %s, not a file: icsplan reads only ordinary files", what)}}
	}
	if info.Size() > MaxFileBytes {
		return nil, Problems{tooLong(display, fmt.Sprintf("is %d bytes", info.Size()))}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if len(data) > MaxFileBytes {
		return nil, Problems{tooLong(display, "is longer")}
	}
	return data, nil
}

// tooLong is the problem of a file over MaxFileBytes, placed at line 1 so
// an editor opens it.
func tooLong(display, size string) Problem {
	return Problem{File: display, Line: 1, Message: fmt.Sprintf("%s, more than the %d MiB icsplan reads", size, MaxFileBytes>>20)}
}

// notRegular names what a file is when it is not a regular file ("a
// folder", "a named pipe"); "" for a regular file.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// unwrapPath drops the path from an fs error; messages name the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
