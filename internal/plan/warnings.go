package plan

import (
	"strings"

	"github.com/shopspring/decimal"
)

// headerWarnings are the warnings about the header row: headings near one
// icsplan reads (most likely misspelt), each on its own, and the others it
// ignores, together.
func headerWarnings(st sheetTable, hline int, rep headerReport) []string {
	var out []string
	for _, n := range rep.near {
		then := "it is ignored until it is renamed"
		if n.col == colWeighted {
			then += ", so each system's fair share rests on its registered population"
		}
		out = append(out, st.at(hline, n.index, "", "column %q is not one icsplan reads: did you mean %q? %s",
			n.given, n.alias, then).Error())
	}
	if len(rep.unknown) > 0 {
		names := make([]string, len(rep.unknown))
		for i, u := range rep.unknown {
			names[i] = u.given
		}
		n := len(names)
		out = append(out, st.at(hline, rep.unknown[0].index, "", "ignored %s %s (not %s icsplan reads)",
			plural(n, "column", "columns"), quoteList(names), plural(n, "a column", "columns")).Error())
	}
	return out
}

// titleUnit finds a unit in the title rows ("All figures £000") when a
// money column's heading gives none, so its figures would silently be read
// as pounds: a problem at the title, asking for the unit in the heading.
func titleUnit(st sheetTable, lay layout) (Problem, bool) {
	var bare []string
	for _, c := range []column{colPlan, colForecast, colOutturn} {
		if lay.index[c] >= 0 && lay.unit[c] == "" {
			bare = append(bare, columnNames[c])
		}
	}
	if len(bare) == 0 {
		return Problem{}, false
	}
	for _, row := range st.Titles {
		for i, cell := range row.Cells {
			if len(cell) > maxHeadingBytes {
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(cell, "£ ", "£")), func(r rune) bool {
				return r == ' ' || r == '(' || r == ')' || r == '[' || r == ']' || r == ',' || r == ':' || r == ';'
			}) {
				if f, ok := unitFactor(w); ok && !f.Equal(decimal.NewFromInt(1)) {
					return st.at(row.Line, i, "", "the title says %q but %s %s no unit, so %s would be read as pounds: put the unit in the heading, like \"%s (%s)\"",
						clip(strings.TrimSpace(cell)), andList(quoted(bare)), plural(len(bare), "has", "have"),
						plural(len(bare), "its figures", "their figures"), bare[0], unitName(f)), true
				}
			}
		}
	}
	return Problem{}, false
}

// unitName writes a unit factor as a heading would: £000 or £m.
func unitName(f decimal.Decimal) string {
	if f.Equal(decimal.NewFromInt(1000)) {
		return "£000"
	}
	return "£m"
}
