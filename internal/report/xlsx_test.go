package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// openXLSX renders r as a workbook and opens it again.
func openXLSX(t *testing.T, c shipped) (*excelize.File, jsonReport) {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c.res, XLSX, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	var j jsonReport
	if err := json.Unmarshal([]byte(renderString(t, c.res, JSON, Options{})), &j); err != nil {
		t.Fatal(err)
	}
	return f, j
}

// raw reads a cell's stored value, not its formatted text.
func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// samePenny checks a stored number against the JSON report's string.
func samePenny(t *testing.T, where, got, want string) {
	t.Helper()
	g, err := decimal.NewFromString(got)
	if err != nil {
		t.Errorf("%s: %q is not a number", where, got)
		return
	}
	if !g.Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s = %s, JSON says %s", where, got, want)
	}
}

func TestXLSXMatchesJSON(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			f, j := openXLSX(t, c)
			if got := f.GetSheetList(); strings.Join(got, ",") != "Summary,Systems,Repayments" {
				t.Fatalf("sheets %v", got)
			}
			rows, err := f.GetRows(sheetSystems)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], ",") != strings.Join(xlsxHeader, ",") {
				t.Errorf("Systems header %v", rows[0])
			}
			if len(rows) != len(j.Systems)+2 {
				t.Fatalf("Systems sheet has %d rows, want header, %d systems and totals", len(rows), len(j.Systems))
			}
			for i, s := range j.Systems {
				row := i + 2
				at := func(col int) string { return raw(t, f, sheetSystems, cell(col, row)) }
				if at(1) != s.Code || at(2) != xmlText(s.Name) || at(4) != s.Group {
					t.Errorf("row %d: %q %q %q, want %q %q %q", row, at(1), at(2), at(4), s.Code, xmlText(s.Name), s.Group)
				}
				for col, want := range map[int]string{7: s.Plan, 9: s.Allocation, 10: s.PerHead, 11: s.FairShare,
					12: s.Transfer, 14: s.PVRepayments, 15: s.EffectiveGrant, 16: s.GrantElement} {
					samePenny(t, s.Code+" "+xlsxHeader[col-1], at(col), want)
				}
				if s.PrudencePenalty != nil {
					samePenny(t, s.Code+" prudence penalty", at(17), *s.PrudencePenalty)
				} else if at(17) != "" {
					t.Errorf("%s: prudence penalty %q for a deficit system", s.Code, at(17))
				}
			}
			total := len(j.Systems) + 2
			at := func(col int) string { return raw(t, f, sheetSystems, cell(col, total)) }
			if at(1) != "Total" {
				t.Errorf("no totals row: %q", at(1))
			}
			samePenny(t, "total allocation", at(9), j.Totals.Allocated)
			samePenny(t, "total fair share", at(11), j.Totals.Allocated)
			samePenny(t, "total repayments", at(13), j.Totals.Repayments)
			samePenny(t, "total PV", at(14), j.Totals.PVRepayments)
			samePenny(t, "total effective grant", at(15), j.Totals.EffectiveGrant)

			// Money is a real number in a £ format with negatives in brackets.
			style, err := f.GetCellStyle(sheetSystems, "G2")
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(style)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != numFmtMoney {
				t.Errorf("plan cell style %+v, want number format %s", st, numFmtMoney)
			}
			if typ, _ := f.GetCellType(sheetSystems, "I2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Error("allocation is stored as text")
			}
			panes, err := f.GetPanes(sheetSystems)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("Systems header is not frozen: %+v %v", panes, err)
			}

			// Summary headline figures.
			sum, err := f.GetRows(sheetSummary)
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]bool{}
			for r, row := range sum {
				if len(row) < 2 {
					continue
				}
				v := raw(t, f, sheetSummary, cell(2, r+1))
				switch row[0] {
				case "Pot":
					samePenny(t, "Summary pot", v, j.Totals.Pot)
				case "Allocated":
					samePenny(t, "Summary allocated", v, j.Totals.Allocated)
				case "Effective grant":
					samePenny(t, "Summary effective grant", v, j.Totals.EffectiveGrant)
				case "Net transfer to deficit planners":
					samePenny(t, "Summary net transfer", v, j.NetTransferToDeficit)
				case "Verdict":
					if row[1] != c.res.Verdict.Label.Words() {
						t.Errorf("Summary verdict %q", row[1])
					}
				default:
					continue
				}
				found[row[0]] = true
			}
			if len(found) != 5 {
				t.Errorf("Summary lacks headline figures: found %v", found)
			}

			// Repayments: one row per instalment, as in the JSON report.
			rep, err := f.GetRows(sheetRepayments)
			if err != nil {
				t.Fatal(err)
			}
			r := 2
			for _, s := range j.Systems {
				for _, in := range s.Repayments {
					at := func(col int) string { return raw(t, f, sheetRepayments, cell(col, r)) }
					if at(1) != s.Code || at(3) != in.Year {
						t.Errorf("Repayments row %d: %q %q, want %q %q", r, at(1), at(3), s.Code, in.Year)
					}
					samePenny(t, s.Code+" "+in.Year+" principal", at(4), in.Principal)
					samePenny(t, s.Code+" "+in.Year+" interest", at(5), in.Interest)
					samePenny(t, s.Code+" "+in.Year+" total", at(6), in.Total)
					r++
				}
			}
			if len(j.Years) > 0 {
				samePenny(t, "Repayments total", raw(t, f, sheetRepayments, cell(6, r)), j.Totals.Repayments)
			}
			if len(rep) < r {
				t.Errorf("Repayments sheet has %d rows, want at least %d", len(rep), r)
			}
		})
	}
}

func TestXLSXKeepsTextAsText(t *testing.T) {
	f, _ := openXLSX(t, shipped{name: "fixture", res: fixture()})
	if got := raw(t, f, sheetSystems, "B5"); got != `=HYPERLINK("http://evil","x")` {
		t.Errorf("name cell = %q", got)
	}
	if formula, _ := f.GetCellFormula(sheetSystems, "B5"); formula != "" {
		t.Errorf("a name became a formula: %q", formula)
	}
}

// xmlText is s as a workbook can hold it: characters XML 1.0 forbids become
// U+FFFD (excelize does this when it writes a cell).
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
			return r
		}
		return '\uFFFD'
	}, s)
}
