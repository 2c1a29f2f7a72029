package report

import (
	"bytes"

	"icsplan/internal/analysis"
)

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
