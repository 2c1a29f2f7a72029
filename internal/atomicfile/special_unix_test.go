//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDevNullStaysADevice: -o /dev/null writes into the device; before,
// the report was renamed over it, which as root leaves /dev/null a regular
// file.
func TestDevNullStaysADevice(t *testing.T) {
	if err := Write("/dev/null", []byte("a report"), Options{}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat("/dev/null")
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", info.Mode(), err)
	}
}

// TestOwnDeviceNodeStaysADevice makes a null device of its own (as root,
// so that replacing it is possible, as replacing /dev/null was) and writes
// to it.
func TestOwnDeviceNodeStaysADevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can make a device node")
	}
	dir := t.TempDir()
	node := filepath.Join(dir, "null")
	if err := syscall.Mknod(node, syscall.S_IFCHR|0o666, 1<<8|3); err != nil { // major 1, minor 3: null
		t.Skip("cannot make a device node here:", err)
	}
	if err := Write(node, []byte("a report"), Options{}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(node); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device node was replaced: %v %v", info.Mode(), err)
	}
	onlyFiles(t, dir, 1)
}

// TestNamedPipeWrittenInPlace: a named pipe is written to (what reads it
// gets the report) and stays a pipe. The test cannot hang: the reader runs
// in a goroutine, and if nothing arrives in time both ends are released.
func TestNamedPipeWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a named pipe here:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // waits for a writer
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	done := make(chan error, 1)
	go func() { done <- Write(fifo, []byte("a report"), Options{}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		release(fifo)
		t.Fatal("writing to a named pipe did not finish")
	}
	select {
	case s := <-got:
		if s != "a report" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		release(fifo)
		t.Fatal("the reader got nothing: the pipe was not written")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info.Mode(), err)
	}
	onlyFiles(t, dir, 1)
}

// release opens both ends of a named pipe without blocking and closes them,
// so that a goroutine stuck opening it goes on.
func release(fifo string) {
	if f, err := os.OpenFile(fifo, os.O_RDWR|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}

// TestSocketRefused: a socket is neither a file nor something to write a
// report into.
func TestSocketRefused(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Skip(err)
	}
	err = Write(sock, []byte("x"), Options{})
	if err == nil || !strings.Contains(err.Error(), "a socket, not a file") {
		t.Errorf("socket: %v", err)
	}
	if info, err := os.Lstat(sock); err != nil || info.Mode()&os.ModeSocket == 0 {
		t.Errorf("the socket was replaced: %v %v", info.Mode(), err)
	}
}
