package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII", "NHS Cheshire and Merseyside ICB", "NHS Cheshire and Merseyside ICB"},
		{"plain Unicode", "Bath & North East Somerset – £700m ✓ 日本", "Bath & North East Somerset – £700m ✓ 日本"},
		{"empty", "", ""},
		{"replacement char kept", "a\uFFFDb", "a\uFFFDb"},
		{"SGR colour", "a\x1b[31mred\x1b[0m", "ared"},
		{"CSI cursor movement", "safe\x1b[2J\x1b[Hwiped", "safewiped"},
		{"CSI unterminated at end", "a\x1b[31", "a"},
		{"OSC 52 clipboard, BEL", "x\x1b]52;c;aGVsbG8=\x07y", "xy"},
		{"OSC 52 clipboard, ST", "x\x1b]52;c;aGVsbG8=\x1b\\y", "xy"},
		{"OSC 8 hyperlink", "x\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", "xlink"},
		{"DCS", "p\x1bPq#0\x1b\\q", "pq"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"lone ESC before a letter", "a\x1bb", "a"}, // ESC b is a (two-byte) escape sequence
		{"8-bit CSI as a rune", "a\u009b31mb", "a\uFFFD31mb"},
		{"8-bit CSI as a raw byte", "a\x9b31mb", "a\uFFFD31mb"},
		{"other C1", "a\u0085b\u0090c\u009dd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"CR", "Total\rFake", "Total\uFFFDFake"},
		{"BS", "abc\b\b\bxyz", "abc\uFFFD\uFFFD\uFFFDxyz"},
		{"LF", "a\nb", "a\uFFFDb"},
		{"NUL", "a\x00b", "a\uFFFDb"},
		{"DEL", "a\x7fb", "a\uFFFDb"},
		{"TAB becomes a space", "a\tb", "a b"},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"broken rune swallowing ESC", "\xe2\x1b[31mz", "\uFFFDz"},
		{"Windows-1252 pound", "\xa3700m", "\uFFFD700m"},
		{"bidi override", "invoice\u202egpj.exe", "invoicegpj.exe"},
		{"bidi embeddings and pop", "a\u202ab\u202bc\u202cd\u202de", "abcde"},
		{"bidi isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
		{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"zero-width", "a\u200bb\u200cc\u200dd\u2060e", "abcde"},
		{"BOM", "\ufeffName\ufeff", "Name"},
		{"doubled BOM", "\ufeff\ufeffName", "Name"},
		{"mixed", "\ufeff\x1b[1mNHS\x1b[0m\t\u202eX\r", "NHS X\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextPlainNoAlloc(t *testing.T) {
	for _, s := range []string{"NHS Frimley ICB", "Bath & North East Somerset – £700m", ""} {
		if n := testing.AllocsPerRun(100, func() { _ = Text(s) }); n != 0 {
			t.Errorf("Text(%q) allocates %v times, want 0", s, n)
		}
		if got := Text(s); got != s {
			t.Errorf("Text(%q) = %q, want it unchanged", s, got)
		}
	}
}

// checkSafe reports why out is not safe for a terminal, or "".
func checkSafe(out string) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	if strings.IndexByte(out, 0x1b) >= 0 {
		return "contains ESC"
	}
	for _, r := range out {
		switch {
		case r < 0x20 || r == 0x7f:
			return "contains a C0 control or DEL"
		case r >= 0x80 && r <= 0x9f:
			return "contains a C1 control"
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c:
			return "contains a bidi control"
		case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
			return "contains a zero-width character or BOM"
		}
	}
	return ""
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"NHS Cheshire and Merseyside ICB", "a\x1b[31mred\x1b[0m", "x\x1b]52;c;aGVsbG8=\x07y",
		"a\u009b31mb", "a\x9b31mb", "a\rb\bc\t", "\xe2\x1b[31mz", "invoice\u202egpj.exe",
		"\ufeff\u200b\u2066x\u2069", "abc\x1b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if why := checkSafe(out); why != "" {
			t.Fatalf("Text(%q) = %q: %s", s, out, why)
		}
		if again := Text(out); again != out {
			t.Fatalf("Text not idempotent: Text(%q) = %q, Text of that = %q", s, out, again)
		}
		if checkSafe(s) == "" && !strings.ContainsRune(s, '\t') && out != s {
			t.Fatalf("safe input changed: Text(%q) = %q", s, out)
		}
	})
}

func BenchmarkTextPlain(b *testing.B) {
	s := "NHS Bath and North East Somerset, Swindon and Wiltshire ICB"
	for b.Loop() {
		_ = Text(s)
	}
}

func BenchmarkTextHostile(b *testing.B) {
	s := "NHS \x1b[31mBath\x1b[0m \u202eand\u202c North\r East\b \x1b]52;c;aGVsbG8=\x07Somerset"
	for b.Loop() {
		_ = Text(s)
	}
}
