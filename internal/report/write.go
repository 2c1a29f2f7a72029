package report

import (
	"bytes"
	"io"
	"sync"

	"icsplan/internal/analysis"
	"icsplan/internal/atomicfile"
)

// render writes the whole report into memory, then to w in one write, so a
// failure never leaves half a report behind.
func render(w io.Writer, r analysis.Result, f Format, o Options) error {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := renderTo(buf, r, f, o); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// buffers keeps the buffer a report was written in for the next report: a
// report of 100,000 systems is tens of megabytes (a hundred in JSON), and
// making that garbage at every render costs a garbage collection of the
// whole analysis every few renders. A process that renders once gains
// nothing; one that renders again (the TUI's exports, the benchmarks)
// writes into the same memory. The pool lets go of a buffer left unused
// through two collections.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer returns buf to the pool, empty, once nothing refers to its
// bytes (w.Write and atomicfile.Write keep none).
func putBuffer(buf *bytes.Buffer) {
	buf.Reset()
	buffers.Put(buf)
}

// renderTo renders the whole report into buf. Each format writes into buf
// itself, so the report is built once, in one buffer, and copied no more.
func renderTo(buf *bytes.Buffer, r analysis.Result, f Format, o Options) error {
	buf.Grow(16<<10 + bytesPerSystem[f]*len(r.Systems) + panelBytes(r, f))
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
	buf := getBuffer()
	defer putBuffer(buf)
	if err := renderTo(buf, r, f, o); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), atomicfile.Options{})
}
