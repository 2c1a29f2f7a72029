package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var (
	bom       = []byte{0xEF, 0xBB, 0xBF}
	zipMagic  = []byte("PK\x03\x04")
	oleMagic  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	utf16LE   = []byte{0xFF, 0xFE}
	utf16BE   = []byte{0xFE, 0xFF}
	saveAsCSV = "save it from Excel as \"CSV UTF-8 (Comma delimited)\""
)

// readCSV reads a systems CSV into a Table. The text is UTF-8 (any number of
// leading byte order marks are dropped) or, when it is not valid UTF-8,
// Windows-1252. The header row may sit below title rows; rows whose cells
// are all blank are skipped; rows are kept with the cells they have, so
// ParseSystems can report ragged rows. Line numbers are those a text
// editor shows. Reading stops at the first row over MaxSystems.
func readCSV(file string, data []byte) (Table, error) {
	t := Table{File: file}
	fail := func(line int, format string, a ...any) (Table, error) {
		return Table{}, Problems{{File: file, Line: line, Message: fmt.Sprintf(format, a...)}}
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return fail(1, "is an Excel workbook, not CSV: name it systems.xlsx, or %s", saveAsCSV)
	case bytes.HasPrefix(data, oleMagic):
		return fail(1, "is an old-style Excel .xls workbook: save it as .xlsx, or %s", saveAsCSV)
	case bytes.HasPrefix(data, utf16LE), bytes.HasPrefix(data, utf16BE):
		return fail(1, "is UTF-16 text, which is not read: %s", saveAsCSV)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(1+bytes.Count(data[:i], []byte{'\n'}), "contains a NUL byte, so it is not a text CSV file: %s", saveAsCSV)
	}
	for bytes.HasPrefix(data, bom) {
		data = data[len(bom):]
	}
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return fail(0, "cannot read the text as UTF-8 or Windows-1252: %v", err)
		}
		data = dec
	}
	if line, ok := tooWide(data); !ok {
		return fail(line, "has more than %d commas on one line: this is not a systems file", MaxCells)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	b := tableBuilder{t: t}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fail(pe.Line, "%s", csvMessage(pe))
			}
			return fail(0, "cannot read as CSV: %v", err)
		}
		line, _ := r.FieldPos(0)
		if p, over := b.add(Row{Line: line, Cells: rec}); over {
			return Table{}, Problems{p}
		}
	}
	return b.table(), nil
}

// MaxCells bounds the commas on one line of a CSV file, so a hostile file
// of commas cannot make the reader allocate millions of cells.
const MaxCells = 10000

// tooWide finds the first line with more than MaxCells commas.
func tooWide(data []byte) (line int, ok bool) {
	line = 1
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		if bytes.Count(data[:end], []byte{','}) > MaxCells {
			return line, false
		}
		data = data[min(end+1, len(data)):]
		line++
	}
	return 0, true
}

// csvMessage explains a CSV syntax error in plain words.
func csvMessage(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a cell that does not start with a quote has a quote (") in it (column %d): put the whole cell in quotes and double the quote inside it ("")`, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		if pe.StartLine != pe.Line {
			return fmt.Sprintf(`a quoted cell starting on line %d is not closed properly: check its quotes (a quote inside a quoted cell is written "")`, pe.StartLine)
		}
		return `a quoted cell is not closed properly: check its quotes (a quote inside a quoted cell is written "")`
	}
	return "cannot read as CSV: " + pe.Err.Error()
}

// allBlank reports whether every cell is blank (see blank).
func allBlank(cells []string) bool {
	for _, c := range cells {
		if !blank(c) {
			return false
		}
	}
	return true
}
