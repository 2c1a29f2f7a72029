package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"

	"icsplan/internal/analysis"
)

// The JSON report as encoding/json writes it: the reference that the
// hand-written writers (renderJSON, renderPanelJSON) must match byte for
// byte. renderJSONEncoder is the renderer the report had before them.

// renderJSONEncoder writes the report with one Encoder (SetIndent("  ",
// "  "), no HTML escaping, through jsonSafeWriter) for each top-level value
// but the systems (writeSystemsJSON, held to the Encoder by
// TestSystemJSONMatchesEncoder), and the panel key only when there is one.
func renderJSONEncoder(buf *bytes.Buffer, r analysis.Result) error {
	j := buildJSONHead(r)
	if r.Panel != nil {
		p := buildPanelJSON(*r.Panel)
		j.Panel = &p
	}
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

// renderPanelJSONEncoder writes the Years report's panel with the Encoder.
func renderPanelJSONEncoder(buf *bytes.Buffer, p analysis.Panel) error {
	enc := json.NewEncoder(jsonSafeWriter{buf})
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(buildPanelJSON(p))
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
