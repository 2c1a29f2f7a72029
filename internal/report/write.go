package report

import (
	"bytes"
	"io"

	"icsplan/internal/analysis"
	"icsplan/internal/atomicfile"
)

// render writes the whole report into memory, then to w in one write, so a
// failure never leaves half a report behind.
func render(w io.Writer, r analysis.Result, f Format, o Options) error {
	var buf bytes.Buffer
	if err := renderTo(&buf, r, f, o); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// renderTo renders the whole report into buf. Each format writes into buf
// itself, so the report is built once, in one buffer, and copied no more.
func renderTo(buf *bytes.Buffer, r analysis.Result, f Format, o Options) error {
	buf.Grow(16<<10 + bytesPerSystem[f]*len(r.Systems))
	switch f {
	case Text:
		return renderText(buf, buildTextDoc(r), newStyles(o.Colour))
	case Markdown:
		return renderMarkdown(buf, buildTextDoc(r))
	case CSV:
		return renderCSV(buf, r)
	case JSON:
		return renderJSON(buf, r)
	case Email:
		_, err := buf.WriteString(emailSummary(r))
		return err
	case XLSX:
		return renderXLSX(buf, r)
	case HTML:
		return renderHTMLReport(buf, r)
	}
	_, err := ParseFormat(string(f))
	return err
}

// bytesPerSystem is a little over what each format writes per system
// (measured on synthetic data), so that the buffer is grown once rather than
// doubled and copied as the report is written.
var bytesPerSystem = map[Format]int{Text: 210, Markdown: 190, CSV: 230, JSON: 1010, HTML: 550}

// writeFile renders the whole report, then writes it with atomicfile.
func writeFile(path string, r analysis.Result, f Format, o Options) error {
	var buf bytes.Buffer
	if err := renderTo(&buf, r, f, o); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), atomicfile.Options{})
}
