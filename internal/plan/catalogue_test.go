package plan

import (
	"flag"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.want from the current messages")

// located matches a message line that names FILE:LINE or FILE:SHEET!CELL.
var located = regexp.MustCompile(`^testdata/bad/[^:]+:(\d+|[^ ]+![A-Z]+\d+): `)

// TestBadInputCatalogue loads every file and folder in testdata/bad and
// checks the exact message in its .want file. Systems files are loaded as a
// lone file (the year from Options), scenarios parsed, folders loaded as
// plans folders. Every one must fail, and every line of the message must
// name the file and line, except a problem with a folder as a whole.
func TestBadInputCatalogue(t *testing.T) {
	const dir = "testdata/bad"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	n := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".want") {
			continue
		}
		n++
		display := path.Join(dir, name)
		var err error
		switch {
		case e.IsDir():
			_, err = Load(fsys, name, display, Options{})
		case strings.HasSuffix(name, ".toml"):
			data, rerr := os.ReadFile(display)
			if rerr != nil {
				t.Fatal(rerr)
			}
			_, err = ParseScenario(display, data)
		default:
			_, err = Load(fsys, name, display, Options{Year: "2023/24"})
		}
		if err == nil {
			t.Errorf("%s: loaded without error", name)
			continue
		}
		got := err.Error() + "\n"
		wantFile := path.Join(dir, strings.TrimSuffix(name, path.Ext(name))+".want")
		if *update {
			if werr := os.WriteFile(wantFile, []byte(got), 0o644); werr != nil {
				t.Fatal(werr)
			}
		}
		want, rerr := os.ReadFile(wantFile)
		if rerr != nil {
			t.Errorf("%s: no .want file: %v", name, rerr)
			continue
		}
		if got != string(want) {
			t.Errorf("%s:\n got: %s\nwant: %s", name, got, want)
		}
		for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
			if !located.MatchString(line) && !(e.IsDir() && folderLevel(line)) {
				t.Errorf("%s: message does not name FILE:LINE: %s", name, line)
			}
		}
	}
	if n < 40 {
		t.Errorf("the catalogue has %d bad inputs, want at least 40", n)
	}
}

// folderLevel reports whether a message line is about a folder as a whole:
// FOLDER: message, where FOLDER has no extension.
func folderLevel(line string) bool {
	file, _, ok := strings.Cut(line, ": ")
	return ok && path.Ext(file) == "" && strings.HasPrefix(file, "testdata/bad/")
}
