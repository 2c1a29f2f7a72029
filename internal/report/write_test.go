package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

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
	onlyFiles(t, dir, len(Formats))
}

// onlyFiles fails if dir holds anything but n files (a temporary file left
// behind, say).
func onlyFiles(t *testing.T, dir string, n int) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != n {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want %d files", names, n)
	}
}

func oldFile(t *testing.T) (dir, path string) {
	dir = t.TempDir()
	path = filepath.Join(dir, "report.csv")
	if err := os.WriteFile(path, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func checkOld(t *testing.T, path string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != "old report" {
		t.Errorf("the old file was changed: %q, %v", got, err)
	}
}

func TestWriteFileLockedTarget(t *testing.T) {
	dir, path := oldFile(t)
	defer func(f func(string, string) error) { replaceFile = f }(replaceFile)
	for _, errno := range []syscall.Errno{syscall.EACCES, syscall.EPERM} {
		replaceFile = func(from, to string) error { return &os.LinkError{Op: "rename", Old: from, New: to, Err: errno} }
		err := WriteFile(path, fixture(), CSV, Options{})
		if err == nil {
			t.Fatal("a locked target was written")
		}
		msg := err.Error()
		if !strings.Contains(msg, path) || !strings.Contains(msg, "close the file in Excel and try again") {
			t.Errorf("message %q does not name the file and say to close it in Excel", msg)
		}
		if strings.Contains(msg, ".tmp") {
			t.Errorf("message %q names the temporary file", msg)
		}
		checkOld(t, path)
		onlyFiles(t, dir, 1)
	}
}

func TestWriteFileReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder")
	}
	dir, path := oldFile(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := WriteFile(path, fixture(), CSV, Options{})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "permission") {
		t.Errorf("error %v does not name the file and the lack of permission", err)
	}
	checkOld(t, path)
}

func TestWriteFileUnwritableTargets(t *testing.T) {
	dir, path := oldFile(t)
	for _, target := range []string{
		filepath.Join(dir, "no such folder", "report.csv"),
		filepath.Join(path, "report.csv"), // a file where a folder should be
		dir,                               // a folder
	} {
		err := WriteFile(target, fixture(), CSV, Options{})
		if err == nil || !strings.Contains(err.Error(), target) {
			t.Errorf("WriteFile(%s) error %v does not name the target", target, err)
		}
	}
	checkOld(t, path)
	onlyFiles(t, dir, 1)
	if err := WriteBytes("", []byte("x")); err == nil {
		t.Error("WriteBytes accepts an empty name")
	}
}

func TestWriteFileReplacesAndKeepsMode(t *testing.T) {
	dir, path := oldFile(t)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, []byte("new report")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new report" {
		t.Errorf("file holds %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
	onlyFiles(t, dir, 1)
}
