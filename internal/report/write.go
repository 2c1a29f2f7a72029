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
	var err error
	switch f {
	case Text:
		err = renderText(&buf, buildDoc(r), newStyles(o.Colour))
	case Markdown:
		err = renderMarkdown(&buf, buildDoc(r))
	case CSV:
		err = renderCSV(&buf, r)
	case JSON:
		err = renderJSON(&buf, r)
	case Email:
		_, err = buf.WriteString(emailSummary(r))
	case XLSX:
		err = renderXLSX(&buf, r)
	case HTML:
		err = renderHTMLReport(&buf, r)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writeFile renders the whole report, then writes it with atomicfile.
func writeFile(path string, r analysis.Result, f Format, o Options) error {
	var buf bytes.Buffer
	if err := render(&buf, r, f, o); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), atomicfile.Options{})
}
