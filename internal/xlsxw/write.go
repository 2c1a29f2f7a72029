package xlsxw

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Level is the deflate level of the zip's parts other than worksheets,
// which are small; a worksheet is coded by its own writer (tokenWriter),
// which knows where its markup repeats and needs no search for matches.
const Level = flate.BestSpeed

// part is one part of the package: its name, content type ("" for one
// known by its extension) and how it is written.
type part struct {
	name, contentType string
	write             func(*bufio.Writer)
	sheet             func() []func(*tokenWriter) // a worksheet's pieces
}

// parts lists the package's parts in the order they are written.
func (b *Book) parts() []part {
	styleIDs := make([]string, len(b.styles.xfs))
	for i := range styleIDs {
		styleIDs[i] = strconv.Itoa(i)
	}
	ps := []part{
		{name: "_rels/.rels", write: func(w *bufio.Writer) {
			writeRels(w, []rel{{"officeDocument", "xl/workbook.xml"},
				{"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
				{"extended-properties", "docProps/app.xml"}})
		}},
		{name: "docProps/app.xml", contentType: ctApp, write: writeApp},
		{name: "docProps/core.xml", contentType: ctCore, write: b.writeCore},
		{name: "xl/workbook.xml", contentType: ctWorkbook, write: b.writeWorkbook},
		{name: "xl/_rels/workbook.xml.rels", write: func(w *bufio.Writer) {
			var rels []rel
			for i := range b.sheets {
				rels = append(rels, rel{"worksheet", "worksheets/sheet" + strconv.Itoa(i+1) + ".xml"})
			}
			writeRels(w, append(rels, rel{"styles", "styles.xml"}, rel{"theme", "theme/theme1.xml"}))
		}},
		{name: "xl/styles.xml", contentType: ctStyles, write: b.styles.write},
		{name: "xl/theme/theme1.xml", contentType: ctTheme, write: func(w *bufio.Writer) { w.WriteString(theme1XML) }},
	}
	drawings, charts := 0, 0
	for i, s := range b.sheets {
		name := "sheet" + strconv.Itoa(i+1) + ".xml"
		ps = append(ps, part{name: "xl/worksheets/" + name, contentType: ctWorksheet, sheet: func() []func(*tokenWriter) {
			return s.pieces(s.layout(styleIDs), i == b.active)
		}})
		if len(s.charts) == 0 {
			continue
		}
		drawings++
		drawing := "drawing" + strconv.Itoa(drawings) + ".xml"
		ps = append(ps, part{name: "xl/worksheets/_rels/" + name + ".rels", write: func(w *bufio.Writer) {
			writeRels(w, []rel{{"drawing", "../drawings/" + drawing}})
		}}, part{name: "xl/drawings/" + drawing, contentType: ctDrawing, write: func(w *bufio.Writer) { writeDrawing(w, s.charts) }})
		var rels []rel
		for _, c := range s.charts {
			charts++
			chart := "chart" + strconv.Itoa(charts) + ".xml"
			rels = append(rels, rel{"chart", "../charts/" + chart})
			ps = append(ps, part{name: "xl/charts/" + chart, contentType: ctChart, write: func(w *bufio.Writer) { writeChart(w, c) }})
		}
		ps = append(ps, part{name: "xl/drawings/_rels/" + drawing + ".rels", write: func(w *bufio.Writer) { writeRels(w, rels) }})
	}
	return ps
}

// WriteTo writes the workbook to w as an .xlsx file, or returns the first
// error the book's methods met, having written nothing. The parts are
// compressed side by side on every CPU. The same calls give the same
// bytes: the zip's times are the zero DOS time, as excelize writes them.
func (b *Book) WriteTo(w io.Writer) (int64, error) {
	if err := b.check(); err != nil {
		return 0, err
	}
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	c := newCompressor()
	defer c.stop()
	ps := b.parts()
	all := append([]part{{name: "[Content_Types].xml", write: func(w *bufio.Writer) { writeContentTypes(w, ps) }}}, ps...)
	bw := bufio.NewWriterSize(nil, 64<<10)
	for _, p := range all {
		if p.sheet != nil {
			if err := c.writePieces(zw, p.name, p.sheet()); err != nil {
				return cw.n, err
			}
			continue
		}
		pw := c.part()
		bw.Reset(pw)
		p.write(bw)
		bw.Flush() // a partWriter never fails
		if err := pw.finish(zw, p.name); err != nil {
			return cw.n, err
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("xlsx: %w", err)
	}
	return cw.n, nil
}

// check returns the first error the book met, or why it cannot be written.
func (b *Book) check() error {
	if b.err != nil {
		return b.err
	}
	if len(b.sheets) == 0 {
		return errors.New("xlsx: a workbook needs a sheet")
	}
	for _, t := range []string{b.Props.Created, b.Props.Modified} {
		if _, err := time.Parse(time.RFC3339, t); t != "" && err != nil {
			return fmt.Errorf("xlsx: document time %q is not like 2006-09-16T00:00:00Z", t)
		}
	}
	return nil
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
