package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// layout is where each known column sits in a table.
type layout struct {
	index  [numColumns]int
	factor [numColumns]decimal.Decimal
	unit   [numColumns]string // as the heading writes it, "" if none
}

// headerReport is what readHeader finds besides the layout.
type headerReport struct {
	unknown []nearHeading // headings icsplan does not read and not near one it does, in column order
	near    []nearHeading
	probs   Problems
}

// nearHeading is a heading icsplan does not read; when alias is set, it is
// close to one it does, and most likely a misspelling of it.
type nearHeading struct {
	given string // as written
	alias string // the name it is near, "" if none
	col   column // the column alias names
	index int    // its column in the table
}

// readHeader finds the known columns and their units.
func readHeader(st sheetTable, hline int) (layout, headerReport) {
	var lay layout
	var rep headerReport
	for i := range lay.index {
		lay.index[i] = -1
		lay.factor[i] = decimal.NewFromInt(1)
	}
	given := [numColumns]string{}
	asCode := bareICBCode(st.Header.Cells)
	for i, cell := range st.Header.Cells {
		if blank(cell) {
			continue
		}
		if len(cell) > MaxCellBytes {
			rep.probs = append(rep.probs, st.at(hline, i, "", "header cell %d is %d bytes long, more than the %d allowed", i+1, len(cell), MaxCellBytes))
			continue
		}
		h := readHeading(cell)
		if i == asCode {
			h.col = colCode
		}
		shown := clip(strings.TrimSpace(cell))
		switch {
		case h.bad != "":
			rep.probs = append(rep.probs, st.at(hline, i, shown, "%s", h.bad))
		case !h.known:
			if alias, col, ok := nearAlias(h.name); ok && len(rep.near) < maxSuggestions {
				rep.near = append(rep.near, nearHeading{given: shown, alias: alias, col: col, index: i})
				continue
			}
			rep.unknown = append(rep.unknown, nearHeading{given: shown, index: i})
			continue
		case h.unit != "" && !h.col.money():
			rep.probs = append(rep.probs, st.at(hline, i, columnNames[h.col], "has a unit (%s) but is not money: units belong only on plan, forecast and outturn", h.unit))
		case lay.index[h.col] >= 0:
			rep.probs = append(rep.probs, st.at(hline, i, columnNames[h.col], "appears twice, as %q and %q: keep one", given[h.col], shown))
			continue
		}
		if h.known && lay.index[h.col] < 0 {
			lay.index[h.col], lay.factor[h.col], lay.unit[h.col], given[h.col] = i, h.factor, h.unit, shown
		}
	}
	rep.keepNear(lay)
	if p, ok := missingColumns(st, hline, lay, rep.near); ok {
		rep.probs = append(rep.probs, p)
	}
	return lay, rep
}

// bareICBCode is the column headed just "ICB" (or "ICS") when the header
// also has an "ICB name" and no code column: the team wrote ICB for the
// code. Otherwise -1.
func bareICBCode(cells []string) int {
	bare, names := -1, 0
	for i, c := range cells {
		if len(c) > maxHeadingBytes || blank(c) {
			continue
		}
		h := readHeading(c)
		switch {
		case !h.known:
		case h.col == colCode:
			return -1
		case h.col == colName:
			names++
			if (h.name == "icb" || h.name == "ics") && bare < 0 {
				bare = i
			}
		}
	}
	if names < 2 {
		return -1
	}
	return bare
}

// keepNear moves a heading near the name of a column the header has
// already to the unknown headings: it is not that column misspelt.
func (rep *headerReport) keepNear(lay layout) {
	kept := rep.near[:0]
	for _, n := range rep.near {
		if lay.index[n.col] < 0 {
			kept = append(kept, n)
			continue
		}
		rep.unknown = append(rep.unknown, nearHeading{given: n.given, index: n.index})
	}
	rep.near = kept
	sort.SliceStable(rep.unknown, func(i, j int) bool { return rep.unknown[i].index < rep.unknown[j].index })
}

// missingColumns is the problem of a header row without every required
// column, saying which it has, which it lacks, and any heading that looks
// like a misspelling of one.
func missingColumns(st sheetTable, hline int, lay layout, near []nearHeading) (Problem, bool) {
	var found, missing []string
	for _, c := range requiredColumns {
		if lay.index[c] >= 0 {
			found = append(found, columnNames[c])
		} else {
			missing = append(missing, columnNames[c])
		}
	}
	if len(missing) == 0 {
		return Problem{}, false
	}
	cells := st.Header.Cells
	if len(cells) == 1 && strings.ContainsAny(cells[0], ";\t") {
		sep := "semicolons"
		if strings.Contains(cells[0], "\t") {
			sep = "tabs"
		}
		return st.at(hline, -1, "", "the header row is one cell, %q: the file seems to use %s between cells, not commas: %s",
			clip(cells[0]), sep, saveAsCSV), true
	}
	row := "line"
	if st.Sheet != "" {
		row = "row"
	}
	var msg string
	if len(found) == 0 {
		msg = fmt.Sprintf("found no header row: no %s names code, name, population or plan (%s %d, the first that is not blank, was taken for the header)", row, row, hline)
	} else {
		msg = fmt.Sprintf("no header row has all of code, name, population and plan: the best candidate, %s %d, has %s but not %s",
			row, hline, quoteList(found), orList(quoted(missing)))
	}
	for _, n := range near {
		for _, m := range missing {
			if columnNames[n.col] == m {
				msg += fmt.Sprintf("; is %q meant to be %q?", n.given, n.alias)
			}
		}
	}
	msg += `; "icsplan template -o plans.xlsx" writes a file with the headings icsplan reads`
	return st.at(hline, -1, "", "%s", msg), true
}

// quoted puts each name in double quotes.
func quoted(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return q
}

// headerScore counts the distinct required columns a row names, so the
// row naming all of them can be found below title rows.
func headerScore(cells []string) int {
	var seen [numColumns]bool
	n := 0
	for _, c := range cells {
		if blank(c) || len(c) > maxHeadingBytes {
			continue
		}
		h := readHeading(c)
		if h.known && !seen[h.col] && h.col.required() {
			seen[h.col] = true
			n++
		}
	}
	if !seen[colCode] && bareICBCode(cells) >= 0 {
		n++
	}
	return n
}

// maxHeadingBytes bounds the headings looked at for the header row and for
// spelling suggestions: real ones are short.
const maxHeadingBytes = 120

// maxSuggestions bounds the misspelt headings reported for one file.
const maxSuggestions = 20

// required reports whether every systems file needs the column.
func (c column) required() bool {
	for _, r := range requiredColumns {
		if r == c {
			return true
		}
	}
	return false
}

// sortedAliases are the alias names in order, so a suggestion does not
// depend on map order.
var sortedAliases = func() []string {
	a := make([]string, 0, len(columnAliases))
	for k := range columnAliases {
		a = append(a, k)
	}
	sort.Strings(a)
	return a
}()

// nearAlias finds the alias a folded heading is most likely a misspelling
// of: within one edit for names of up to five letters, two up to twelve,
// three beyond (an edit is a letter added, dropped, changed or two
// swapped).
func nearAlias(name string) (string, column, bool) {
	r := []rune(name)
	if len(r) < 3 || len(name) > maxHeadingBytes {
		return "", 0, false
	}
	limit := 3
	switch {
	case len(r) <= 5:
		limit = 1
	case len(r) <= 12:
		limit = 2
	}
	best, bestD := "", limit+1
	for _, a := range sortedAliases {
		if d := editDistance(r, []rune(a), bestD); d < bestD {
			best, bestD = a, d
		}
	}
	if best == "" {
		return "", 0, false
	}
	return best, columnAliases[best], true
}

// editDistance is the optimal string alignment distance between a and b,
// or any value ≥ limit once it is known to be at least limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
