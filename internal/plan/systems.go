package plan

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"icsplan/internal/money"
)

// MaxCellBytes is the longest cell a systems file may hold. Codes, names and
// figures are short; a longer cell is a damaged or hostile file.
const MaxCellBytes = 4096

// MaxPopulation bounds a system's population: no ICS is larger.
const MaxPopulation = 1_000_000_000

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

// parseRow validates one data row.
func parseRow(st sheetTable, lay layout, row Row, seen map[string]int) (System, Problems) {
	s := System{Line: row.Line}
	if n, want := len(row.Cells), len(st.Header.Cells); n != want {
		if st.Sheet != "" { // a workbook row is only ever longer: cells right of the last heading
			return s, Problems{st.at(row.Line, want, "", "has a value right of the last heading: give its column a heading or clear it")}
		}
		return s, Problems{st.at(row.Line, -1, "", "has %d %s but the header row has %d: check for a missing or extra comma",
			n, plural(n, "cell", "cells"), want)}
	}
	r := &rowReader{st: st, lay: lay, row: row}
	if total, ok := r.identity(&s, seen); !ok {
		return s, Problems{total}
	}
	r.population(&s)
	r.figures(&s)
	return s, r.probs
}

// rowReader reads the cells of one data row, noting each problem.
type rowReader struct {
	st    sheetTable
	lay   layout
	row   Row
	probs Problems
}

// cell is the trimmed text of column c; false if the file has no such
// column or the cell is too long to read.
func (r *rowReader) cell(c column) (string, bool) {
	i := r.lay.index[c]
	if i < 0 {
		return "", false
	}
	v := r.row.Cells[i]
	if len(v) > MaxCellBytes {
		r.probs = append(r.probs, r.st.at(r.row.Line, i, columnNames[c], "the cell is %d bytes long, more than the %d allowed", len(v), MaxCellBytes))
		return "", false
	}
	return strings.TrimSpace(v), true
}

func (r *rowReader) bad(c column, format string, a ...any) {
	r.probs = append(r.probs, r.st.at(r.row.Line, r.lay.index[c], columnNames[c], format, a...))
}

// identity reads the code, name, region and source. A row with no code
// whose name starts "total" is a totals row: ok is false and the one
// problem says so.
func (r *rowReader) identity(s *System, seen map[string]int) (total Problem, ok bool) {
	code, okCode := r.cell(colCode)
	name, okName := r.cell(colName)
	if okCode && code == "" {
		if okName && strings.HasPrefix(strings.ToLower(name), "total") {
			return r.st.at(r.row.Line, -1, "", "looks like a totals row (%q): delete it, icsplan adds up the systems itself", clip(name)), false
		}
		r.bad(colCode, "is blank: every system needs a code")
	} else if okCode {
		key := strings.ToUpper(code)
		if first, dup := seen[key]; dup {
			r.bad(colCode, "%q is on lines %d and %d: codes must be unique", clip(code), first, r.row.Line)
		} else {
			seen[key] = r.row.Line
		}
	}
	if okName && name == "" {
		r.bad(colName, "is blank: every system needs a name")
	}
	s.Code, s.Name = code, name
	s.Region, _ = r.cell(colRegion)
	s.Source, _ = r.cell(colSource)
	return Problem{}, true
}

// population reads the registered and weighted populations; a blank
// weighted population is the registered one.
func (r *rowReader) population(s *System) {
	if v, ok := r.cell(colPopulation); ok {
		if p, msg := parsePopulation(v); msg != "" {
			r.bad(colPopulation, "%s", msg)
		} else {
			s.Population = p
			s.WeightedPopulation = decimal.NewFromInt(p)
		}
	}
	if v, ok := r.cell(colWeighted); ok && v != "" {
		if w, msg := parsePositive(v); msg != "" {
			r.bad(colWeighted, "%s", msg)
		} else {
			s.WeightedPopulation = w
		}
	}
}

// figures reads the plan, which every system needs, and the forecast and
// outturn, which a blank leaves unknown.
func (r *rowReader) figures(s *System) {
	if v, ok := r.cell(colPlan); ok {
		if money.Blank(v) {
			r.bad(colPlan, "is blank: every system needs a plan figure (0 for a balanced plan)")
		} else if d, err := money.ParseIn(v, r.lay.factor[colPlan]); err != nil {
			r.bad(colPlan, "%s", moneyMessage(v, err))
		} else {
			s.Plan = d
		}
	}
	for _, c := range []column{colForecast, colOutturn} {
		v, ok := r.cell(c)
		if !ok || money.Blank(v) {
			continue
		}
		d, err := money.ParseIn(v, r.lay.factor[c])
		if err != nil {
			r.bad(c, "%s", moneyMessage(v, err))
			continue
		}
		if c == colForecast {
			s.Forecast = Known(d)
		} else {
			s.Outturn = Known(d)
		}
	}
}
