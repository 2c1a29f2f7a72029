package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// A workbook is read part by part from its zip archive with encoding/xml:
// the workbook (its sheets), their relationships, the shared strings, the
// styles (which cells are dates) and the one worksheet asked for, streamed
// row by row, so a stray cell far to the right costs one cell, not a
// padded row, and a damaged cell reference is an error, not the end of
// the rows.

// errUnzipLimit is returned once the parts read pass MaxUnzipBytes.
var errUnzipLimit = errors.New("unzip limit")

// xbook is what readXLSX needs of a workbook's parts.
type xbook struct {
	files    map[string]*zip.File // by lower-case name
	budget   int64                // bytes still allowed to unzip
	sheets   []sheetEntry         // in workbook order
	strings  []string             // shared strings
	dates    []bool               // by style index: the cell format is a date or time
	date1904 bool
}

// sheetEntry is one sheet of the workbook.
type sheetEntry struct {
	name string
	part string // zip name of its XML, "" if it is not a worksheet (a chart sheet)
}

// openParts reads the workbook's structure: sheets, shared strings and
// styles. A message says why it cannot.
func openParts(data []byte) (*xbook, string) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Sprintf("cannot be read as an Excel workbook: %v", err)
	}
	wb := &xbook{files: map[string]*zip.File{}, budget: MaxUnzipBytes}
	var declared uint64
	for _, f := range zr.File {
		wb.files[strings.ToLower(f.Name)] = f
		declared += f.UncompressedSize64
	}
	if declared > MaxUnzipBytes {
		return nil, unzipMessage()
	}
	book := wb.target("_rels/.rels", "", "officeDocument", "xl/workbook.xml")
	if err := wb.readBook(book); err != nil {
		return nil, partMessage(book, err)
	}
	rels := path.Join(path.Dir(book), "_rels", path.Base(book)+".rels")
	if p := wb.target(rels, path.Dir(book), "sharedStrings", ""); p != "" {
		if err := wb.readStrings(p); err != nil {
			return nil, partMessage(p, err)
		}
	}
	if p := wb.target(rels, path.Dir(book), "styles", ""); p != "" {
		if err := wb.readStyles(p); err != nil {
			return nil, partMessage(p, err)
		}
	}
	return wb, ""
}

func unzipMessage() string {
	return fmt.Sprintf("unzips to more than %d MiB, more than icsplan reads: is it really a plans file?", MaxUnzipBytes>>20)
}

// partMessage explains a part that cannot be read.
func partMessage(part string, err error) string {
	switch {
	case errors.Is(err, errUnzipLimit):
		return unzipMessage()
	case errors.Is(err, fs404):
		return fmt.Sprintf("is not an Excel workbook: it has no %s (save it again from Excel as .xlsx)", part)
	}
	return fmt.Sprintf("cannot be read as an Excel workbook: %s: %v", part, err)
}

// fs404 is a part that the archive does not have.
var fs404 = errors.New("no such part")

// open opens a part, counting what it unzips against the budget.
func (wb *xbook) open(name string) (io.ReadCloser, error) {
	f, ok := wb.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, fs404
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &budgetReader{r: r, wb: wb}, nil
}

// budgetReader fails with errUnzipLimit once the workbook's budget is spent.
type budgetReader struct {
	r  io.ReadCloser
	wb *xbook
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.wb.budget <= 0 {
		return 0, errUnzipLimit
	}
	if int64(len(p)) > b.wb.budget {
		p = p[:b.wb.budget]
	}
	n, err := b.r.Read(p)
	b.wb.budget -= int64(n)
	return n, err
}

func (b *budgetReader) Close() error { return b.r.Close() }

// decode streams a part's XML to fn, element by element.
func (wb *xbook) decode(part string, fn func(d *xml.Decoder, se xml.StartElement) error) error {
	r, err := wb.open(part)
	if err != nil {
		return err
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(d, se); err != nil {
				return err
			}
		}
	}
}

// attr is an attribute's value by local name.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// target finds the part a relationships file points to by type (the last
// word of the type's URL), relative to dir; def if there is none.
func (wb *xbook) target(rels, dir, kind, def string) string {
	found := def
	_ = wb.decode(rels, func(_ *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" && path.Base(attr(se, "Type")) == kind {
			found = resolve(dir, attr(se, "Target"))
		}
		return nil
	})
	return found
}

// resolve makes a relationship's target a zip name.
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(dir, target), "/")
}

// readBook reads the sheet list, each sheet's part and the date system.
func (wb *xbook) readBook(book string) error {
	ids := map[string]string{} // relationship id -> sheet part, for worksheets
	rels := path.Join(path.Dir(book), "_rels", path.Base(book)+".rels")
	_ = wb.decode(rels, func(_ *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" && path.Base(attr(se, "Type")) == "worksheet" {
			ids[attr(se, "Id")] = resolve(path.Dir(book), attr(se, "Target"))
		}
		return nil
	})
	return wb.decode(book, func(_ *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			wb.sheets = append(wb.sheets, sheetEntry{name: attr(se, "name"), part: ids[attr(se, "id")]})
		}
		return nil
	})
}

// readStrings reads the shared strings: each item's text, its rich-text
// runs joined, phonetic guides left out.
func (wb *xbook) readStrings(part string) error {
	return wb.decode(part, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "si" {
			return nil
		}
		s, err := itemText(d, se)
		wb.strings = append(wb.strings, s)
		return err
	})
}

// itemText reads the text of a string item (<si> or <is>) up to its end.
func itemText(d *xml.Decoder, start xml.StartElement) (string, error) {
	var b strings.Builder
	inT, skip := false, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inT = true
			case "rPh":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPh":
				skip--
			}
			if t.Name == start.Name {
				return decodeEscapes(b.String()), nil
			}
		case xml.CharData:
			if inT && skip == 0 {
				b.Write(t)
			}
		}
	}
}

// readStyles notes, for each cell format, whether it shows a date or time.
func (wb *xbook) readStyles(part string) error {
	custom := map[int]bool{}
	inXfs := false
	return wb.decode(part, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = dateFormat(attr(se, "formatCode"))
			}
		case "cellXfs":
			inXfs = true
			return nil
		case "cellStyleXfs", "dxfs":
			return d.Skip()
		case "xf":
			if inXfs {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				isDate, ok := custom[id]
				wb.dates = append(wb.dates, isDate || !ok && builtinDate(id))
			}
		}
		return nil
	})
}

// builtinDate reports whether a built-in number format shows a date or time.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// dateFormat reports whether a custom number format shows a date or time:
// it has d, m, y, h or s outside quoted text, escaped characters and
// bracketed colours or locales ([h] and [mm] are elapsed times).
func dateFormat(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			if inner := strings.ToLower(code[i+1 : i+j]); inner != "" && strings.Trim(inner, "hms") == "" {
				return true
			}
			i += j
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S':
			return true
		}
	}
	return false
}

// decodeEscapes turns a workbook's _xHHHH_ escapes into the characters they
// stand for (_x001B_ is ESC), as Excel does; _x005F_ is an underscore, so
// _x005F_x0041_ stays "_x0041_".
func decodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if r, ok := escapeAt(s, i); ok {
			if r == '_' {
				if _, next := escapeAt(s, i+7); next {
					b.WriteString(s[i+7 : i+14])
					i += 14
					continue
				}
			}
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// escapeAt reads an _xHHHH_ escape at s[i:].
func escapeAt(s string, i int) (rune, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
