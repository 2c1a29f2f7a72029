package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// onlyFiles fails if dir holds anything but n entries (a temporary file
// left behind, say).
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
		t.Errorf("folder holds %v, want %d entries", names, n)
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

func checkContent(t *testing.T, path, want string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != want {
		t.Errorf("%s holds %q (%v), want %q", path, got, err, want)
	}
}

func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.csv")
	if err := Write(path, []byte("a,b\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	checkContent(t, path, "a,b\n")
	if info, _ := os.Stat(path); !info.Mode().IsRegular() {
		t.Errorf("mode %v", info.Mode())
	}
	onlyFiles(t, dir, 1)
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir, path := oldFile(t)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new report"), Options{}); err != nil {
		t.Fatal(err)
	}
	checkContent(t, path, "new report")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
	onlyFiles(t, dir, 1)
}

func TestWriteLockedTarget(t *testing.T) {
	dir, path := oldFile(t)
	defer func(f func(string, string) error) { replaceFile = f }(replaceFile)
	for _, errno := range []syscall.Errno{syscall.EACCES, syscall.EPERM} {
		replaceFile = func(from, to string) error { return &os.LinkError{Op: "rename", Old: from, New: to, Err: errno} }
		err := Write(path, []byte("new report"), Options{})
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
		checkContent(t, path, "old report")
		onlyFiles(t, dir, 1)
	}
}

func TestReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder: TestReadOnlyFolderAsNobody covers this")
	}
	dir, path := oldFile(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := Write(path, []byte("new report"), Options{})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "permission") {
		t.Errorf("error %v does not name the file and the lack of permission", err)
	}
	checkContent(t, path, "old report")
}

func TestUnwritableTargets(t *testing.T) {
	dir, path := oldFile(t)
	for _, target := range []string{
		filepath.Join(dir, "no such folder", "report.csv"),
		filepath.Join(path, "report.csv"), // a file where a folder should be
		dir,                               // a folder
	} {
		err := Write(target, []byte("x"), Options{})
		if err == nil || !strings.Contains(err.Error(), target) {
			t.Errorf("Write(%s) error %v does not name the target", target, err)
		}
	}
	checkContent(t, path, "old report")
	onlyFiles(t, dir, 1)
	if err := Write("", []byte("x"), Options{}); err == nil {
		t.Error("Write accepts an empty name")
	}
}

// TestReadOnlyFileNeedsForce: a file the user made read-only is not
// replaced (rename would do it, even as root) unless Force is set, and then
// it stays read-only. report's writer before this package replaced it
// silently.
func TestReadOnlyFileNeedsForce(t *testing.T) {
	dir, path := oldFile(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := Write(path, []byte("new report"), Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v is not ErrReadOnly naming the file", err)
	}
	checkContent(t, path, "old report")
	if err := Write(path, []byte("new report"), Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	checkContent(t, path, "new report")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode %v after a forced write, want 0444 kept", info.Mode().Perm())
	}
	onlyFiles(t, dir, 1)
}

// TestWriteThroughLink: a link is followed; the file it points to gets the
// new content and the link stays a link. A link to nothing is refused.
func TestWriteThroughLink(t *testing.T) {
	dir, path := oldFile(t)
	link := filepath.Join(dir, "latest.csv")
	if err := os.Symlink("report.csv", link); err != nil {
		t.Skip("cannot make links here:", err)
	}
	if err := Write(link, []byte("new report"), Options{}); err != nil {
		t.Fatal(err)
	}
	checkContent(t, path, "new report")
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info.Mode(), err)
	}
	dangling := filepath.Join(dir, "gone.csv")
	if err := os.Symlink("nowhere.csv", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, []byte("x"), Options{}); err == nil || !strings.Contains(err.Error(), dangling) {
		t.Errorf("a link to nothing: %v", err)
	}
	onlyFiles(t, dir, 3)
}
