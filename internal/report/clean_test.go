package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"icsplan/internal/sanitize"
)

// TestCleanLeavesPrintableASCII: the premise of clean's shortcut, that
// printable ASCII holds nothing the line-break replacement or sanitize.Text
// would change, on every printable character and random strings of them;
// and text that is not printable ASCII still takes the long way.
func TestCleanLeavesPrintableASCII(t *testing.T) {
	all := make([]byte, 0, 0x7f-0x20)
	for c := byte(0x20); c < 0x7f; c++ {
		all = append(all, c)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for k := range 2000 {
		s := string(all)
		if k > 0 {
			b := make([]byte, rng.IntN(40))
			for i := range b {
				b[i] = all[rng.IntN(len(all))]
			}
			s = string(b)
		}
		if sanitize.Text(lineBreaks.Replace(s)) != s || clean(s) != s {
			t.Fatalf("printable ASCII %q is changed by cleaning", s)
		}
	}
	for s, want := range map[string]string{"a\r\nb": "a b", "a\tb": "a b", "x\x1b[31my": "xy", "a\u2028b": "a b", "a\x7fb": "a\uFFFDb"} {
		if got := clean(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTextTableWideCells: cells of 255 columns or more, whose widths the
// layout keeps as wideCell and measures again, are laid out by their true
// widths. One right-aligned column of 254, 255 and 300 x's is 300 wide: the
// heading A has 299 spaces before it, the rule is 300 dashes, and the cells
// have 46, 45 and no spaces before them.
func TestTextTableWideCells(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	tab := table{cols: []column{{head: "A", right: true}}, rows: [][]string{{x(254)}, {x(255)}, {x(300)}}}
	var b bytes.Buffer
	writeTextTable(&b, tab, width)
	want := strings.Repeat(" ", 299) + "A\n" + strings.Repeat("-", 300) + "\n" +
		strings.Repeat(" ", 46) + x(254) + "\n" + strings.Repeat(" ", 45) + x(255) + "\n" + x(300) + "\n"
	if b.String() != want {
		t.Errorf("wide cells laid out as\n%q\nwant\n%q", b.String(), want)
	}
}

// TestMdPlainIsIndexAny: mdPlain is strings.IndexAny(s, mdSpecial) < 0, on
// every byte alone and on random strings of bytes and runes.
func TestMdPlainIsIndexAny(t *testing.T) {
	for c := range 256 {
		s := string([]byte{byte(c)})
		if got, want := mdPlain(s), strings.IndexAny(s, mdSpecial) < 0; got != want {
			t.Errorf("mdPlain(%q) = %v, want %v", s, got, want)
		}
	}
	pieces := []string{"a", "Z", "9", " ", "£", "日本", "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "!", "&", "{", "}", "(", "-"}
	rng := rand.New(rand.NewPCG(4, 4))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := mdPlain(s), strings.IndexAny(s, mdSpecial) < 0; got != want {
			t.Fatalf("mdPlain(%q) = %v, want %v", s, got, want)
		}
	}
}
