package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// baseStrings are the shared strings of sheetBook's workbooks, by index.
var baseStrings = []string{
	"code", "name", "population", "plan (£000)", "QAA", "Alpha", "QBB", "Beta",
	"_x001B_[31mRed_x001B_[0m", "_x005F_x0041_ literal", "source",
}

// sheetBook is a workbook whose one sheet, "Plans", holds the given
// <sheetData> rows, with baseStrings as its shared strings and four cell
// formats: 0 General, 1 a built-in date (14), 2 dd/mm/yyyy, 3 #,##0.0;(#,##0.0).
// The rest of the workbook is as excelize writes it.
func sheetBook(t testing.TB, rows string) []byte {
	t.Helper()
	return replaceParts(t, sheetBase(t), map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows)})
}

// sheetXML is a worksheet part holding rows.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

// sheetBase is the workbook sheetBook fills.
func sheetBase(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Plans"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("Plans", "A1", "a shared string, so the workbook has the part"); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*excelize.Style{{NumFmt: 14}, {CustomNumFmt: ptr("dd/mm/yyyy")}, {CustomNumFmt: ptr("#,##0.0;(#,##0.0)")}} {
		if _, err := f.NewStyle(st); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range baseStrings {
		sst.WriteString("<si><t>" + s + "</t></si>")
	}
	sst.WriteString(`<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si></sst>`)
	return replaceParts(t, buf.Bytes(), map[string]string{"xl/sharedStrings.xml": sst.String()})
}

// replaceParts rewrites a zip archive with some members' contents replaced.
func replaceParts(t testing.TB, data []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		var b []byte
		if p, ok := parts[zf.Name]; ok {
			b = []byte(p)
		} else {
			r, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err = io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// headerRow is row 1 of a sheetBook: code, name, population, plan (£000).
const headerRow = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`

// systemRow is a row n with code, name and population; plan is the XML of
// its D cell.
func systemRow(n int, code string, plan string) string {
	return fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" t="inlineStr"><is><t>N</t></is></c><c r="C%d"><v>100</v></c>%s</row>`,
		n, n, code, n, n, plan)
}

// loadBook reads and validates a sheetBook workbook.
func loadBook(t testing.TB, data []byte) (Dataset, error) {
	t.Helper()
	tab, err := ReadXLSX("b.xlsx", data, "")
	if err != nil {
		return Dataset{}, err
	}
	return ParseSystems(tab, "2023/24")
}

// TRUE/FALSE and dates where a figure belongs are errors naming the cell;
// today TRUE reads as 1 and 1 January 2024 as £45,292,000.
func TestXLSXBooleansAndDates(t *testing.T) {
	rows := headerRow +
		`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>1</v></c><c r="D2"><v>-5</v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c><c r="C3"><v>100</v></c><c r="D3" s="1"><v>45292</v></c></row>` +
		systemRow(4, "QCC", `<c r="D4" t="d"><v>2024-03-31T00:00:00</v></c>`) +
		// 45,292 is 1 January 2024; 90 days on, in a leap year, is 31 March.
		systemRow(5, "QDD", `<c r="D5" s="2"><v>45382</v></c>`) +
		systemRow(6, "QEE", `<c r="D6" s="3"><v>-1500</v></c>`) +
		systemRow(7, "QFF", `<c r="D7" t="b"><v>0</v></c>`)
	_, err := loadBook(t, sheetBook(t, rows))
	wantErr(t, err, `
b.xlsx:Plans!C2: column "population": holds TRUE, a true/false value, not a number: type the figure
b.xlsx:Plans!D3: column "plan": holds a date (2024-01-01), not a number: format the cell as a number and type the figure
b.xlsx:Plans!D4: column "plan": holds a date (2024-03-31), not a number: format the cell as a number and type the figure
b.xlsx:Plans!D5: column "plan": holds a date (2024-03-31), not a number: format the cell as a number and type the figure
b.xlsx:Plans!D7: column "plan": holds FALSE, a true/false value, not a number: type the figure`)
	// A number format that is not a date leaves the number a number, and
	// TRUE in a text column is text.
	ds, err := loadBook(t, sheetBook(t, headerRow+
		`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><v>100</v></c><c r="D2" s="3"><v>-1500</v></c></row>`))
	if err != nil || ds.Systems[0].Name != "TRUE" || !ds.Systems[0].Plan.Equal(dec(t, "-1500000")) {
		t.Errorf("%v %+v", err, ds)
	}
}

// A damaged cell reference is an error; today every row after it is
// silently dropped.
func TestXLSXDamagedSheets(t *testing.T) {
	two := systemRow(3, "QBB", `<c r="D3"><v>0</v></c>`)
	for _, c := range []struct{ name, rows, want string }{
		{"row zero", headerRow + systemRow(2, "QAA", `<c r="B0"><v>0</v></c>`) + two,
			`b.xlsx:2: sheet "Plans": cell reference "B0" is not a cell: the workbook is damaged; save it again from Excel`},
		{"past XFD", headerRow + systemRow(2, "QAA", `<c r="XFE2"><v>0</v></c>`) + two,
			`b.xlsx:2: sheet "Plans": cell reference "XFE2" is not a cell: the workbook is damaged; save it again from Excel`},
		{"cell in another row", headerRow + systemRow(2, "QAA", `<c r="D9"><v>0</v></c>`) + two,
			`b.xlsx:2: sheet "Plans": cell D9 is inside row 2: the workbook is damaged; save it again from Excel`},
		{"cells out of order", headerRow + systemRow(2, "QAA", `<c r="A2"><v>0</v></c>`) + two,
			`b.xlsx:2: sheet "Plans": cell A2 comes after column 3 of its row: the workbook is damaged; save it again from Excel`},
		{"rows out of order", headerRow + two + systemRow(2, "QAA", `<c r="D2"><v>0</v></c>`),
			`b.xlsx:2: sheet "Plans": row 2 comes after row 3: the rows are out of order, so the workbook is damaged; save it again from Excel`},
		{"bad row number", headerRow + `<row r="x"></row>` + two,
			`b.xlsx:2: sheet "Plans": row number "x" after row 1 is not a row: the workbook is damaged; save it again from Excel`},
		{"missing shared string", headerRow + systemRow(2, "QAA", `<c r="D2" t="s"><v>99</v></c>`) + two,
			`b.xlsx:Plans!D2: refers to shared string "99", which the workbook does not have: it is damaged; save it again from Excel`},
		{"broken XML", headerRow + `<row r="2"><c r="A2"><v>1</c></row>`,
			`b.xlsx:2: sheet "Plans": the sheet's XML is damaged in or after row 2 (XML syntax error on line 1: element <v> closed by </c>): save the workbook again from Excel`},
	} {
		_, err := loadBook(t, sheetBook(t, c.rows))
		if got := errText(t, err); got != c.want {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, c.want)
		}
	}
}

// A workbook's _xHHHH_ escapes decode to the characters they stand for,
// as Excel shows them; the text is made safe where it is shown.
func TestXLSXEscapesDecode(t *testing.T) {
	ds, err := loadBook(t, sheetBook(t, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>10</v></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>8</v></c><c r="C2"><v>1</v></c><c r="D2"><v>0</v></c><c r="E2" t="s"><v>9</v></c></row>`+
		`<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>11</v></c><c r="C3"><v>1</v></c><c r="D3"><v>0</v></c><c r="E3" t="str"><f>"_x0007_"</f><v>bell_x0007_</v></c></row>`))
	if err != nil {
		t.Fatal(err)
	}
	a, b := ds.Systems[0], ds.Systems[1]
	if a.Name != "\x1b[31mRed\x1b[0m" || a.Source != "_x0041_ literal" || b.Name != "Rich text" || b.Source != "bell\a" {
		t.Errorf("%q %q %q %q", a.Name, a.Source, b.Name, b.Source)
	}
}

// strayRows is n system rows, each with a cell in column XFD: styled but
// empty, or holding text.
func strayRows(n int, withText bool) string {
	var b strings.Builder
	b.WriteString(headerRow)
	for r := 2; r <= n+1; r++ {
		stray := fmt.Sprintf(`<c r="XFD%d" s="3"/>`, r)
		if withText {
			stray = fmt.Sprintf(`<c r="XFD%d" t="inlineStr"><is><t>x</t></is></c>`, r)
		}
		b.WriteString(systemRow(r, fmt.Sprintf("S%05d", r), fmt.Sprintf(`<c r="D%d"><v>-%d</v></c>`, r, r)+stray))
	}
	return b.String()
}

// allocated is the bytes allocated by loading data once.
func allocated(t testing.TB, data []byte) (uint64, Dataset, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ds, err := loadBook(t, data)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, ds, err
}

// One stray cell far right in every row costs a cell, not a padded row:
// today each row is padded to column XFD (16,384 cells), 20,000-fold the
// memory. The measure is bytes allocated, not time.
func TestXLSXStrayFarRightCells(t *testing.T) {
	const n = 2000
	clean, ds, err := allocated(t, sheetBook(t, strayRowsClean(n)))
	if err != nil || len(ds.Systems) != n {
		t.Fatalf("clean: %v", err)
	}
	stray, ds, err := allocated(t, sheetBook(t, strayRows(n, false)))
	if err != nil || len(ds.Systems) != n {
		t.Fatalf("styled empty cells in XFD: %v", err)
	}
	// Padding would allocate at least 16,384 × 16 bytes a row: 500 MB here.
	if stray > 3*clean {
		t.Errorf("a stray XFD cell in each of %d rows allocates %d bytes, against %d without", n, stray, clean)
	}
	_, err = loadBook(t, sheetBook(t, strayRows(3, true)))
	wantErr(t, err, `
b.xlsx:Plans!XFD2: has a value right of the last heading: give its column a heading or clear it
b.xlsx:Plans!XFD3: has a value right of the last heading: give its column a heading or clear it
b.xlsx:Plans!XFD4: has a value right of the last heading: give its column a heading or clear it`)
}

// strayRowsClean is strayRows without the stray cells.
func strayRowsClean(n int) string {
	var b strings.Builder
	b.WriteString(headerRow)
	for r := 2; r <= n+1; r++ {
		b.WriteString(systemRow(r, fmt.Sprintf("S%05d", r), fmt.Sprintf(`<c r="D%d"><v>-%d</v></c>`, r, r)))
	}
	return b.String()
}

// BenchmarkReadXLSXStrayFarRight20000 reads 20,000 rows that each have a
// styled cell in column XFD; B/op is the memory the read costs.
func BenchmarkReadXLSXStrayFarRight20000(b *testing.B) {
	data := sheetBook(b, strayRows(20000, false))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if ds, err := loadBook(b, data); err != nil || len(ds.Systems) != 20000 {
			b.Fatal(err)
		}
	}
}

// More than MaxSystems rows below the header is an error at the first row
// over, and reading stops there.
func TestMaxSystems(t *testing.T) {
	var b strings.Builder
	b.WriteString("code,name,population,plan\n")
	for i := 1; i <= MaxSystems; i++ {
		fmt.Fprintf(&b, "S%05d,N,100,0\n", i)
	}
	ds, err := parseCSV(t, b.String())
	if err != nil || len(ds.Systems) != MaxSystems {
		t.Fatalf("%d systems: %v", len(ds.Systems), err)
	}
	b.WriteString("S99999,N,100,0\nthis line is never read,\"\n")
	_, err = parseCSV(t, b.String())
	wantErr(t, err, `systems.csv:20002: is the 20,001st row below the header: icsplan reads at most 20,000 systems, so this is not a systems file (the national data has 42); nothing after it was read`)
	_, err = loadBook(t, sheetBook(t, strayRowsClean(MaxSystems+1)+`<row r="1"/>`))
	wantErr(t, err, `b.xlsx:Plans!A20002: is the 20,001st row below the header: icsplan reads at most 20,000 systems, so this is not a systems file (the national data has 42); nothing after it was read`)
}

// FuzzReadXLSXSheet: with any bytes as the sheet XML of a valid workbook,
// ReadXLSX and ParseSystems never panic; they fail with located Problems,
// or give systems each with a code, a name and a population above zero.
func FuzzReadXLSXSheet(f *testing.F) {
	parts := zipParts(f, sheetBase(f))
	f.Add([]byte(sheetXML(headerRow + systemRow(2, "QAA", `<c r="D2"><v>-5</v></c>`))))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		ds, err := loadBook(t, storedZip(t, parts, "xl/worksheets/sheet1.xml", sheet))
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not Problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "b.xlsx" || p.Message == "" {
					t.Fatalf("problem not located: %+v", p)
				}
			}
			return
		}
		for _, s := range ds.Systems {
			if s.Population <= 0 || visible(s.Code) == "" || visible(s.Name) == "" {
				t.Fatalf("bad system accepted: %+v", s)
			}
		}
	})
}

// zipPart is one member of a zip archive.
type zipPart struct {
	name string
	data []byte
}

// zipParts reads every member of a zip archive.
func zipParts(t testing.TB, data []byte) []zipPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipPart
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipPart{zf.Name, b})
	}
	return out
}

// storedZip writes the parts, uncompressed, with member name's data
// replaced.
func storedZip(t testing.TB, parts []zipPart, name string, data []byte) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		b := p.data
		if p.name == name {
			b = data
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err == nil {
			_, err = w.Write(b)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
