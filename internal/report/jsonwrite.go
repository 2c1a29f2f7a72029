package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"

	"icsplan/internal/analysis"
)

// renderJSON writes the JSON report into buf: two-space indent, keys in
// jsonReport's order, a trailing newline. The bytes are those
// encoding/json's Encoder writes for the whole report (SetIndent("", "  "),
// SetEscapeHTML(false)), but the document is written piece by piece, each
// top-level value and then each system on its own (by writeSystemJSON),
// straight into buf, so that no second copy of the whole document is ever
// made. Characters a terminal would act on or hide are escaped (see
// jsonEscaped).
func renderJSON(buf *bytes.Buffer, r analysis.Result) error {
	j := buildJSONHead(r)
	enc := json.NewEncoder(jsonSafeWriter{buf})
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ") // a top-level member's value, at depth 1
	rv := reflect.ValueOf(j)
	rt := rv.Type()
	buf.WriteByte('{')
	for i := range rt.NumField() {
		if rt.Field(i).Name == "Panel" && j.Panel == nil {
			continue // the last key, and only a library of two or more years has a panel
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		buf.WriteString("\n  \"" + name + "\": ")
		if rt.Field(i).Name == "Systems" {
			writeSystemsJSON(buf, r)
			continue
		}
		if err := enc.Encode(rv.Field(i).Interface()); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the newline the Encoder ends a value with
	}
	buf.WriteString("\n}\n")
	return nil
}

// writeSystemsJSON writes the systems array, each system written straight
// from the analysis (writeSystemStream), so that the report's systems are
// never all held at once, nor any system's strings made.
func writeSystemsJSON(buf *bytes.Buffer, r analysis.Result) {
	if len(r.Systems) == 0 {
		buf.WriteString("[]")
		return
	}
	buf.WriteString("[\n")
	for k := range r.Systems {
		if k > 0 {
			buf.WriteString(",\n")
		}
		buf.WriteString("    ")
		writeSystemStream(&jsonObject{b: buf, indent: "      "}, &r.Systems[k], systemIncentive(r, k))
	}
	buf.WriteString("\n  ]")
}

// jsonSafeWriter appends what encoding/json writes to a buffer with the
// characters that a terminal acts on or hides, and that encoding/json leaves
// raw, escaped as \uXXXX: DEL, the C1 controls U+0080–U+009F (U+009B is an
// 8-bit CSI), bidi marks, embeddings, overrides and isolates, zero-width
// characters and the BOM (U+2028 and U+2029 encoding/json escapes itself).
// They can only occur inside strings, where \uXXXX decodes to the same
// character, so the document stays valid and means the same.
type jsonSafeWriter struct{ b *bytes.Buffer }

func (w jsonSafeWriter) Write(p []byte) (int, error) {
	start := 0
	for i := 0; i < len(p); {
		c := p[i]
		// Every character escaped is DEL or starts with one of these bytes;
		// encoding/json's output is valid UTF-8, so any other byte is a
		// whole ASCII character or part of a character kept as it is.
		if c < 0x7f || c != 0x7f && c != 0xc2 && c != 0xd8 && c != 0xe2 && c != 0xef {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if !jsonEscaped(r) {
			i += n
			continue
		}
		w.b.Write(p[start:i])
		const hex = "0123456789abcdef"
		w.b.Write([]byte{'\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]})
		i += n
		start = i
	}
	w.b.Write(p[start:])
	return len(p), nil
}

// jsonEscaped reports whether the JSON report writes r as \uXXXX: the
// characters sanitize.Text removes or replaces that encoding/json would pass
// raw.
func jsonEscaped(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f: // DEL and C1 controls
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // bidi marks
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff: // zero-width characters, BOM
		return true
	}
	return false
}
