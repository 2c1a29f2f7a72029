package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"icsplan/internal/atomicfile"
	"icsplan/internal/plan"
	"icsplan/plans"
)

// The operating system's files, as cmd hands them to plan (an fs.FS and a
// name in it) and as it writes -o FILE.

// loaded is a library and the files it was read from, as paths the
// operating system opens; none for the embedded plans.
type loaded struct {
	lib   plan.Library
	files []string
}

// loadPlans reads PATH, or the embedded plans when none is given.
func loadPlans(c config) (loaded, error) {
	opt := plan.Options{Sheet: c.sheet, Year: c.year}
	if c.path == "" {
		lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, opt)
		return loaded{lib: lib}, err
	}
	info, err := os.Stat(c.path)
	if err != nil {
		return loaded{}, fmt.Errorf("cannot open %s: %w", c.path, unwrapPathError(err))
	}
	abs, err := filepath.Abs(c.path)
	if err != nil {
		return loaded{}, err
	}
	root, name := abs, "."
	if info.IsDir() {
		// Open it from its parent so the folder's own name ("2023-24") is
		// seen even when PATH is "." or "..".
		if parent := filepath.Dir(abs); parent != abs {
			root, name = parent, filepath.Base(abs)
		}
	} else {
		// Keep the parent in view so a file in a year folder knows its year.
		dir := filepath.Dir(abs)
		root, name = dir, filepath.Base(abs)
		if parent := filepath.Dir(dir); parent != dir {
			root, name = parent, filepath.Base(dir)+"/"+filepath.Base(abs)
		}
	}
	lib, err := plan.Load(os.DirFS(root), name, c.path, opt)
	in := loaded{lib: lib}
	for _, f := range lib.Read {
		in.files = append(in.files, filepath.Join(root, filepath.FromSlash(f)))
	}
	return in, err
}

// scenarioFile is the folder of a --scenario FILE as an fs.FS and the
// file's name in it; plan reads it only if the value names a file.
func scenarioFile(path string) (fs.FS, string) {
	if path == "" {
		return nil, ""
	}
	return os.DirFS(filepath.Dir(path)), filepath.Base(path)
}

// notAnInput refuses -o FILE when FILE is one of the files read: the report
// would replace the plans it came from.
func notAnInput(out string, inputs []string) error {
	target, err := os.Stat(out)
	if err != nil {
		return nil // nothing there yet, so nothing read from it
	}
	for _, in := range inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(target, info) {
			return usagef("-o %s is %s, which the report is made from: write the report to another file", out, in)
		}
	}
	return nil
}

// writeOutput writes -o FILE with atomicfile, replacing a read-only file
// only with --force.
func writeOutput(c config, data []byte) error {
	err := atomicfile.Write(c.output, data, atomicfile.Options{Force: c.force})
	if errors.Is(err, atomicfile.ErrReadOnly) {
		return fmt.Errorf("%w (give --force to replace it)", err)
	}
	return err
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
