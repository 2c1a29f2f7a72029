package xlsxw

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"icsplan/internal/xlsxw/xlsxwtest"

	"github.com/xuri/excelize/v2"
)

// sample is a workbook with every kind of cell, style, column setting, a
// frozen header, a chart, and a second sheet made active.
func sample() *Book {
	b := New()
	b.Props = Props{Title: "A & B <test>", Creator: "icsplan", Created: "2006-09-16T00:00:00Z", Modified: "2006-09-16T00:00:00Z"}
	s := b.AddSheet("Data")
	money := b.Style(`£#,##0.00;(£#,##0.00)`, false)
	bold := b.Style("", true)
	total := b.Style(`£#,##0.00;(£#,##0.00)`, true)
	s.Text(1, 1, "Name", bold)
	s.Text(2, 1, "Amount", bold)
	s.ColStyle(2, 2, money)
	s.ColWidth(1, 1, 30)
	s.ColWidth(2, 3, 16)
	s.Number(2, 3, "-0.01", 0) // written before row 2 and before its row's text
	s.Text(1, 3, "Beta", 0)
	s.Text(1, 2, "Alpha", 0)
	s.Number(2, 2, "12345678901234567890.12", 0) // more digits than a float64 holds
	s.Bool(3, 2, true, 0)
	s.Bool(3, 3, false, 0)
	s.Text(1, 4, "Total", bold)
	s.Formula(2, 4, "SUM(B2:B3)", total)
	s.FreezeRows(1)
	s.AddChart(Chart{Title: "Amounts", NumFmt: `£#,##0.00`, Col: 5, Row: 2, Width: 560, Height: 320,
		Series: []Series{{Name: "'Data'!$B$1", Categories: "'Data'!$A$2:$A$3", Values: "'Data'!$B$2:$B$3", Colour: "005EB8"}}})
	n := b.AddSheet("Notes")
	n.Text(1, 1, "  spaced  ", 0)
	n.Text(1, 2, "=HYPERLINK(\"http://evil\",\"x\")", 0)
	b.SetActive(1)
	return b
}

func write(t *testing.T, b *Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := b.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo says %d bytes, wrote %d", n, buf.Len())
	}
	return buf.Bytes()
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestSamplePackage(t *testing.T) {
	data := write(t, sample())
	if err := xlsxwtest.Check(data); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, write(t, sample())) {
		t.Error("the same workbook written twice gives different bytes")
	}
}

func TestSampleReadsBack(t *testing.T) {
	f := open(t, write(t, sample()))
	if got := strings.Join(f.GetSheetList(), ","); got != "Data,Notes" {
		t.Fatalf("sheets %s", got)
	}
	if f.GetActiveSheetIndex() != 1 {
		t.Errorf("active sheet %d, want 1", f.GetActiveSheetIndex())
	}
	raw := func(sheet, at string) string {
		v, err := f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for at, want := range map[string]string{"A1": "Name", "A2": "Alpha", "A3": "Beta", "B2": "12345678901234567890.12",
		"B3": "-0.01", "C2": "1", "C3": "0", "A4": "Total"} {
		if got := raw("Data", at); got != want {
			t.Errorf("Data!%s = %q, want %q", at, got, want)
		}
	}
	if got := raw("Notes", "A1"); got != "  spaced  " {
		t.Errorf("spaces lost: %q", got)
	}
	if got, _ := f.GetCellFormula("Notes", "A2"); got != "" {
		t.Errorf("text became the formula %q", got)
	}
	if got, _ := f.GetCellFormula("Data", "B4"); got != "SUM(B2:B3)" {
		t.Errorf("formula %q", got)
	}
	// -0.01 + 12345678901234567890.12 in floating point, as Excel adds:
	// 1.2345678901234567e19, shown to 15 significant digits.
	if v, err := f.CalcCellValue("Data", "B4", excelize.Options{RawCellValue: true}); err != nil || v != "1.23456789012346E+19" {
		t.Errorf("SUM computes to %q (%v)", v, err)
	}
	checkStyles(t, f)
	if p, err := f.GetPanes("Data"); err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v %v", p, err)
	}
	if w, err := f.GetColWidth("Data", "A"); err != nil || w != 30 {
		t.Errorf("column A width %v %v", w, err)
	}
	if w, err := f.GetColWidth("Data", "C"); err != nil || w != 16 {
		t.Errorf("column C width %v %v", w, err)
	}
	if p, err := f.GetDocProps(); err != nil || p.Title != "A & B <test>" || p.Creator != "icsplan" || p.Created != "2006-09-16T00:00:00Z" {
		t.Errorf("doc props %+v %v", p, err)
	}
	if typ, _ := f.GetCellType("Data", "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("B2 is of type %v, not a number", typ)
	}
}

// checkStyles: the unstyled number cells take their column's money format;
// the headers and the total are bold.
func checkStyles(t *testing.T, f *excelize.File) {
	t.Helper()
	style := func(at string) *excelize.Style {
		id, err := f.GetCellStyle("Data", at)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, at := range []string{"B2", "B3", "B4"} {
		if st := style(at); st.CustomNumFmt == nil || *st.CustomNumFmt != `£#,##0.00;(£#,##0.00)` {
			t.Errorf("Data!%s number format %v", at, st.CustomNumFmt)
		}
	}
	for at, bold := range map[string]bool{"A1": true, "B1": true, "A4": true, "B4": true, "A2": false, "B2": false} {
		if st := style(at); (st.Font != nil && st.Font.Bold) != bold {
			t.Errorf("Data!%s bold %v, want %v", at, !bold, bold)
		}
	}
}

// parts unzips a workbook.
func parts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// children lists the names of the root element's children (or of the
// first element named under, if given).
func children(t *testing.T, data []byte, under string) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	depth, base := 0, -1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch se := tok.(type) {
		case xml.StartElement:
			depth++
			if base < 0 && (under == "" || se.Name.Local == under) {
				base = depth
			} else if base >= 0 && depth == base+1 {
				out = append(out, se.Name.Local)
			}
		case xml.EndElement:
			if depth == base {
				return out
			}
			depth--
		}
	}
}

// inOrder checks that the names appear in the order the schema's sequence
// gives, each at most as often as it allows.
func inOrder(t *testing.T, part string, got, sequence []string) {
	t.Helper()
	at := 0
	for _, g := range got {
		for at < len(sequence) && sequence[at] != g {
			at++
		}
		if at == len(sequence) {
			t.Errorf("%s: <%s> is out of the schema's order %v (have %v)", part, g, sequence, got)
			return
		}
	}
}

// TestSchemaOrder: the children of each part's elements come in the order
// the OOXML schema's sequences give (ECMA-376 part 1, sml.xsd and
// dml-chart.xsd), which Excel insists on.
func TestSchemaOrder(t *testing.T) {
	p := parts(t, write(t, sample()))
	for _, c := range []struct {
		part, under string
		sequence    []string
	}{
		{"xl/worksheets/sheet1.xml", "", []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
			"sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
			"customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks",
			"printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
			"cellWatches", "ignoredErrors", "smartTags", "drawing"}},
		{"xl/styles.xml", "", []string{"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles",
			"dxfs", "tableStyles", "colors", "extLst"}},
		{"xl/workbook.xml", "", []string{"fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews",
			"sheets", "functionGroups", "externalReferences", "definedNames", "calcPr"}},
		{"xl/charts/chart1.xml", "", []string{"date1904", "lang", "roundedCorners", "AlternateContent", "clrMapOvr",
			"pivotSource", "protection", "chart", "spPr", "txPr", "externalData", "printSettings", "userShapes"}},
		{"xl/charts/chart1.xml", "chart", []string{"title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall",
			"backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs", "showDLblsOverMax"}},
		{"xl/charts/chart1.xml", "barChart", []string{"barDir", "grouping", "varyColors", "ser", "ser", "dLbls", "gapWidth",
			"overlap", "serLines", "axId", "axId"}},
		{"xl/charts/chart1.xml", "ser", []string{"idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "dPt",
			"dLbls", "trendline", "errBars", "cat", "val", "shape"}},
		{"xl/charts/chart1.xml", "dLbls", []string{"dLbl", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal",
			"showCatName", "showSerName", "showPercent", "showBubbleSize", "separator", "showLeaderLines"}},
		{"xl/charts/chart1.xml", "catAx", []string{"axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines",
			"title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses",
			"auto", "lblAlgn", "lblOffset", "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl"}},
		{"xl/charts/chart1.xml", "valAx", []string{"axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines",
			"title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses",
			"crossBetween", "majorUnit", "minorUnit", "dispUnits"}},
		{"xl/drawings/drawing1.xml", "twoCellAnchor", []string{"from", "to", "graphicFrame", "clientData"}},
	} {
		got := children(t, p[c.part], c.under)
		if len(got) == 0 {
			t.Errorf("%s has no <%s>", c.part, c.under)
		}
		inOrder(t, c.part+" "+c.under, got, c.sequence)
	}
}

// TestBlankText: empty text is a blank cell, kept only for its style, and
// clears what the cell held.
func TestBlankText(t *testing.T) {
	b := New()
	s := b.AddSheet("S")
	s.Number(1, 1, "5", 0)
	s.Text(1, 1, "", 0)
	s.Text(2, 1, "", b.Style("", true))
	s.Text(3, 1, "x", 0)
	sheet := string(parts(t, write(t, b))["xl/worksheets/sheet1.xml"])
	if want := `<row r="1"><c r="B1" s="1"/><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>`; !strings.Contains(sheet, want) {
		t.Errorf("row 1 is not %s:\n%s", want, sheet)
	}
}
