package plan

import (
	"errors"
	"io/fs"
)

// Year is one financial year's plans: the systems and the scenarios beside them.
type Year struct {
	Label     string // "2023/24", as people read it
	Dir       string // "2023-24", as the folder is named
	Dataset   Dataset
	Scenarios []Scenario // sorted by Name; never empty (a default is supplied if the folder has none)
	Reported  []Reported // the year's national figures as published, from its year.toml; nil without one
}

// Library is everything loaded from a plans folder, oldest year first.
type Library struct {
	Root  string // as the user named it, or "embedded plans"
	Years []Year
	// Regimes is the regime library, from a RegimesDir folder beside the
	// year folders, sorted by Name; see PickRegime. None when there is no
	// such folder.
	Regimes []Scenario
	// Read lists every file Load read, as names within the fs.FS it was
	// given, so a command can refuse to write over one of its inputs.
	Read []string
}

// Options tune loading.
type Options struct {
	// Sheet names the worksheet to read from systems.xlsx; empty means the first.
	Sheet string
	// Year is the financial year ("2023/24") of a lone systems file whose
	// folder does not say it; ignored otherwise.
	Year string
}

// Table is a systems table as read from a file, before validation: the header
// row and data rows as text. CSV and XLSX readers both produce one, so every
// check is written once.
type Table struct {
	File   string // name used in messages
	Sheet  string // worksheet name for XLSX, empty for CSV
	Titles []Row  // rows above the header that are not blank: titles and notes
	Header Row
	Rows   []Row
}

// Row is one row of a Table.
type Row struct {
	Line  int      // 1-based line (CSV) or row number (XLSX)
	Cells []string // cell text; for XLSX the stored value, not the formatted one
	// Kinds marks, in a workbook, the cells that are not text or a plain
	// number (TRUE/FALSE, dates); nil when there are none.
	Kinds []CellKind
	// Beyond is, in a workbook, the 1-based column of the first value right
	// of the last heading; 0 if there is none.
	Beyond int
}

// CellKind is what a workbook cell holds, where its text alone would not
// say.
type CellKind uint8

// Cell kinds.
const (
	CellPlain CellKind = iota // text, or a number
	CellBool                  // TRUE or FALSE
	CellDate                  // a date: its text is the date as 2024-01-31
)

// ErrNoPlans is wrapped when a path holds no systems file.
var ErrNoPlans = errors.New("no systems.csv or systems.xlsx")

// Load reads path within fsys: a folder of year folders ("plans"), one year
// folder ("plans/2023-24"), or one systems file. Every problem in every file
// is reported together as Problems.
func Load(fsys fs.FS, path string, display string, opt Options) (Library, error) {
	return load(fsys, path, display, opt)
}

// ReadCSV reads a systems CSV (UTF-8 with or without BOM, or Windows-1252;
// CRLF or LF; title rows above the header kept apart; blank rows skipped)
// into a Table. More than MaxSystems rows below the header is a Problem at
// the first row over.
func ReadCSV(file string, data []byte) (Table, error) { return readCSV(file, data) }

// ReadXLSX reads the systems table from a workbook: the named sheet, or the
// first; the header row may sit below title rows; stored values are used,
// with TRUE/FALSE and dates marked in Row.Kinds. A damaged sheet (a cell
// reference that is not a cell, rows out of order) is a Problem naming the
// sheet and row, and more than MaxSystems rows below the header is one at
// the first row over.
func ReadXLSX(file string, data []byte, sheet string) (Table, error) {
	return readXLSX(file, data, sheet)
}

// Template returns an empty plans file with the expected headers and one
// example row, as "csv" or "xlsx".
func Template(format string) ([]byte, error) { return template(format) }

// ParseSystems validates a Table into a Dataset for the given year label,
// reporting every problem in the table at once (at most MaxProblems).
// Totals rows are skipped, and checked against the systems they total;
// what a person should know but is no error (headings ignored or likely
// misspelt, totals rows skipped or not tying, illustrative rows) is in
// Dataset.Warnings, each located like a Problem.
func ParseSystems(t Table, year string) (Dataset, error) { return parseSystems(t, year) }

// ParseScenario reads a scenario TOML file. Unknown keys, unquoted
// non-integer money and invalid values are errors with line numbers.
func ParseScenario(file string, data []byte) (Scenario, error) { return parseScenario(file, data) }

// Validate checks a scenario made or edited in the program, returning every
// problem (Problem.Column names the field, e.g. "repayment.profile").
func (s Scenario) Validate() error { return validateScenario(s) }

// MarshalTOML writes the scenario as a TOML file that ParseScenario reads
// back to an equal scenario; money and rates are written as quoted strings.
func (s Scenario) MarshalTOML() []byte { return marshalScenario(s) }

// DefaultScenario is used for a year whose folder has no scenario files: a
// grant covering every planned deficit exactly.
func DefaultScenario(d Dataset) Scenario { return defaultScenario(d) }

// YearLabel turns a folder name "2023-24" into "2023/24"; ok is false if the
// name is not a financial year.
func YearLabel(dir string) (label string, ok bool) { return yearLabel(dir) }

// YearStart returns the first calendar year of a financial year written
// "2023/24" (2023).
func YearStart(label string) (int, error) { return yearStart(label) }
