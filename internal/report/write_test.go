package report

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icsplan/internal/engine"
	"icsplan/internal/synth"
)

// The writing itself (temporary files, locks, devices, read-only files) is
// atomicfile's and tested there; these check that WriteFile writes exactly
// the report and names the target when it cannot.

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Formats {
		path := filepath.Join(dir, "report."+string(f))
		if err := WriteFile(path, fixture(), f, Options{}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := Render(&want, fixture(), f, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: the file differs from Render's output", f)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) != len(Formats) {
		t.Errorf("folder holds %d entries (%v), want %d files", len(ents), err, len(Formats))
	}
}

func TestWriteFileNamesTheTarget(t *testing.T) {
	dir := t.TempDir()
	for _, target := range []string{filepath.Join(dir, "no such folder", "report.csv"), dir} {
		err := WriteFile(target, fixture(), CSV, Options{})
		if err == nil || !strings.Contains(err.Error(), target) {
			t.Errorf("WriteFile(%s) error %v does not name the target", target, err)
		}
	}
	if err := WriteFile(filepath.Join(dir, "r.csv"), fixture(), Format("pdf"), Options{}); err == nil {
		t.Error("an unknown format was written")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("a failed write left %d entries", len(ents))
	}
}

// TestRenderAfterRenderIsFresh: the buffer one render leaves for the next
// holds nothing of it: each format of a small result, rendered after a
// large one in another format, is what it is when rendered first.
func TestRenderAfterRenderIsFresh(t *testing.T) {
	small := fixture()
	ds := synth.Generate(300, 4)
	big, err := engine.Analyse(ds, synth.DeficitSupport(ds))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, Markdown, CSV, JSON, Email, HTML} {
		var first bytes.Buffer
		if err := renderTo(&first, small, f, Options{}); err != nil {
			t.Fatal(err)
		}
		var after bytes.Buffer
		if err := Render(io.Discard, big, JSON, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := Render(&after, small, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if after.String() != first.String() {
			t.Errorf("%s after a larger JSON report differs from %s rendered first", f, f)
		}
	}
}
