//go:build linux

package atomicfile

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadOnlyFolderAsNobody runs the read-only-folder check when
// the tests run as root (as in CI containers), where a read-only folder does
// not stop anything: it re-runs itself as the user nobody.
func TestReadOnlyFolderAsNobody(t *testing.T) {
	if dir := os.Getenv("ICSPLAN_READONLY_DIR"); dir != "" {
		err := Write(filepath.Join(dir, "report.csv"), []byte("new report"), Options{})
		fmt.Printf("\nRESULT: %v\n", err)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("not root: TestReadOnlyFolder covers this")
	}
	base, err := os.MkdirTemp("", "icsplan-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "atomicfile.test")
	copyFile(t, os.Args[0], bin)
	ro := filepath.Join(base, "readonly")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(ro, "report.csv")
	if err := os.WriteFile(target, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyFolderAsNobody$")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), "ICSPLAN_READONLY_DIR="+ro, "GOCOVERDIR=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Skipf("cannot run as nobody here: %v\n%s", err, out)
	}
	i := strings.Index(string(out), "RESULT: ")
	if i < 0 {
		t.Fatalf("child said:\n%s", out)
	}
	msg := strings.SplitN(string(out[i+len("RESULT: "):]), "\n", 2)[0]
	if msg == "<nil>" {
		t.Fatal("nobody wrote into a read-only folder")
	}
	if !strings.Contains(msg, target) || !strings.Contains(msg, "permission") {
		t.Errorf("message %q does not name the file and the lack of permission", msg)
	}
	t.Logf("as nobody: %s", msg)
	checkContent(t, target, "old report")
	onlyFiles(t, ro, 1)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
