// Package plan holds the domain types of icsplan — systems, datasets,
// scenarios — and reads them from plans folders: systems.csv (or .xlsx) and
// scenario TOML files, validated with every problem reported at once as
// FILE:LINE: column "name": message.
//
// Parsing works on bytes and on fs.FS values handed in by the caller; the
// package does no other I/O.
package plan

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Figure is an optional money figure: a blank cell is unknown, never zero.
type Figure struct {
	Value decimal.Decimal
	Known bool
}

// Known returns a known figure of value d.
func Known(d decimal.Decimal) Figure { return Figure{Value: d, Known: true} }

// System is one integrated care system's row of a plans file. Money is in
// pounds; surplus positive, deficit negative.
type System struct {
	Code               string
	Name               string
	Region             string
	Population         int64           // registered persons, > 0
	WeightedPopulation decimal.Decimal // needs-weighted; equals Population when the column is absent or blank
	Plan               decimal.Decimal // planned surplus/(deficit) for the year
	Forecast           Figure
	Outturn            Figure
	Source             string     // provenance of the row's figures, free text
	SourceURL          string     // where the figures were published, if the file says; free text
	Confidence         Confidence // how well the figures are known, if the file says
	Line               int        // line (CSV) or row (XLSX) in the file it came from
}

// Confidence grades how well a system's figures are known, as the
// confidence column of a systems file gives it.
type Confidence string

// Confidence grades; a file without the column, or a blank cell, gives
// ConfidenceUnknown.
const (
	ConfidenceUnknown Confidence = ""
	ConfidenceHigh    Confidence = "H"
	ConfidenceMedium  Confidence = "M"
	ConfidenceLow     Confidence = "L"
)

// Basis returns the system's figure on the given basis. Plan is always known.
func (s System) Basis(b Basis) Figure {
	switch b {
	case BasisForecast:
		return s.Forecast
	case BasisOutturn:
		return s.Outturn
	default:
		return Known(s.Plan)
	}
}

// Illustrative reports whether the row's source marks its figures as
// illustrative rather than reported.
func (s System) Illustrative() bool {
	return ContainsFold(s.Source, "illustrative")
}

// ContainsFold reports whether s contains word, letters matched whatever
// their case, without making a lower-case copy of s (the source column is
// read for every system on every analysis). word must be ASCII lower case
// without the letter k: then it gives what
// strings.Contains(strings.ToLower(s), word) gives. Besides the ASCII
// capitals, the only runes that lower to ASCII letters are U+0130 (İ, to i)
// and the Kelvin sign (to k); İ is matched as i.
func ContainsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ { // every letter takes a byte or more
		if foldsAt(s, i, word) {
			return true
		}
	}
	return false
}

// foldsAt reports whether s, from byte i, lowers to word (see ContainsFold).
func foldsAt(s string, i int, word string) bool {
	for j := 0; j < len(word); j++ {
		switch {
		case i < len(s) && lowerASCII(s[i]) == word[j]:
			i++
		case word[j] == 'i' && strings.HasPrefix(s[i:], "\u0130"):
			i += len("\u0130")
		default:
			return false
		}
	}
	return true
}

// lowerASCII lowers an ASCII capital letter and leaves every other byte.
func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// Dataset is one year's systems, in file order.
type Dataset struct {
	Year     string // "2023/24"
	Path     string // the file the systems came from, as the user named it
	Systems  []System
	Warnings []string // e.g. unknown columns that were ignored
}

// Illustrative counts the systems whose figures are illustrative.
func (d Dataset) Illustrative() int {
	n := 0
	for _, s := range d.Systems {
		if s.Illustrative() {
			n++
		}
	}
	return n
}

// WithPlan returns a copy of the dataset in which system i's plan is p; the
// receiver is not changed.
func (d Dataset) WithPlan(i int, p decimal.Decimal) Dataset {
	c := d
	c.Systems = append([]System(nil), d.Systems...)
	c.Systems[i].Plan = p
	return c
}
