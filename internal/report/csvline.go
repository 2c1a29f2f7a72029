package report

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

// csvLine builds one CSV record as encoding/csv's Writer writes it with a
// comma and UseCRLF (TestCSVLineMatchesWriter holds the two together), so
// that a report's rows are written straight into its buffer with no
// strings made for their figures.
type csvLine struct {
	b []byte
	n int // fields so far
}

// sep starts a field: a comma before all but the first.
func (l *csvLine) sep() {
	if l.n > 0 {
		l.b = append(l.b, ',')
	}
	l.n++
}

// text adds a field, quoted when encoding/csv quotes it: when it holds a
// quote, CR, LF or comma, starts with a space, or is `\.`; a quote is
// doubled, a CR dropped and an LF written as CRLF.
func (l *csvLine) text(s string) {
	l.sep()
	if !csvQuotes(s) {
		l.b = append(l.b, s...)
		return
	}
	l.b = append(l.b, '"')
	for len(s) > 0 {
		i := strings.IndexAny(s, "\"\r\n")
		if i < 0 {
			i = len(s)
		}
		l.b = append(l.b, s[:i]...)
		s = s[i:]
		if len(s) > 0 {
			switch s[0] {
			case '"':
				l.b = append(l.b, `""`...)
			case '\n':
				l.b = append(l.b, "\r\n"...)
			}
			s = s[1:]
		}
	}
	l.b = append(l.b, '"')
}

// csvQuotes is encoding/csv's fieldNeedsQuotes for a comma.
func csvQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, "\"\r\n,") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// fixed adds d to places decimals (StringFixed): digits, a point and a
// minus, which are never quoted.
func (l *csvLine) fixed(d decimal.Decimal, places int32) {
	l.sep()
	l.b = money.AppendFixed(l.b, d, places)
}

// total adds the sum of xs to places decimals (the sum's StringFixed).
func (l *csvLine) total(xs []decimal.Decimal, places int32) {
	l.sep()
	l.b = money.AppendFixedTotal(l.b, xs, places)
}

// int adds n.
func (l *csvLine) int(n int64) {
	l.sep()
	l.b = strconv.AppendInt(l.b, n, 10)
}

// bool adds true or false.
func (l *csvLine) bool(v bool) {
	l.sep()
	l.b = strconv.AppendBool(l.b, v)
}

// write ends the record with CRLF, writes it to buf and starts the next.
func (l *csvLine) write(buf *bytes.Buffer) {
	buf.Write(append(l.b, "\r\n"...))
	l.b, l.n = l.b[:0], 0
}

// terms adds system s's cells under termHeads, as termCells has them.
func (l *csvLine) terms(r analysis.Result, s *analysis.SystemResult) {
	if !r.Scenario.HasTerms() {
		return
	}
	for _, d := range []decimal.Decimal{s.Received, s.Withheld, s.Redistributed, s.Deductions, s.Bonuses} {
		l.fixed(d, 2)
	}
	for k := range r.Scenario.Tranches {
		if k >= len(s.Tranches) {
			l.text("")
			l.text("")
			continue
		}
		l.bool(s.Tranches[k].Passed)
		l.fixed(s.Tranches[k].Amount, 2)
	}
}
