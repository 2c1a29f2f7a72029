package plan

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// column is a known column of a systems file.
type column int

const (
	colCode column = iota
	colName
	colRegion
	colPopulation
	colWeighted
	colPlan
	colForecast
	colOutturn
	colSource
	numColumns
)

// columnNames are the canonical names, used in messages.
var columnNames = [numColumns]string{
	"code", "name", "region", "population", "weighted population",
	"plan", "forecast", "outturn", "source",
}

// requiredColumns must be in every systems file.
var requiredColumns = []column{colCode, colName, colPopulation, colPlan}

// moneyColumn reports whether the column holds money (and so may carry a unit).
func (c column) money() bool { return c == colPlan || c == colForecast || c == colOutturn }

// columnAliases maps a folded header (see normalHeader) to its column.
var columnAliases = map[string]column{
	"code": colCode, "ods code": colCode, "icb code": colCode,
	"name": colName, "system": colName, "ics": colName, "icb": colName,
	"region":     colRegion,
	"population": colPopulation, "registered population": colPopulation,
	"weighted population": colWeighted,
	"plan":                colPlan, "planned surplus/(deficit)": colPlan, "opening plan": colPlan,
	"forecast": colForecast,
	"outturn":  colOutturn,
	"source":   colSource,
}

// HeaderAliases returns every header name (folded to lower case) that
// ParseSystems recognises, mapped to the canonical column name it stands for.
func HeaderAliases() map[string]string {
	m := make(map[string]string, len(columnAliases))
	for a, c := range columnAliases {
		m[a] = columnNames[c]
	}
	return m
}

// headerColumn reads one header cell: the column it names (ok false if
// unknown), the unit factor of a trailing "(£000)"-style unit (1 if none),
// and a message if the cell carries a unit that is not understood.
func headerColumn(cell string) (col column, factor decimal.Decimal, known bool, unitText string, bad string) {
	name := normalHeader(cell)
	name = strings.ReplaceAll(strings.ReplaceAll(name, " /", "/"), "/ ", "/")
	factor = decimal.NewFromInt(1)
	if strings.HasSuffix(name, ")") {
		if open := strings.LastIndex(name, "("); open >= 0 {
			inner := strings.TrimSpace(name[open+1 : len(name)-1])
			if f, ok := money.UnitFactor(inner); ok {
				factor, unitText = f, inner
				name = strings.TrimSpace(name[:open])
			} else if strings.Contains(inner, "£") {
				bad = fmt.Sprintf("unit %q is not understood: use (£), (£000), (£000s), (£k) or (£m)", clip(inner))
				name = strings.TrimSpace(name[:open])
			}
		}
	}
	col, known = columnAliases[name]
	return col, factor, known, unitText, bad
}

// layout is where each known column sits in a table.
type layout struct {
	index  [numColumns]int
	factor [numColumns]decimal.Decimal
}

// readHeader finds the known columns and their units.
func readHeader(st sheetTable, hline int) (lay layout, unknown []string, firstUnknown int, probs Problems) {
	for i := range lay.index {
		lay.index[i] = -1
		lay.factor[i] = decimal.NewFromInt(1)
	}
	given := [numColumns]string{}
	for i, cell := range st.Header.Cells {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		if len(cell) > MaxCellBytes {
			probs = append(probs, st.at(hline, i, "", "header cell %d is %d bytes long, more than the %d allowed", i+1, len(cell), MaxCellBytes))
			continue
		}
		col, factor, known, unit, bad := headerColumn(cell)
		shown := strings.TrimSpace(cell)
		if bad != "" {
			probs = append(probs, st.at(hline, i, shown, "%s", bad))
			if known && lay.index[col] < 0 {
				lay.index[col] = i
			}
			continue
		}
		if !known {
			if len(unknown) == 0 {
				firstUnknown = i
			}
			unknown = append(unknown, clip(shown))
			continue
		}
		name := columnNames[col]
		if unit != "" && !col.money() {
			probs = append(probs, st.at(hline, i, name, "has a unit (%s) but is not money: units belong only on plan, forecast and outturn", unit))
			if lay.index[col] < 0 {
				lay.index[col] = i
			}
			continue
		}
		if lay.index[col] >= 0 {
			probs = append(probs, st.at(hline, i, name, "appears twice, as %q and %q: keep one", clip(given[col]), clip(shown)))
			continue
		}
		lay.index[col], lay.factor[col], given[col] = i, factor, shown
	}
	var missing []string
	for _, c := range requiredColumns {
		if lay.index[c] < 0 {
			missing = append(missing, columnNames[c])
		}
	}
	if len(missing) > 0 && len(st.Header.Cells) == 1 && strings.ContainsAny(st.Header.Cells[0], ";\t") {
		sep := "semicolons"
		if strings.Contains(st.Header.Cells[0], "\t") {
			sep = "tabs"
		}
		probs = append(probs, st.at(hline, -1, "", "the header row is one cell, %q: the file seems to use %s between cells, not commas: %s",
			clip(st.Header.Cells[0]), sep, saveAsCSV))
	} else if len(missing) > 0 {
		probs = append(probs, st.at(hline, -1, "", "missing required %s %s (the header row needs code, name, population and plan)",
			plural(len(missing), "column", "columns"), quoteList(missing)))
	}
	return lay, unknown, firstUnknown, probs
}
