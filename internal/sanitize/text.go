package sanitize

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// replacement stands in for a control character or an invalid byte.
const replacement = '\uFFFD'

// text implements Text in three steps: make the string valid UTF-8 (so that
// the escape-sequence parser cannot be fooled into swallowing an ESC as part
// of a broken multi-byte character), strip escape sequences whole with
// ansi.Strip, then map what is left rune by rune.
func text(s string) string {
	if clean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, string(replacement))
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch action(r) {
		case keep:
			b.WriteRune(r)
		case space:
			b.WriteByte(' ')
		case replace:
			b.WriteRune(replacement)
		case drop:
		}
	}
	return b.String()
}

type act uint8

const (
	keep act = iota
	space
	replace
	drop
)

// action says what happens to r once escape sequences are gone.
func action(r rune) act {
	switch {
	case r == '\t':
		return space
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return replace // C0, DEL and C1 controls (CR, BS, ESC, U+009B CSI, ...)
	case r < 0x200b:
		if r == 0x061c { // Arabic letter mark
			return drop
		}
		return keep
	case r <= 0x200f: // zero-width space, non-joiner, joiner; LRM, RLM
		return drop
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
		return drop
	case r >= 0x2060 && r <= 0x2069 && r != 0x2065: // word joiner, invisible operators, bidi isolates
		if r == 0x2060 || r >= 0x2066 {
			return drop
		}
		return keep
	case r == 0xfeff: // BOM, zero-width no-break space
		return drop
	}
	return keep
}

// clean reports whether s is valid UTF-8 that Text would return unchanged.
// It does not allocate.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if action(r) != keep {
			return false
		}
		i += n
	}
	return true
}
