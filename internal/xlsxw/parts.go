package xlsxw

import (
	"bufio"
	_ "embed" // the theme part
	"strconv"
)

// Namespaces, content types and relationship types of the parts.
const (
	xmlHeader   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain      = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsOfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel    = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsDrawing   = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
	nsDrawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsChart     = "http://schemas.openxmlformats.org/drawingml/2006/chart"

	ctOffice    = "application/vnd.openxmlformats-officedocument."
	ctWorkbook  = ctOffice + "spreadsheetml.sheet.main+xml"
	ctWorksheet = ctOffice + "spreadsheetml.worksheet+xml"
	ctStyles    = ctOffice + "spreadsheetml.styles+xml"
	ctTheme     = ctOffice + "theme+xml"
	ctDrawing   = ctOffice + "drawing+xml"
	ctChart     = ctOffice + "drawingml.chart+xml"
	ctApp       = ctOffice + "extended-properties+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"

	relOffice = nsOfficeRel + "/"
)

// theme1XML is the Office theme excelize writes (Calibri, the Office
// colours), which the fonts' theme colour and the chart's scheme colours
// refer to.
//
//go:embed theme1.xml
var theme1XML string

// rel is one relationship of a part: its type (after relOffice unless it
// is a full URI) and target.
type rel struct{ typ, target string }

// writeRels writes a relationships part; the relationships are rId1, rId2, ...
func writeRels(w *bufio.Writer, rels []rel) {
	w.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i, r := range rels {
		typ := r.typ
		if len(typ) < 5 || typ[:5] != "http:" {
			typ = relOffice + typ
		}
		w.WriteString(`<Relationship Id="rId` + strconv.Itoa(i+1) + `" Type="` + typ + `" Target="` + r.target + `"/>`)
	}
	w.WriteString(`</Relationships>`)
}

// writeContentTypes writes [Content_Types].xml: rels and xml by extension,
// then every other part by name.
func writeContentTypes(w *bufio.Writer, ps []part) {
	w.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range ps {
		if p.contentType != "" {
			w.WriteString(`<Override PartName="/` + p.name + `" ContentType="` + p.contentType + `"/>`)
		}
	}
	w.WriteString(`</Types>`)
}

// writeWorkbook writes xl/workbook.xml: the sheets in order (each sheet i
// is relationship rId(i+1)), the active tab, and full calculation on load,
// since no formula has a cached value.
func (b *Book) writeWorkbook(w *bufio.Writer) {
	w.WriteString(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsOfficeRel + `">`)
	w.WriteString(`<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010" activeTab="` +
		strconv.Itoa(b.active) + `"/></bookViews><sheets>`)
	for i, s := range b.sheets {
		w.WriteString(`<sheet name="`)
		writeEscaped(w, s.name, true)
		w.WriteString(`" sheetId="` + strconv.Itoa(i+1) + `" r:id="rId` + strconv.Itoa(i+1) + `"/>`)
	}
	w.WriteString(`</sheets><calcPr calcId="122211" fullCalcOnLoad="1"/></workbook>`)
}

// writeCore writes docProps/core.xml, the title, author and dates.
func (b *Book) writeCore(w *bufio.Writer) {
	w.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ open, v, close string }{
		{`<dc:title>`, b.Props.Title, `</dc:title>`},
		{`<dc:creator>`, b.Props.Creator, `</dc:creator>`},
		{`<dcterms:created xsi:type="dcterms:W3CDTF">`, b.Props.Created, `</dcterms:created>`},
		{`<dcterms:modified xsi:type="dcterms:W3CDTF">`, b.Props.Modified, `</dcterms:modified>`},
	} {
		if e.v != "" {
			w.WriteString(e.open)
			writeEscaped(w, e.v, false)
			w.WriteString(e.close)
		}
	}
	w.WriteString(`</cp:coreProperties>`)
}

// writeApp writes docProps/app.xml, which names the application.
func writeApp(w *bufio.Writer) {
	w.WriteString(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>icsplan</Application>` +
		`<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>`)
}
