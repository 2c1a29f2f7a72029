package plan

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const goodHeader = "code,name,region,population,weighted population,plan (£000),forecast (£000),outturn (£000),source"

const goodCSV = goodHeader + `
QHG,"Bedfordshire, Luton and Milton Keynes",East of England,"1,081,773",998654,0,,,illustrative breakeven
QUA,Black Country,Midlands,1295518,,"(68,800)",-70000,"−71,234.5",reported
`

func TestParseSystemsGood(t *testing.T) {
	ds := mustCSV(t, goodCSV)
	if ds.Year != "2023/24" || ds.Path != "systems.csv" || len(ds.Systems) != 2 || len(ds.Warnings) != 0 {
		t.Fatalf("dataset = %+v", ds)
	}
	a, b := ds.Systems[0], ds.Systems[1]
	if a.Code != "QHG" || a.Name != "Bedfordshire, Luton and Milton Keynes" || a.Region != "East of England" ||
		a.Population != 1081773 || !a.WeightedPopulation.Equal(dec(t, "998654")) || !a.Plan.IsZero() ||
		a.Forecast.Known || a.Outturn.Known || a.Source != "illustrative breakeven" || a.Line != 2 {
		t.Errorf("first system = %+v", a)
	}
	if b.Population != 1295518 || !b.WeightedPopulation.Equal(dec(t, "1295518")) ||
		!b.Plan.Equal(dec(t, "-68800000")) || !b.Forecast.Known || !b.Forecast.Value.Equal(dec(t, "-70000000")) ||
		!b.Outturn.Known || !b.Outturn.Value.Equal(dec(t, "-71234500")) || b.Line != 3 {
		t.Errorf("second system = %+v", b)
	}
	if ds.Illustrative() != 1 {
		t.Errorf("illustrative = %d, want 1", ds.Illustrative())
	}
}

func TestHeaderAliases(t *testing.T) {
	cases := map[string]string{
		"code": "code", "ods code": "code", "ICB Code": "code", "  Code  ": "code", "ods_code": "code",
		"name": "name", "System": "name", "ICS": "name", "icb": "name",
		"region": "region", "REGION": "region",
		"population": "population", "Registered Population": "population", "registered  population": "population",
		"weighted population": "weighted population", "Weighted_Population": "weighted population",
		"plan": "plan", "Planned surplus/(deficit)": "plan", "planned surplus / (deficit)": "plan", "Opening Plan": "plan",
		"forecast": "forecast", "Outturn": "outturn", "Source": "source",
		// What finance teams and NHS England write.
		"ICB Name": "name", "ICS name": "name", "System Name": "name", "Organisation name": "name", "Integrated Care Board": "name",
		"ICS code": "code", "ICB ODS code": "code", "Organisation code": "code", "Org Code": "code",
		"Region name": "region", "NHS England Region": "region",
		"GP registered population": "population", "Registered patients": "population", "List size": "population",
		"Overall weighted population": "weighted population", "Needs weighted population": "weighted population",
		"needs-weighted population": "weighted population",
		"Plan surplus/(deficit)":    "plan", "Surplus/(Deficit)": "plan", "Financial plan": "plan", "Planned position": "plan",
		"Forecast outturn": "forecast", "Forecast surplus/(deficit)": "forecast",
		"Outturn surplus/(deficit)": "outturn", "Actual outturn": "outturn", "Year-end outturn": "outturn", "Year end outturn": "outturn",
		"source_url": "source_url", "URL": "source_url", "Source link": "source_url",
		"confidence": "confidence", "Confidence grade": "confidence",
	}
	tested := map[string]bool{}
	for alias := range cases {
		tested[normalHeader(strings.ReplaceAll(alias, " / ", "/"))] = true
	}
	for alias, canon := range HeaderAliases() {
		if !tested[alias] {
			t.Errorf("alias %q (for %s) has no test case", alias, canon)
		}
	}
	for alias, canon := range cases {
		cols := map[string]string{"code": "code", "name": "name", "population": "population", "plan": "plan"}
		cols[canon] = alias
		header := strings.Join([]string{cols["code"], cols["name"], cols["population"], cols["plan"]}, ",")
		values := "QAA,Alpha,100,-5"
		if _, core := map[string]bool{"code": true, "name": true, "population": true, "plan": true}[canon]; !core {
			header += "," + alias
			values += ",7"
			if canon == "confidence" {
				values = strings.TrimSuffix(values, "7") + "h"
			}
		}
		ds, err := parseCSV(t, header+"\n"+values+"\n")
		if err != nil {
			t.Errorf("alias %q: %v", alias, err)
			continue
		}
		s := ds.Systems[0]
		if s.Code != "QAA" || s.Name != "Alpha" || s.Population != 100 || !s.Plan.Equal(dec(t, "-5")) || len(ds.Warnings) != 0 {
			t.Errorf("alias %q: %+v %v", alias, s, ds.Warnings)
		}
		var ok bool
		switch canon {
		case "region":
			ok = s.Region == "7"
		case "weighted population":
			ok = s.WeightedPopulation.Equal(dec(t, "7"))
		case "forecast":
			ok = s.Forecast.Known && s.Forecast.Value.Equal(dec(t, "7"))
		case "outturn":
			ok = s.Outturn.Known && s.Outturn.Value.Equal(dec(t, "7"))
		case "source":
			ok = s.Source == "7"
		case "source_url":
			ok = s.SourceURL == "7"
		case "confidence":
			ok = s.Confidence == ConfidenceHigh
		default:
			ok = true
		}
		if !ok {
			t.Errorf("alias %q did not fill %s: %+v", alias, canon, s)
		}
	}
	if got := len(HeaderAliases()); got != 49 {
		t.Errorf("HeaderAliases has %d names, want 49", got)
	}
}

func TestUnits(t *testing.T) {
	for unit, want := range map[string]string{
		"": "-1.5", " (£)": "-1.5", " (£000)": "-1500", " (£000s)": "-1500", " (£k)": "-1500", " (£K)": "-1500",
		" (£m)": "-1500000", "(£M)": "-1500000",
	} {
		hdr := "code,name,population,plan" + unit + ",forecast" + unit + ",outturn" + unit
		ds, err := parseCSV(t, hdr+"\nQAA,Alpha,100,-1.5,-1.5,(1.5)\n")
		if err != nil {
			t.Errorf("unit %q: %v", unit, err)
			continue
		}
		s := ds.Systems[0]
		w := dec(t, want)
		if !s.Plan.Equal(w) || !s.Forecast.Value.Equal(w) || !s.Outturn.Value.Equal(w) {
			t.Errorf("unit %q: plan %s forecast %s outturn %s, want %s", unit, s.Plan, s.Forecast.Value, s.Outturn.Value, want)
		}
	}
}

func TestEncodings(t *testing.T) {
	utf8Text := "code,name,population,plan (£000)\r\nQAA,Ærø £ Café,100,£1.5\r\n"
	win1252 := []byte("code,name,population,plan (\xa3000)\nQAA,\xc6r\xf8 \xa3 Caf\xe9,100,\xa31.5\n")
	cases := map[string][]byte{
		"utf-8 crlf":    []byte(utf8Text),
		"utf-8 lf":      []byte(strings.ReplaceAll(utf8Text, "\r\n", "\n")),
		"bom":           append([]byte("\xef\xbb\xbf"), utf8Text...),
		"double bom":    append([]byte("\xef\xbb\xbf\xef\xbb\xbf"), utf8Text...),
		"windows-1252":  win1252,
		"1252 with bom": append([]byte("\xef\xbb\xbf"), win1252...),
		"blank rows":    []byte("\n\ncode,name,population,plan (£000)\n\n,,,\n  , ,,\nQAA,Ærø £ Café,100,£1.5\n\n\n"),
	}
	for name, data := range cases {
		tab, err := ReadCSV("systems.csv", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ds, err := ParseSystems(tab, "2023/24")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s := ds.Systems[0]
		if len(ds.Systems) != 1 || s.Code != "QAA" || s.Name != "Ærø £ Café" || !s.Plan.Equal(dec(t, "1500")) {
			t.Errorf("%s: %+v", name, ds.Systems)
		}
	}
	// Blank rows keep the line numbers an editor shows.
	tab, _ := ReadCSV("systems.csv", cases["blank rows"])
	if tab.Header.Line != 3 || len(tab.Rows) != 1 || tab.Rows[0].Line != 7 {
		t.Errorf("blank rows: header line %d, rows %+v", tab.Header.Line, tab.Rows)
	}
}

func TestLineNumbersWithMultilineCells(t *testing.T) {
	text := "code,name,population,plan\r\nQAA,\"Alpha\r\nand Beta\",100,0\r\nQBB,\"Gamma\",x,0\r\n"
	_, err := parseCSV(t, text)
	wantErr(t, err, `systems.csv:4: column "population": cannot read "x" as a whole number of people`)
	ds := mustCSV(t, strings.Replace(text, ",x,", ",5,", 1))
	if ds.Systems[0].Name != "Alpha\r\nand Beta" && ds.Systems[0].Name != "Alpha\nand Beta" {
		t.Errorf("name = %q", ds.Systems[0].Name)
	}
}

func TestUnknownColumnsWarn(t *testing.T) {
	ds := mustCSV(t, "code,name,population,plan,RAG rating\nQAA,A,1,0,red\n")
	want := []string{`systems.csv:1: ignored column "RAG rating" (not a column icsplan reads)`}
	if strings.Join(ds.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings = %q", ds.Warnings)
	}
	ds = mustCSV(t, "notes,code,name,population,plan,,extra\nx,QAA,A,1,0,,y\n")
	want = []string{`systems.csv:1: ignored columns "notes" and "extra" (not columns icsplan reads)`}
	if strings.Join(ds.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings = %q", ds.Warnings)
	}
}

func TestBlankOptionalFiguresAreUnknown(t *testing.T) {
	ds := mustCSV(t, "code,name,population,weighted population,plan,forecast,outturn\nQAA,A,10,  ,-1, , \nQBB,B,10,2.5,-1,0,-\n")
	a, b := ds.Systems[0], ds.Systems[1]
	if a.Forecast.Known || a.Outturn.Known || !a.WeightedPopulation.Equal(decimal.NewFromInt(10)) {
		t.Errorf("blank cells: %+v", a)
	}
	if !b.Forecast.Known || !b.Forecast.Value.IsZero() || !b.Outturn.Known || !b.Outturn.Value.IsZero() || !b.WeightedPopulation.Equal(dec(t, "2.5")) {
		t.Errorf("zero cells: %+v", b)
	}
	if b.Basis(BasisForecast) != b.Forecast || !a.Basis(BasisPlan).Known {
		t.Errorf("Basis")
	}
}

func TestSystemsMessages(t *testing.T) {
	h := "code,name,population,weighted population,plan,forecast\n"
	for _, c := range []struct{ name, text, want string }{
		{"all problems at once", h + "QAA,,0,-1,12.3x,#REF!\nQAA,B,1.5,x,,=A1\n", `
systems.csv:2: column "name": is blank: every system needs a name
systems.csv:2: column "population": must be more than 0, not "0"
systems.csv:2: column "weighted population": must be more than 0, not "-1"
systems.csv:2: column "plan": cannot read "12.3x" as money
systems.csv:2: column "forecast": cannot read "#REF!" as money: it is an Excel error value
systems.csv:3: column "code": "QAA" is on lines 2 and 3: codes must be unique
systems.csv:3: column "population": cannot read "1.5" as a whole number of people
systems.csv:3: column "weighted population": cannot read "x" as a number
systems.csv:3: column "plan": is blank: every system needs a plan figure (0 for a balanced plan)
systems.csv:3: column "forecast": cannot read "=A1" as money: it is a formula; paste values instead`},
		{"codes fold case", h + "qaa,A,1,,0,\nQAA,B,1,,0,\n", `systems.csv:3: column "code": "QAA" is on lines 2 and 3: codes must be unique`},
		{"blank code", h + " ,A,1,,0,\n", `systems.csv:2: column "code": is blank: every system needs a code`},
		{"negative population", h + "QAA,A,-5,,0,\n", `systems.csv:2: column "population": must be more than 0, not "-5"`},
		{"bracket population", h + "QAA,A,(5),,0,\n", `systems.csv:2: column "population": must be more than 0, not "(5)"`},
		{"blank population", h + "QAA,A,,,0,\n", `systems.csv:2: column "population": is blank: every system needs its population`},
		{"huge population", h + "QAA,A,\"2,000,000,000\",,0,\n", `systems.csv:2: column "population": "2,000,000,000" is more than 1,000,000,000: check the figure`},
		{"bad separators", h + "QAA,A,\"1,00\",,0,\n", `systems.csv:2: column "population": cannot read "1,00" as a whole number of people`},
		{"exponent population", h + "QAA,A,1e6,,0,\n", `systems.csv:2: column "population": cannot read "1e6" as a whole number of people`},
		{"exponent plan", h + "QAA,A,1,,1e400000,\n", `systems.csv:2: column "plan": cannot read "1e400000" as money: exponents are not accepted`},
		{"ragged short", h + "QAA,A,1,,0\n", `systems.csv:2: has 5 cells but the header row has 6: check for a missing or extra comma`},
		{"ragged long", h + "QAA,A,1,,0,,\n", `systems.csv:2: has 7 cells but the header row has 6: check for a missing or extra comma`},
		{"missing one", "code,name,plan\nQAA,A,0\n", `systems.csv:1: no header row has all of code, name, population and plan: the best candidate, line 1, has "code", "name" and "plan" but not "population"; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
		{"missing several", "ics,region\nA,B\n", `systems.csv:1: no header row has all of code, name, population and plan: the best candidate, line 1, has "name" but not "code", "population" or "plan"; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`},
		{"duplicate column", "code,name,population,plan (£000),opening plan\nQAA,A,1,0,0\n", `systems.csv:1: column "plan": appears twice, as "plan (£000)" and "opening plan": keep one`},
		{"unit on text", "code,name (£000),population,plan\nQAA,A,1,0\n", `systems.csv:1: column "name": has a unit (£000) but is not money: units belong only on plan, forecast and outturn`},
		{"unknown unit", "code,name,population,plan (£bn)\nQAA,A,1,0\n", `systems.csv:1: column "plan (£bn)": unit "£bn" is not understood: use (£), (£000), (£000s), (£k) or (£m)`},
		{"empty", "", `systems.csv:1: the file is empty: a systems file needs a header row (code, name, population, plan, ...) and a row for each system`},
		{"header only", h, `systems.csv:1: has a header row but no systems below it`},
		{"header and blank rows", h + ",,,\n\n", `systems.csv:1: has a header row but no systems below it`},
		// Found by FuzzReadSystems: a totals row alone was a dataset of no systems.
		{"totals only", h + ",England total,,,0,\n", `systems.csv:1: has a header row but only totals rows below it: a systems file needs a row for each system`},
	} {
		_, err := parseCSV(t, c.text)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := errText(t, err); got != strings.TrimSpace(c.want) {
			t.Errorf("%s:\n got: %s\nwant: %s", c.name, got, strings.TrimSpace(c.want))
		}
	}
}

func TestLongCells(t *testing.T) {
	big := strings.Repeat("9", 5<<20)
	_, err := parseCSV(t, "code,name,population,plan\nQAA,A,1,"+big+"\n")
	wantErr(t, err, `systems.csv:2: column "plan": the cell is 5242880 bytes long, more than the 4096 allowed`)
	_, err = parseCSV(t, "code,name,population,plan\nQAA,A,1,"+strings.Repeat("9", 100)+"\n")
	wantErr(t, err, `systems.csv:2: column "plan": cannot read "999999999999999999…" as money: longer than 64 characters`)
}

func TestReadCSVRejects(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"too wide", "code,name\n" + strings.Repeat(",", 10001) + "\n", `systems.csv:2: has more than 10000 commas on one line: this is not a systems file`},
		{"nul", "code,name\nQAA,A\x00\n", `systems.csv:2: contains a NUL byte, so it is not a text CSV file: save it from Excel as "CSV UTF-8 (Comma delimited)"`},
		{"utf-16", "\xff\xfec\x00o\x00", `systems.csv:1: is UTF-16 text, which is not read: save it from Excel as "CSV UTF-8 (Comma delimited)"`},
		{"xlsx", "PK\x03\x04rest", `systems.csv:1: is an Excel workbook, not CSV: name it systems.xlsx, or save it from Excel as "CSV UTF-8 (Comma delimited)"`},
		{"xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", `systems.csv:1: is an old-style Excel .xls workbook: save it as .xlsx, or save it from Excel as "CSV UTF-8 (Comma delimited)"`},
		{"bare quote", "code,name\nQAA,St \"John\"\n", `systems.csv:2: a cell that does not start with a quote has a quote (") in it (column 8): put the whole cell in quotes and double the quote inside it ("")`},
		{"unclosed quote", "code,name\nQAA,\"St John\n\nQBB,B\n", `systems.csv:4: a quoted cell starting on line 2 is not closed properly: check its quotes (a quote inside a quoted cell is written "")`},
	} {
		_, err := ReadCSV("systems.csv", []byte(c.data))
		wantErr(t, err, c.want)
	}
}

// Names and sources with escape sequences, control and bidi characters load
// as they are: the text is made safe where it is shown (tui, report), not
// here, so the data a finance chief sees in a report's CSV is what the file
// holds. Messages about bad cells quote them with %q, so no raw control
// character reaches a terminal through an error.
func TestHostileTextLoadsAsIs(t *testing.T) {
	name := "\x1b[31mRed\x1b[0m \x1b]52;c;cHduZWQ=\x07 Beds\rOver\x08 \u009b31m \u202eskeeK\u202c \u200b"
	ds := mustCSV(t, "code,name,population,plan,source\nQ\u202eHG,\""+name+"\",10,0,\u2066src\u2069\n")
	s := ds.Systems[0]
	if s.Name != name || s.Code != "Q\u202eHG" || s.Source != "\u2066src\u2069" {
		t.Errorf("%q %q %q", s.Code, s.Name, s.Source)
	}
}

// Text that is not valid UTF-8 is read as Windows-1252 (what Excel on
// Windows writes for "CSV (Comma delimited)"), so the file loads and the £
// sign survives; the five bytes 1252 leaves undefined become U+FFFD.
func TestInvalidUTF8ReadsAsWindows1252(t *testing.T) {
	ds := mustCSV(t, "code,name,population,plan\nQAA,Caf\xe9 \x80 \x93quoted\x94 \x81,10,\xa3-1\n")
	if got := ds.Systems[0].Name; got != "Café € “quoted” \uFFFD" {
		t.Errorf("name = %q", got)
	}
	if !ds.Systems[0].Plan.Equal(dec(t, "-1")) {
		t.Errorf("plan = %s", ds.Systems[0].Plan)
	}
}
