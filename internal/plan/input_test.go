package plan

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const smallCSV = "code,name,population,plan\nAAA,Alpha,1000,-500\n"

// TestSpecialFilesRefused: a systems file, a scenario in a year folder and
// a lone file that are named pipes or devices are refused from what Stat
// says, before anything is read (issue 12 item 1). The files here hold a
// good CSV and scenario, which the previous main read and accepted.
func TestSpecialFilesRefused(t *testing.T) {
	scen := []byte("title = \"S\"\npot = 1\n")
	fsys := fstest.MapFS{
		"pipe/2023-24/systems.csv":  {Data: []byte(smallCSV), Mode: fs.ModeNamedPipe},
		"dev/2023-24/systems.csv":   {Data: []byte(smallCSV), Mode: fs.ModeDevice | fs.ModeCharDevice},
		"scen/2023-24/systems.csv":  {Data: []byte(smallCSV)},
		"scen/2023-24/zero.toml":    {Data: scen, Mode: fs.ModeDevice | fs.ModeCharDevice},
		"scen/2023-24/fifo.toml":    {Data: scen, Mode: fs.ModeNamedPipe},
		"lone/2023-24/systems.xlsx": {Data: []byte("PK\x03\x04"), Mode: fs.ModeSocket},
	}
	for dir, want := range map[string]string{
		"pipe": "pipe/2023-24/systems.csv: is a named pipe, not a file: icsplan reads only ordinary files",
		"dev":  "dev/2023-24/systems.csv: is a device, not a file: icsplan reads only ordinary files",
		"scen": "scen/2023-24/fifo.toml: is a named pipe, not a file: icsplan reads only ordinary files\n" +
			"scen/2023-24/zero.toml: is a device, not a file: icsplan reads only ordinary files",
		"lone/2023-24/systems.xlsx": "lone/2023-24/systems.xlsx: is a socket, not a file: icsplan reads only ordinary files",
	} {
		_, err := Load(fsys, dir, dir, Options{})
		if got := errText(t, err); got != want {
			t.Errorf("%s:\n got: %s\nwant: %s", dir, got, want)
		}
	}
}

// TestTooLongNamesLineOne: a file over MaxFileBytes is refused from its
// size, with the file and line 1 named (issue 12 item 11), before reading.
func TestTooLongNamesLineOne(t *testing.T) {
	big := make([]byte, MaxFileBytes+1)
	fsys := fstest.MapFS{"p/2023-24/systems.csv": {Data: big}}
	_, err := Load(fsys, "p", "p", Options{})
	// 64 MiB is 67,108,864 bytes; one more.
	wantErr(t, err, "p/2023-24/systems.csv:1: is 67108865 bytes, more than the 64 MiB icsplan reads")
}

// endless is a file system whose one file says it is a regular file of no
// size (as files in /proc do) but reads on and on (here, a little past the
// limit, so that a reader without a limit ends too).
type endless struct{}

func (endless) Open(name string) (fs.File, error) {
	return &endlessFile{left: MaxFileBytes + 1<<20}, nil
}

type endlessFile struct{ left int }

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (f *endlessFile) Close() error               { return nil }
func (f *endlessFile) Read(p []byte) (int, error) {
	if f.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), f.left)
	for i := range p[:n] {
		p[i] = '#'
	}
	f.left -= n
	return n, nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "s.toml" }
func (endlessInfo) Size() int64        { return 0 }
func (endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

// TestReadIsLimited: a file whose size Stat does not tell is read only to
// the limit, and said to be longer.
func TestReadIsLimited(t *testing.T) {
	_, err := readInput(endless{}, "s.toml", "s.toml")
	wantErr(t, err, "s.toml:1: is longer, more than the 64 MiB icsplan reads")
}

// TestScenarioFileIsAnInput: --scenario FILE is read as Load reads its
// files: a named pipe or device is refused at once, and the size limit
// applies (issue 12 items 1 and 11; before, it had no limit at all).
func TestScenarioFileIsAnInput(t *testing.T) {
	lib, _ := twoYears(t)
	y := lib.Years[1]
	fsys := fstest.MapFS{
		"fifo.toml": {Data: []byte("title = \"F\"\npot = 1\n"), Mode: fs.ModeNamedPipe},
		"big.toml":  {Data: []byte("title = \"B\"\npot = 1\n" + strings.Repeat("#", MaxFileBytes))},
	}
	_, _, err := y.PickScenario("x/fifo.toml", fsys, "fifo.toml")
	wantErr(t, err, "x/fifo.toml: is a named pipe, not a file: icsplan reads only ordinary files")
	_, _, err = y.PickScenario("x/big.toml", fsys, "big.toml")
	// 20 bytes of title and pot, then 64 MiB = 67,108,864 bytes of comment.
	wantErr(t, err, "x/big.toml:1: is 67108884 bytes, more than the 64 MiB icsplan reads")
	var ce *ChoiceError
	if errors.As(err, &ce) {
		t.Error("a file too long is a usage mistake")
	}
}
