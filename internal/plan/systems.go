package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// MaxCellBytes is the longest cell a systems file may hold. Codes, names and
// figures are short; a longer cell is a damaged or hostile file.
const MaxCellBytes = 4096

// MaxPopulation bounds a system's population: no ICS is larger.
const MaxPopulation = 1_000_000_000

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

// sheetTable helps locate problems in a Table.
type sheetTable struct{ Table }

// at locates a problem at the given row and 0-based column index (the row
// as a whole when col < 0).
func (t sheetTable) at(line, col int, column string, format string, a ...any) Problem {
	p := Problem{File: t.File, Line: line, Column: column, Message: fmt.Sprintf(format, a...)}
	if t.Sheet != "" {
		if col < 0 {
			col = 0
		}
		p.Cell = cellRef(t.Sheet, col+1, line)
	}
	return p
}

// layout is where each known column sits in a table.
type layout struct {
	index  [numColumns]int
	factor [numColumns]decimal.Decimal
}

// parseSystems validates a Table into a Dataset; see ParseSystems.
func parseSystems(t Table, year string) (Dataset, error) {
	st := sheetTable{t}
	hline := t.Header.Line
	if hline == 0 {
		hline = 1
	}
	if allBlank(t.Header.Cells) {
		what := "file"
		if t.Sheet != "" {
			what = "sheet"
		}
		return Dataset{}, Problems{st.at(hline, -1, "", "the %s is empty: a systems file needs a header row (code, name, population, plan, ...) and a row for each system", what)}
	}
	lay, unknown, firstUnknown, probs := readHeader(st, hline)
	if len(probs) > 0 {
		return Dataset{}, probs
	}
	ds := Dataset{Year: year, Path: t.File}
	if len(unknown) > 0 {
		w := st.at(hline, firstUnknown, "", "ignored %s %s (not %s icsplan reads)",
			plural(len(unknown), "column", "columns"), quoteList(unknown), plural(len(unknown), "a column", "columns"))
		ds.Warnings = append(ds.Warnings, w.Error())
	}
	seen := map[string]int{} // folded code -> line
	rows := 0
	for _, row := range t.Rows {
		if allBlank(row.Cells) {
			continue
		}
		rows++
		s, ps := parseRow(st, lay, row, seen)
		probs = append(probs, ps...)
		if len(ps) == 0 {
			ds.Systems = append(ds.Systems, s)
		}
	}
	if rows == 0 {
		return Dataset{}, Problems{st.at(hline, -1, "", "has a header row but no systems below it")}
	}
	if len(probs) > 0 {
		return Dataset{}, capProblems(probs)
	}
	return ds, nil
}

// MaxProblems is how many problems ParseSystems lists for one file; a last
// line says how many more there are and where they start.
const MaxProblems = 500

// capProblems keeps the first MaxProblems problems and sums up the rest.
func capProblems(ps Problems) Problems {
	if len(ps) <= MaxProblems {
		return ps
	}
	rest := ps[MaxProblems]
	more := len(ps) - MaxProblems
	out := append(Problems(nil), ps[:MaxProblems]...)
	return append(out, Problem{File: rest.File, Line: rest.Line, Cell: rest.Cell,
		Message: fmt.Sprintf("and %d more %s from here on, not listed: fix the ones above first", more, plural(more, "problem", "problems"))})
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

// parseRow validates one data row.
func parseRow(st sheetTable, lay layout, row Row, seen map[string]int) (System, Problems) {
	s := System{Line: row.Line}
	var probs Problems
	if n, want := len(row.Cells), len(st.Header.Cells); n != want {
		if st.Sheet != "" { // a workbook row is only ever longer: cells right of the last heading
			return s, Problems{st.at(row.Line, want, "", "has a value right of the last heading: give its column a heading or clear it")}
		}
		return s, Problems{st.at(row.Line, -1, "", "has %d %s but the header row has %d: check for a missing or extra comma",
			n, plural(n, "cell", "cells"), want)}
	}
	cell := func(c column) (string, bool) {
		i := lay.index[c]
		if i < 0 {
			return "", false
		}
		v := row.Cells[i]
		if len(v) > MaxCellBytes {
			probs = append(probs, st.at(row.Line, i, columnNames[c], "the cell is %d bytes long, more than the %d allowed", len(v), MaxCellBytes))
			return "", false
		}
		return strings.TrimSpace(v), true
	}
	bad := func(c column, format string, a ...any) {
		probs = append(probs, st.at(row.Line, lay.index[c], columnNames[c], format, a...))
	}

	code, okCode := cell(colCode)
	name, okName := cell(colName)
	if okCode && code == "" {
		if okName && strings.HasPrefix(strings.ToLower(name), "total") {
			return s, Problems{st.at(row.Line, -1, "", "looks like a totals row (%q): delete it, icsplan adds up the systems itself", clip(name))}
		}
		bad(colCode, "is blank: every system needs a code")
	} else if okCode {
		key := strings.ToUpper(code)
		if first, dup := seen[key]; dup {
			bad(colCode, "%q is on lines %d and %d: codes must be unique", clip(code), first, row.Line)
		} else {
			seen[key] = row.Line
		}
	}
	if okName && name == "" {
		bad(colName, "is blank: every system needs a name")
	}
	s.Code, s.Name = code, name
	s.Region, _ = cell(colRegion)
	s.Source, _ = cell(colSource)

	if v, ok := cell(colPopulation); ok {
		if p, msg := parsePopulation(v); msg != "" {
			bad(colPopulation, "%s", msg)
		} else {
			s.Population = p
			s.WeightedPopulation = decimal.NewFromInt(p)
		}
	}
	if v, ok := cell(colWeighted); ok && v != "" {
		if w, msg := parsePositive(v); msg != "" {
			bad(colWeighted, "%s", msg)
		} else {
			s.WeightedPopulation = w
		}
	}
	if v, ok := cell(colPlan); ok {
		if money.Blank(v) {
			bad(colPlan, "is blank: every system needs a plan figure (0 for a balanced plan)")
		} else if d, err := money.ParseIn(v, lay.factor[colPlan]); err != nil {
			bad(colPlan, "%s", moneyMessage(v, err))
		} else {
			s.Plan = d
		}
	}
	for _, c := range []column{colForecast, colOutturn} {
		v, ok := cell(c)
		if !ok || money.Blank(v) {
			continue
		}
		d, err := money.ParseIn(v, lay.factor[c])
		if err != nil {
			bad(c, "%s", moneyMessage(v, err))
			continue
		}
		if c == colForecast {
			s.Forecast = Known(d)
		} else {
			s.Outturn = Known(d)
		}
	}
	return s, probs
}

// moneyMessage is the money parser's explanation, or a plain one if it gave
// none.
func moneyMessage(v string, err error) string {
	if msg := err.Error(); strings.HasPrefix(msg, "cannot read") {
		return msg
	}
	return fmt.Sprintf("cannot read %q as money: %v", clip(v), err)
}

var (
	wholeRe    = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$`)
	decimalRe  = regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$`)
	negativeRe = regexp.MustCompile(`^(?:[-−–]\s*[0-9,]+(?:\.[0-9]+)?|\(\s*[0-9,]+(?:\.[0-9]+)?\s*\))$`)
)

// cellReason explains a cell that is an Excel error value or a formula, as
// the money parser does; "" for anything else.
func cellReason(v string) string {
	switch {
	case strings.HasPrefix(v, "#"):
		return ": it is an Excel error value"
	case strings.HasPrefix(v, "="):
		return ": it is a formula; paste values instead"
	}
	return ""
}

// parsePopulation reads a whole number of persons greater than zero.
func parsePopulation(v string) (int64, string) {
	switch {
	case v == "":
		return 0, "is blank: every system needs its population"
	case negativeRe.MatchString(v):
		return 0, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !wholeRe.MatchString(v):
		return 0, fmt.Sprintf("cannot read %q as a whole number of people%s", clip(v), cellReason(v))
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, ",", ""), 10, 64)
	switch {
	case err != nil || n > MaxPopulation:
		return 0, fmt.Sprintf("%q is more than %s: check the figure", clip(v), "1,000,000,000")
	case n == 0:
		return 0, fmt.Sprintf("must be more than 0, not %q", clip(v))
	}
	return n, ""
}

// parsePositive reads a number greater than zero (thousands separators and
// decimals allowed, no exponents).
func parsePositive(v string) (decimal.Decimal, string) {
	switch {
	case negativeRe.MatchString(v):
		return decimal.Decimal{}, fmt.Sprintf("must be more than 0, not %q", clip(v))
	case len(v) > 32 || !decimalRe.MatchString(v):
		return decimal.Decimal{}, fmt.Sprintf("cannot read %q as a number%s", clip(v), cellReason(v))
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(v, ",", ""))
	if err != nil {
		return decimal.Decimal{}, fmt.Sprintf("cannot read %q as a number", clip(v))
	}
	if d.Sign() <= 0 {
		return decimal.Decimal{}, fmt.Sprintf("must be more than 0, not %q", clip(v))
	}
	if d.GreaterThan(decimal.NewFromInt(MaxPopulation)) {
		return decimal.Decimal{}, fmt.Sprintf("%q is more than %s: check the figure", clip(v), "1,000,000,000")
	}
	return d, ""
}
