package xlsxw

import (
	"bufio"
	"unicode/utf8"
)

// The text of a cell is written as excelize writes it: cut to MaxCellChars
// UTF-16 code units, XML-escaped, each character XML 1.0 cannot hold (most
// C0 controls, U+FFFE, U+FFFF, bytes that are not UTF-8) replaced by U+FFFD,
// and every literal _xHHHH_ (which Excel would read as the escape of a
// character) kept literal by escaping its underscore as _x005F_.

// truncate cuts s to MaxCellChars UTF-16 code units, at a character's
// boundary. A string of no more bytes than that is never cut: no character
// takes more UTF-16 units than UTF-8 bytes.
func truncate(s string) string {
	if len(s) <= MaxCellChars {
		return s
	}
	n := 0
	for i, r := range s {
		units := 1
		if r >= 0x10000 {
			units = 2
		}
		if n += units; n > MaxCellChars {
			return s[:i]
		}
	}
	return s
}

// inXMLRange reports whether XML 1.0 can hold r.
func inXMLRange(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// validXML reports whether s is UTF-8 that XML 1.0 can hold as it is.
func validXML(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return false
			}
		}
		if !inXMLRange(r) {
			return false
		}
	}
	return true
}

// escapeAt reports whether s[i:] begins with _xHHHH_, an escape Excel
// decodes.
func escapeAt(s string, i int) bool {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return false
	}
	for _, c := range []byte(s[i+2 : i+6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// writeEscaped writes s as XML character data, or as an attribute's value
// in double quotes if attr.
func writeEscaped(w *bufio.Writer, s string, attr bool) {
	writeXML(w, s, attr, false)
}

// appendCellText appends s as a cell's text.
func appendCellText(dst []byte, s string) []byte {
	return appendXML(dst, truncate(s), false, true)
}

// writeXML writes s escaped for XML; with bstr, each _xHHHH_ is kept
// literal.
func writeXML(w *bufio.Writer, s string, attr, bstr bool) {
	w.Write(appendXML(nil, s, attr, bstr))
}

// appendXML appends s escaped for XML; with bstr, each _xHHHH_ is kept
// literal. Runs of bytes that need nothing are copied as they are.
func appendXML(dst []byte, s string, attr, bstr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c, width, esc := s[i], 1, ""
		if c < utf8.RuneSelf {
			esc = escapeByte(c, attr)
			if c == '_' && bstr && escapeAt(s, i) {
				esc = "_x005F_"
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && width == 1 || !inXMLRange(r) {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			last = i + width
		}
		i += width
	}
	return append(dst, s[last:]...)
}

// escapeByte is how an ASCII byte is written: "" for itself.
func escapeByte(c byte, attr bool) string {
	switch c {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\r':
		return "&#xD;"
	case '"':
		if attr {
			return "&quot;"
		}
	case '\n':
		if attr {
			return "&#xA;"
		}
	case '\t':
		if attr {
			return "&#x9;"
		}
	default:
		if c < 0x20 {
			return "\uFFFD"
		}
	}
	return ""
}

// needsSpace reports whether a text's first or last character is a space,
// tab or line end, which XML keeps only with xml:space="preserve".
func needsSpace(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte{s[0], s[len(s)-1]} {
		switch c {
		case ' ', '\t', '\n', '\r':
			return true
		}
	}
	return false
}
