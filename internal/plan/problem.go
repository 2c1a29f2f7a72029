package plan

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with an input file, located as precisely as the
// file allows.
type Problem struct {
	File    string // file name as the user gave it
	Line    int    // 1-based line (CSV, TOML) or row (XLSX); 0 if the whole file
	Cell    string // spreadsheet cell such as "Plans!F7" (XLSX only)
	Column  string // column or key name, e.g. "plan"; empty if none
	Message string
}

// Error formats the problem as FILE:LINE: column "plan": message, or
// FILE:SHEET!CELL: ... for a workbook.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Cell != "":
		fmt.Fprintf(&b, ":%s", p.Cell)
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Column != "" {
		fmt.Fprintf(&b, "column %q: ", p.Column)
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in one or more files. It is an error when
// not empty; its message lists each problem on its own line.
type Problems []Problem

// Error lists the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}
