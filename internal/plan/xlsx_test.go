package plan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"
)

// workbook builds an xlsx in memory: each sheet's cells by reference;
// values starting "=" become formulas, with the cached value after "|"
// ("=B5*2|42").
func workbook(t testing.TB, sheets []string, cells map[string]map[string]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for ref, v := range cells[s] {
			var err error
			switch x := v.(type) {
			case string:
				if strings.HasPrefix(x, "=") {
					fx, cached, _ := strings.Cut(x[1:], "|")
					if err = f.SetCellFormula(s, ref, fx); err == nil && cached != "" {
						err = setCached(f, s, ref, cached)
					}
				} else {
					err = f.SetCellStr(s, ref, x) // text, even if it looks like a number
				}
			default:
				err = f.SetCellValue(s, ref, x)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setCached stores a formula's cached result as Excel does after calculating.
func setCached(f *excelize.File, sheet, ref, value string) error {
	fx, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		return err
	}
	if err := f.SetCellDefault(sheet, ref, value); err != nil {
		return err
	}
	return f.SetCellFormula(sheet, ref, fx)
}

func handBuiltWorkbook(t testing.TB) []byte {
	return workbook(t, []string{"Read me", "Plans 2023-24"}, map[string]map[string]any{
		"Read me": {"A1": "This workbook holds the plans on the second sheet."},
		"Plans 2023-24": {
			"A1": "ICS financial plans 2023/24", "A2": "All figures £000",
			"A4": "ODS Code", "B4": "ICS", "C4": "Registered population", "D4": "Plan (£000)", "E4": "Outturn (£000)", "F4": "Source", "G4": "Comment",
			"A5": "QHG", "B5": "Bedfordshire", "C5": "1,081,773", "D5": -50000, "F5": "illustrative",
			"A6": "QUA", "B6": "Black Country", "C6": 1295518, "D6": "=D5+(-18800)|-68800", "E6": -71234.5, "F6": "reported", "G6": "note",
			"A8": "QJ2", "B8": "Derby", "C8": 1115047, "D8": "(58,000)",
		},
	})
}

func TestReadXLSXHandBuilt(t *testing.T) {
	data := handBuiltWorkbook(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fx, _ := f.GetCellFormula("Plans 2023-24", "D6")
	typ, _ := f.GetCellType("Plans 2023-24", "C5")
	if fx != "D5+(-18800)" || typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Fatalf("hand-built workbook: formula %q, C5 type %v", fx, typ)
	}
	f.Close()
	tab, err := ReadXLSX("systems.xlsx", data, "plans 2023-24")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Sheet != "Plans 2023-24" || tab.Header.Line != 4 || len(tab.Rows) != 3 || tab.Rows[2].Line != 8 {
		t.Fatalf("table: %+v", tab)
	}
	ds, err := ParseSystems(tab, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Systems) != 3 || len(ds.Warnings) != 1 || ds.Warnings[0] != `systems.xlsx:'Plans 2023-24'!G4: ignored column "Comment" (not a column icsplan reads)` {
		t.Fatalf("dataset: %+v", ds)
	}
	a, b, c := ds.Systems[0], ds.Systems[1], ds.Systems[2]
	if a.Population != 1081773 || !a.Plan.Equal(dec(t, "-50000000")) || a.Outturn.Known {
		t.Errorf("number stored as text: %+v", a)
	}
	if !b.Plan.Equal(dec(t, "-68800000")) || !b.Outturn.Value.Equal(dec(t, "-71234500")) || b.Line != 6 {
		t.Errorf("formula cached value: %+v", b)
	}
	if !c.Plan.Equal(dec(t, "-58000000")) || c.Line != 8 {
		t.Errorf("after a blank row: %+v", c)
	}
	// The first sheet is read by default: it has no plans.
	_, err = ReadXLSX("systems.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	tab, _ = ReadXLSX("systems.xlsx", data, "")
	_, err = ParseSystems(tab, "2023/24")
	wantErr(t, err, `systems.xlsx:'Read me'!A1: found no header row: no row names code, name, population or plan (row 1, the first that is not blank, was taken for the header); "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`)
	_, err = ReadXLSX("systems.xlsx", data, "Plans")
	wantErr(t, err, `systems.xlsx: has no sheet named "Plans": its sheets are "Read me" and "Plans 2023-24"`)
}

func TestXLSXProblemsNameCells(t *testing.T) {
	data := workbook(t, []string{"Plans"}, map[string]map[string]any{"Plans": {
		"A1": "code", "B1": "name", "C1": "population", "D1": "plan",
		"A2": "QAA", "B2": "A", "C2": 0, "D2": "#REF!",
		"A3": "QAA", "B3": "B", "C3": 5, "D3": "=1/0",
		"A4": "QCC", "B4": "C", "C4": 5, "D4": 1, "F4": "stray",
	}})
	tab, err := ReadXLSX("p/systems.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseSystems(tab, "2023/24")
	wantErr(t, err, `
p/systems.xlsx:Plans!C2: column "population": must be more than 0, not "0"
p/systems.xlsx:Plans!D2: column "plan": cannot read "#REF!" as money: it is an Excel error value
p/systems.xlsx:Plans!A3: column "code": "QAA" is on lines 2 and 3: codes must be unique
p/systems.xlsx:Plans!D3: column "plan": cannot read "=1/0" as money: it is a formula; paste values instead
p/systems.xlsx:Plans!F4: has a value right of the last heading: give its column a heading or clear it`)
}

func TestReadXLSXRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("code,name\n"), `s.xlsx: is not an Excel .xlsx workbook`},
		{"xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), `s.xlsx: is an old-style .xls workbook or a password-protected one: save it from Excel as an unprotected .xlsx workbook`},
		{"broken zip", []byte("PK\x03\x04broken"), `s.xlsx: cannot be read as an Excel workbook: zip: not a valid zip file`},
	} {
		_, err := ReadXLSX("s.xlsx", c.data, "")
		wantErr(t, err, c.want)
	}
}

func TestReadXLSXUnzipLimit(t *testing.T) {
	// A sheet whose XML unzips beyond the limit from a small file.
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 30000)
	for r := 1; r <= 2500; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{long}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 8<<20 {
		t.Fatalf("test workbook is %d bytes", buf.Len())
	}
	_, err = ReadXLSX("big.xlsx", buf.Bytes(), "")
	wantErr(t, err, `big.xlsx: unzips to more than 64 MiB, more than icsplan reads: is it really a plans file?`)
}

func TestTemplates(t *testing.T) {
	data, err := Template("csv")
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeffcode,name,region,population,weighted population,plan (£000),forecast (£000),outturn (£000),source\r\n" +
		"QXX,Example ICS (replace this row),Midlands,1000000,980000,-25000,-20000,,illustrative: replace with where your figures come from\r\n"
	if string(data) != want {
		t.Errorf("csv template:\n%q\nwant\n%q", data, want)
	}
	tab, err := ReadCSV("t.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := ParseSystems(tab, "2023/24")
	if err != nil {
		t.Fatal(err)
	}

	data, err = Template("xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != TemplateSheet {
		t.Errorf("sheets %v", got)
	}
	style, _ := f.GetCellStyle(TemplateSheet, "F1")
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v %v", st, err)
	}
	if typ, _ := f.GetCellType(TemplateSheet, "F2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("plan cell type %v, want a number", typ)
	}
	tab, err = ReadXLSX("t.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	fromXLSX, err := ParseSystems(tab, "2023/24")
	if err != nil {
		t.Fatal(err)
	}
	a, b := fromCSV.Systems[0], fromXLSX.Systems[0]
	if a.Code != b.Code || a.Name != b.Name || a.Region != b.Region || a.Population != b.Population ||
		!a.WeightedPopulation.Equal(b.WeightedPopulation) || !a.Plan.Equal(b.Plan) || !a.Forecast.Value.Equal(b.Forecast.Value) || !b.Forecast.Known ||
		a.Outturn.Known || b.Outturn.Known || a.Source != b.Source || !a.Plan.Equal(dec(t, "-25000000")) {
		t.Errorf("templates differ:\n%+v\n%+v", a, b)
	}
	if _, err := Template("ods"); err == nil || err.Error() != `template: unknown format "ods": use csv or xlsx` {
		t.Errorf("ods: %v", err)
	}
}

func TestLoadXLSX(t *testing.T) {
	data := handBuiltWorkbook(t)
	fsys := fstest.MapFS{
		"p/2023-24/systems.xlsx": {Data: data},
		"p/2023-24/a.toml":       {Data: []byte("title = \"A\"\npot = 1\n")},
		"q/2023-24/Systems.XLSX": {Data: data},
	}
	lib, err := Load(fsys, "p", "p", Options{Sheet: "Plans 2023-24"})
	if err != nil {
		t.Fatal(err)
	}
	if ds := lib.Years[0].Dataset; len(ds.Systems) != 3 || ds.Path != "p/2023-24/systems.xlsx" || lib.Years[0].Scenarios[0].Name != "a" {
		t.Errorf("%+v", lib.Years[0])
	}
	lib, err = Load(fsys, "q/2023-24/Systems.XLSX", "q/2023-24/Systems.XLSX", Options{Sheet: "Plans 2023-24"})
	if err != nil || len(lib.Years[0].Dataset.Systems) != 3 {
		t.Errorf("lone xlsx: %v", err)
	}
	_, err = Load(fsys, "p", "p", Options{Sheet: "nope"})
	wantErr(t, err, `p/2023-24/systems.xlsx: has no sheet named "nope": its sheets are "Read me" and "Plans 2023-24"`)
}

// Bad workbooks, built here rather than committed, each with its message.
func TestBadXLSX(t *testing.T) {
	for _, c := range []struct {
		name  string
		cells map[string]any
		want  string
	}{
		{"empty sheet", map[string]any{}, `b.xlsx:Plans!A1: the sheet is empty: a systems file needs a header row (code, name, population, plan, ...) and a row for each system`},
		{"title rows only", map[string]any{"A1": "ICS plans", "A3": "code", "B3": "name"},
			`b.xlsx:Plans!A3: no header row has all of code, name, population and plan: the best candidate, row 3, has "code" and "name" but not "population" or "plan"; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
		{"header only below titles", map[string]any{"A1": "Title", "B3": "code", "C3": "name", "D3": "population", "E3": "plan (£m)"},
			`b.xlsx:Plans!A3: has a header row but no systems below it`},
		{"formula without cached value", map[string]any{"A1": "code", "B1": "name", "C1": "population", "D1": "plan", "A2": "Q", "B2": "N", "C2": "=1+1", "D2": "=SUM(D3:D9)"}, `
b.xlsx:Plans!C2: column "population": cannot read "=1+1" as a whole number of people: it is a formula; paste values instead
b.xlsx:Plans!D2: column "plan": cannot read "=SUM(D3:D9)" as money: it is a formula; paste values instead`},
		{"error values", map[string]any{"A1": "code", "B1": "name", "C1": "population", "D1": "plan (£000)", "A2": "Q", "B2": "N", "C2": "#N/A", "D2": "=1/0"}, `
b.xlsx:Plans!C2: column "population": cannot read "#N/A" as a whole number of people: it is an Excel error value
b.xlsx:Plans!D2: column "plan": cannot read "#DIV/0!" as money: it is an Excel error value`},
	} {
		data := workbook(t, []string{"Plans"}, map[string]map[string]any{"Plans": c.cells})
		// As Excel saves a formula whose result is an error.
		data = patchZip(t, data, "xl/worksheets/sheet1.xml", `<c r="D2" t="str"><f>1/0</f></c>`, `<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)
		tab, err := ReadXLSX("b.xlsx", data, "")
		if err == nil {
			_, err = ParseSystems(tab, "2023/24")
		}
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := errText(t, err); got != strings.TrimSpace(c.want) {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, strings.TrimSpace(c.want))
		}
	}
}

// patchZip replaces text in one member of a zip archive.
func patchZip(t testing.TB, data []byte, member, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
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
		if zf.Name == member {
			b = []byte(strings.Replace(string(b), old, new, 1))
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

func TestExcelNumber(t *testing.T) {
	for in, want := range map[string]string{
		"-68800.000000000015":      "-68800",
		"68.800000000000011":       "68.8",
		"0.30000000000000004":      "0.3",
		"1.5E-7":                   "0.00000015",
		"1E+21":                    "1000000000000000000000",
		"-1.2345678901234567":      "-1.23456789012346",
		"123456789012345678":       "123456789012346000",
		"-0.000123456789012345678": "-0.000123456789012346",
	} {
		got, ok := excelNumber(in)
		if !ok || got != want {
			t.Errorf("excelNumber(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"-68800", "1.5", "123456789012345", "1,234", "12.3x", "", "0", "0.0000000000000000000", "(5)", "E5"} {
		if got, ok := excelNumber(in); ok {
			t.Errorf("excelNumber(%q) = %q, want unchanged", in, got)
		}
	}
}

func TestXLSXFloatNoise(t *testing.T) {
	data := workbook(t, []string{"P"}, map[string]map[string]any{"P": {
		"A1": "code", "B1": "name", "C1": "population", "D1": "plan (£m)", "E1": "forecast",
		"A2": "Q", "B2": "N", "C2": 10, "D2": "=68.8*-1|-68.800000000000011", "E2": 1.5e-7,
		"A3": "R", "B3": "M", "C3": 10, "D3": "-68.800000000000011", "E3": "1E+3",
	}})
	// Excel saves a formula's numeric result untyped (excelize marks it str).
	data = patchZip(t, data, "xl/worksheets/sheet1.xml", `<c r="D2" t="str">`, `<c r="D2">`)
	tab, err := ReadXLSX("n.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseSystems(tab, "2023/24")
	if tab.Rows[0].Cells[3] != "-68.8" || tab.Rows[0].Cells[4] != "0.00000015" {
		t.Errorf("numeric cells: %q", tab.Rows[0].Cells)
	}
	// Text cells are left as written, so a number stored as text with an
	// exponent is still refused.
	wantErr(t, err, `n.xlsx:P!E3: column "forecast": cannot read "1E+3" as money: exponents are not accepted`)
	if tab.Rows[1].Cells[3] != "-68.800000000000011" {
		t.Errorf("text cell changed: %q", tab.Rows[1].Cells[3])
	}
}

func BenchmarkReadXLSX10000(b *testing.B) {
	f := excelize.NewFile()
	defer f.Close()
	header := make([]any, len(templateHeader))
	for i, h := range templateHeader {
		header[i] = h
	}
	if err := f.SetSheetRow("Sheet1", "A1", &header); err != nil {
		b.Fatal(err)
	}
	for r := 2; r <= 10001; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		row := []any{fmt.Sprintf("S%05d", r), "System", "Region", 1000000 + r, 990000.5, -r, nil, nil, "illustrative"}
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			b.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := ReadXLSX("s.xlsx", data, "")
		if err != nil {
			b.Fatal(err)
		}
		if ds, err := ParseSystems(tab, "2023/24"); err != nil || len(ds.Systems) != 10000 {
			b.Fatal(err)
		}
	}
}
