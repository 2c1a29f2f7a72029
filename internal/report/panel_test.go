package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/engine"
	"icsplan/internal/plan"
	"icsplan/plans"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// shippedPanel is the panel of the embedded plans.
func shippedPanel(t testing.TB) analysis.Panel {
	t.Helper()
	lib, err := plan.Load(plans.FS, ".", plan.EmbeddedRoot, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Panel(lib)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func renderPanel(t testing.TB, p analysis.Panel, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderPanel(&buf, p, f, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The Years report of the shipped plans, in every format, against golden
// files (HTML by its text; xlsx cell by cell in TestPanelXLSX).
func TestPanelGolden(t *testing.T) {
	p := shippedPanel(t)
	for _, f := range []Format{Text, Markdown, CSV, JSON, Email} {
		t.Run(string(f), func(t *testing.T) {
			checkGolden(t, "years."+goldenExt[f]+".golden", renderPanel(t, p, f))
		})
	}
	t.Run("html", func(t *testing.T) {
		out := string(renderPanel(t, p, HTML))
		checkWellFormed(t, out)
		checkGolden(t, "years.html.txt.golden", []byte(htmlText(parseHTML(t, out))))
	})
}

// The text report stays within 100 columns and the email within ten lines.
func TestPanelShape(t *testing.T) {
	p := shippedPanel(t)
	for i, l := range strings.Split(string(renderPanel(t, p, Text)), "\n") {
		if n := textWidth(l); n > width {
			t.Errorf("text line %d is %d columns: %q", i+1, n, l)
		}
	}
	email := strings.Split(strings.TrimSuffix(string(renderPanel(t, p, Email)), "\n"), "\n")
	if !strings.HasPrefix(email[0], "Subject: ") || email[1] != "" || len(email)-2 > emailLines {
		t.Errorf("email shape: %q", email)
	}
}

// The JSON panel has DESIGN's keys, in its order, before any addition.
func TestPanelJSONKeys(t *testing.T) {
	var got map[string]json.RawMessage
	out := renderPanel(t, shippedPanel(t), JSON)
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"years", "pairs", "national", "owed", "text"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q key", k)
		}
	}
	var pairs []map[string]json.RawMessage
	if err := json.Unmarshal(got["pairs"], &pairs); err != nil || len(pairs) == 0 {
		t.Fatalf("pairs: %v", err)
	}
	for _, k := range []string{"from", "to", "transitions", "recipients", "recipients_deficit_next", "change_per_head", "bailout_slope"} {
		if _, ok := pairs[0][k]; !ok {
			t.Errorf("pairs[0] has no %q", k)
		}
	}
	if i, j := bytes.Index(out, []byte(`"text"`)), bytes.Index(out, []byte(`"primary"`)); i < 0 || j < i {
		t.Errorf("the additions do not follow the contract's keys")
	}
}

// A one-year JSON report carries "panel" only when the result has one, as
// its last key; the email then gives the panel one sentence.
func TestReportCarriesPanel(t *testing.T) {
	res := shippedResults(t)[0].res
	plain := renderString(t, res, JSON, Options{})
	if strings.Contains(plain, `"panel"`) {
		t.Error("a report without a panel has a panel key")
	}
	p := shippedPanel(t)
	res.Panel = &p
	withPanel := renderString(t, res, JSON, Options{})
	var doc struct {
		Panel *struct {
			Years []string `json:"years"`
		} `json:"panel"`
	}
	if err := json.Unmarshal([]byte(withPanel), &doc); err != nil || doc.Panel == nil || len(doc.Panel.Years) != len(p.Years) {
		t.Fatalf("panel not carried: %v", err)
	}
	if !strings.HasSuffix(strings.TrimSpace(withPanel), "}\n}") && !strings.Contains(withPanel, "\n  \"panel\": {") {
		t.Error("panel is not a top-level key")
	}
	email := renderString(t, res, Email, Options{})
	if want := "Across years: " + analysis.PairText(p.Pairs[0]); !strings.Contains(email, want) {
		t.Errorf("email has no panel sentence %q:\n%s", want, email)
	}
}

// The Years workbook holds the JSON panel's figures to the penny.
func TestPanelXLSX(t *testing.T) {
	p := shippedPanel(t)
	f, err := excelize.OpenReader(bytes.NewReader(renderPanel(t, p, XLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Years,Pairs,Owed,Systems,Notes" {
		t.Fatalf("sheets %s", got)
	}
	j := buildPanelJSON(p)
	rows, err := f.GetRows("Systems", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	r := 1
	for _, s := range j.Systems {
		for _, h := range s.History {
			if got := rows[r]; got[0] != s.Code || got[2] != h.Year || !sameMoney(got[7], h.Received) || !sameMoney(got[9], h.Owed) {
				t.Fatalf("Systems row %d: %v, want %s %s received %s owed %s", r+1, got, s.Code, h.Year, h.Received, h.Owed)
			}
			r++
		}
	}
}

func sameMoney(cell, want string) bool {
	a, err1 := decimal.NewFromString(cell)
	b, err2 := decimal.NewFromString(want)
	return err1 == nil && err2 == nil && a.Equal(b)
}
