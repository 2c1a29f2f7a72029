package plan

import (
	"strings"
	"testing"
	"unicode"
)

// TestContainsFold checks ContainsFold against strings.Contains on a lower-case
// copy, on hand-picked cases and on every string of up to four runes drawn
// from letters of the words, their capitals and runes that lower oddly
// (Go lowers İ to i and the Kelvin sign to k; ſ stays itself).
func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"Illustrative: replace", "illustrative", true},
		{"ILLUSTRATIVE", "illustrative", true},
		{"illustrativ", "illustrative", false},
		{"İllustrative", "illustrative", true}, // Go lowers U+0130 to i
		{"reported", "illustrative", false},
		{"", "fitted", false},
		{"fitted to totals", "fitted", true},
	} {
		if got := ContainsFold(c.s, c.word); got != c.want {
			t.Errorf("ContainsFold(%q, %q) = %v, want %v", c.s, c.word, got, c.want)
		}
	}
	alphabet := []string{"f", "I", "t", "e", "d", "T", "İ", "K", "ſ", "\xff", "é"}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		for _, w := range []string{"fit", "ted", "it", "fitted"} {
			if got, want := ContainsFold(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Fatalf("ContainsFold(%q, %q) = %v, strings.ToLower gives %v", s, w, got, want)
			}
		}
		if depth == 0 {
			return
		}
		for _, a := range alphabet {
			walk(s+a, depth-1)
		}
	}
	walk("", 4)
}

// TestNoASCIIFormatCharacters backs visible's shortcut: no ASCII character
// is a format character (category Cf), so an ASCII cell loses none.
func TestNoASCIIFormatCharacters(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if unicode.Is(unicode.Cf, r) {
			t.Fatalf("%U is a format character", r)
		}
	}
	if got := visible(" a\u00adb\u200b "); got != "ab" {
		t.Errorf("visible kept format characters: %q", got)
	}
}
