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
	lay, rep := readHeader(st, hline)
	if len(rep.probs) > 0 {
		return Dataset{}, rep.probs
	}
	if p, bad := titleUnit(st, lay); bad {
		return Dataset{}, Problems{p}
	}
	ds := Dataset{Year: year, Path: t.File, Warnings: headerWarnings(st, hline, rep)}
	rr := rowsReader{st: st, lay: lay, seen: map[string]int{}, pops: []int64{0}}
	rows := 0
	for _, row := range t.Rows {
		if allBlank(row.Cells) && row.Beyond == 0 {
			continue
		}
		rows++
		rr.row(row)
	}
	if rows == 0 {
		return Dataset{}, Problems{st.at(hline, -1, "", "has a header row but no systems below it")}
	}
	if len(rr.probs) > 0 {
		return Dataset{}, capProblems(rr.probs)
	}
	if len(rr.systems) == 0 {
		return Dataset{}, Problems{st.at(hline, -1, "", "has a header row but only totals rows below it: a systems file needs a row for each system")}
	}
	ds.Systems = rr.systems
	ds.Warnings = append(ds.Warnings, rr.totalsWarnings()...)
	return ds, nil
}

// MaxProblems is how many problems ParseSystems lists for one file (and
// ParseScenario for one scenario); a last line says how many more there
// are and where they start.
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

// rowsReader reads the data rows in order: systems, and totals rows set
// aside to be checked against them.
type rowsReader struct {
	st       sheetTable
	lay      layout
	seen     map[string]int // folded code -> line
	systems  []System
	totals   []totalsRow
	prefixes []sums  // prefixes[i] is the sums of systems[:i], made as needed
	pops     []int64 // pops[i] is the population of systems[:i]
	probs    Problems
}

// row reads one data row: a totals row is set aside, a system kept if it
// has no problem.
func (rr *rowsReader) row(row Row) {
	st := rr.st
	if n, want := len(row.Cells), len(st.Header.Cells); row.Beyond > 0 || n != want {
		if st.Sheet != "" { // a workbook row is only ever longer: cells right of the last heading
			rr.probs = append(rr.probs, st.at(row.Line, max(row.Beyond-1, want), "", "has a value right of the last heading: give its column a heading or clear it"))
			return
		}
		rr.probs = append(rr.probs, st.at(row.Line, -1, "", "has %d %s but the header row has %d: check for a missing or extra comma",
			n, plural(n, "cell", "cells"), want))
		return
	}
	r := &rowReader{st: st, lay: rr.lay, row: row}
	if tr, ok := r.totalsByLabel(len(rr.systems)); ok {
		rr.totals = append(rr.totals, tr)
		return
	}
	var s System
	s.Line = row.Line
	idProbs := r.identity(&s, rr.seen)
	r.population(&s)
	r.figures(&s)
	if len(r.probs) == 0 && rr.sumOfAbove(s) {
		rr.totals = append(rr.totals, totalsRow{line: row.Line, col: rr.lay.index[colPopulation], at: len(rr.systems), figs: r.totalsFigures()})
		return
	}
	if len(idProbs)+len(r.probs) > 0 {
		rr.probs = append(append(rr.probs, idProbs...), r.probs...)
		return
	}
	rr.systems = append(rr.systems, s)
	rr.pops = append(rr.pops, rr.pops[len(rr.pops)-1]+s.Population)
}

// rowReader reads the cells of one data row, noting each problem.
type rowReader struct {
	st    sheetTable
	lay   layout
	row   Row
	probs Problems
}

// cell is the trimmed text of column c; false if the file has no such
// column or the cell cannot be read as what the column holds (too long, or
// in a workbook TRUE/FALSE or a date where a figure belongs).
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
	if c.numeric() && i < len(r.row.Kinds) {
		switch r.row.Kinds[i] {
		case CellBool:
			r.bad(c, "holds %s, a true/false value, not a number: type the figure", v)
			return "", false
		case CellDate:
			r.bad(c, "holds a date (%s), not a number: format the cell as a number and type the figure", v)
			return "", false
		}
	}
	return strings.TrimSpace(v), true
}

func (r *rowReader) bad(c column, format string, a ...any) {
	r.probs = append(r.probs, r.st.at(r.row.Line, r.lay.index[c], columnNames[c], format, a...))
}

// codeKey folds a code for the uniqueness check: case and invisible
// characters do not make two codes different.
func codeKey(code string) string { return strings.ToUpper(visible(code)) }

// identity reads the code, name, region, source and confidence, returning
// the problems of the code and name apart, since a row whose figures are
// the sums of the systems above it is a totals row whatever its labels.
func (r *rowReader) identity(s *System, seen map[string]int) Problems {
	saved := r.probs
	r.probs = nil
	code, okCode := r.cell(colCode)
	name, okName := r.cell(colName)
	switch {
	case okCode && code == "":
		r.bad(colCode, "is blank: every system needs a code")
	case okCode && visible(code) == "":
		r.bad(colCode, "holds only invisible characters (such as a zero-width space): every system needs a code")
	case okCode:
		if first, dup := seen[codeKey(code)]; dup {
			r.bad(colCode, "%q is on lines %d and %d: codes must be unique", clip(code), first, r.row.Line)
		} else {
			seen[codeKey(code)] = r.row.Line
		}
	}
	if okName && visible(name) == "" {
		r.bad(colName, "is blank: every system needs a name")
	}
	id := r.probs
	r.probs = saved
	s.Code, s.Name = code, name
	s.Region, _ = r.cell(colRegion)
	s.Source, _ = r.cell(colSource)
	s.SourceURL, _ = r.cell(colSourceURL)
	if v, ok := r.cell(colConfidence); ok {
		if c, known := confidenceOf(v); known {
			s.Confidence = c
		} else {
			r.bad(colConfidence, "%q is not a confidence grade: write H, M or L (or high, medium or low), or leave it blank", clip(v))
		}
	}
	return id
}

// confidenceOf reads a confidence grade: H, M or L, or the words, in any
// case; blank is unknown.
func confidenceOf(v string) (Confidence, bool) {
	switch strings.ToLower(visible(v)) {
	case "":
		return ConfidenceUnknown, true
	case "h", "high":
		return ConfidenceHigh, true
	case "m", "medium", "med":
		return ConfidenceMedium, true
	case "l", "low":
		return ConfidenceLow, true
	}
	return ConfidenceUnknown, false
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
