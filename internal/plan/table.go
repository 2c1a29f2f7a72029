package plan

import (
	"strconv"
	"strings"
	"unicode"
)

// MaxSystems is the most systems a file may hold. The national data has
// 42 (a plans file by provider or place a few thousand); a file with more
// rows is damaged or is not a systems file, and reading stops at the first
// row over the limit.
const MaxSystems = 20_000

// headerSearch is how many rows that are not blank are searched for the
// header row. A header row names code, name, population and plan; when none
// of these rows does, the one naming most of them is taken, so the message
// says what it lacks.
const headerSearch = 100

// tableBuilder makes a Table from rows given in order, wherever the header
// row is: title rows above it are kept apart, blank rows dropped.
type tableBuilder struct {
	t       Table
	placed  bool  // the header is known
	pending []Row // rows read while looking for the header
	best    int   // index in pending of the best candidate header
	score   int   // how many required columns it names
}

// add takes the next row. It returns a problem, and the row, once there
// are more than MaxSystems rows below the header: the caller stops there.
func (b *tableBuilder) add(r Row) (Problem, bool) {
	if allBlank(r.Cells) && r.Beyond == 0 {
		return Problem{}, false
	}
	if b.placed {
		if len(b.t.Rows) == MaxSystems {
			return b.overLimit(r), true
		}
		b.t.Rows = append(b.t.Rows, r)
		return Problem{}, false
	}
	b.pending = append(b.pending, r)
	score := headerScore(r.Cells)
	if score > b.score {
		b.best, b.score = len(b.pending)-1, score
	}
	if score == len(requiredColumns) || len(b.pending) == headerSearch {
		return b.place()
	}
	return Problem{}, false
}

// place puts the header at the best candidate; the rows after it are data.
func (b *tableBuilder) place() (Problem, bool) {
	b.placed = true
	rows := b.pending[b.best+1:]
	b.t.Titles, b.t.Header = b.pending[:b.best], b.pending[b.best]
	b.pending = nil
	for _, r := range rows {
		if p, over := b.add(r); over {
			return p, true
		}
	}
	return Problem{}, false
}

// table is the Table of every row added; an empty one if none.
func (b *tableBuilder) table() Table {
	if !b.placed && len(b.pending) > 0 {
		b.place() // fewer than headerSearch rows: cannot reach the limit
	}
	return b.t
}

// overLimit is the problem of the first row over MaxSystems.
func (b *tableBuilder) overLimit(r Row) Problem {
	st := sheetTable{b.t}
	return st.at(r.Line, -1, "", "is the %s row below the header: icsplan reads at most %s systems, so this is not a systems file (the national data has 42); nothing after it was read",
		ordinal(MaxSystems+1), groupThousands(MaxSystems))
}

// ordinal writes n as 20,001st.
func ordinal(n int) string {
	s := groupThousands(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// groupThousands writes a count with thousands separators.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// blank reports whether a cell holds nothing a person can see: only
// spaces and invisible format characters such as a zero-width space.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// visible is s without invisible format characters, trimmed: what a
// person reads in the cell.
func visible(s string) string {
	if isASCII(s) {
		return strings.TrimSpace(s) // no ASCII character is a format character
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s))
}
