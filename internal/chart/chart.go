// Package chart draws the board paper's charts: cash and effective grant per
// head by group against the fair share, the sensitivity grid as a heat map,
// transfers by system and repayments by year.
//
// Each chart is first a small pure data struct (Data) made from an
// analysis.Result: categories, the exact figures and, for each, the text
// printed on the chart, formatted by internal/money from the exact results.
// Drawing (gonum.org/v1/plot, to SVG or PNG) turns the exact figures into
// floats only to place bars and pick colours; every figure printed on a
// chart is a Text of the Data, and so are the axis labels (money-formatted
// marks). Charts are registered by name (Charts, Lookup) so that later
// stages add theirs beside these.
package chart

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Kind is how a chart is drawn.
type Kind string

// The kinds of chart.
const (
	Bars    Kind = "bars"    // vertical bars, one per category and series, side by side; reference lines across
	HBars   Kind = "hbars"   // a bar per category (many), coloured by series: rows, or columns labelled Short when rows would not fit
	Stacked Kind = "stacked" // vertical bars with the series stacked; only each bar's total is printed, above it
	Heat    Kind = "heat"    // a grid of cells coloured by value, each with its figure and verdict
)

// Value is one figure of a series: its exact value in the chart's unit and
// the text printed for it. A missing value (a series that has no figure for
// a category) is not drawn.
type Value struct {
	Exact   decimal.Decimal
	Text    string
	Missing bool
}

// Series is one set of bars, one value per category. A Below series of a
// Stacked chart (money given rather than due) is drawn down from the line,
// not stacked on the others, and is not part of the total above the bar.
type Series struct {
	Name   string
	Values []Value
	Below  bool
}

// Ref is a reference line across a bar chart (the fair share).
type Ref struct {
	Label string
	Exact decimal.Decimal
	Text  string
}

// Cell is one cell of a heat map.
type Cell struct {
	Exact   decimal.Decimal // colours the cell: a fraction from 0 to 1
	Text    string          // the figure printed in the cell
	Verdict string          // printed under the figure
	Own     bool            // the scenario's own assumptions (outlined, and marked *)
}

// Data is everything a chart shows. Labels and texts are already safe to
// print (sanitised by the builder); the drawing escapes them for SVG.
type Data struct {
	Name       string // the registered name: "per-head"
	Title      string
	Unit       string // the value axis: "£ per head", "£000"
	Kind       Kind
	Categories []string // bars: one per bar group; heat: the columns
	Short      []string // HBars: a short label per category (the code), for when rows do not fit and bars stand as columns
	Series     []Series // bars (Bars, HBars, Stacked)
	Totals     []Value  // Stacked: the text above each bar
	Refs       []Ref    // Bars: reference lines
	Rows       []string // Heat: the rows, top first
	RowTitle   string   // Heat: what the rows are
	ColTitle   string   // Heat: what the columns are
	Cells      [][]Cell // Heat: [row][column]
	Notes      []string // printed with the chart (the empty case, the * mark)
}

// Empty reports whether the chart has nothing to draw but its notes.
func (d Data) Empty() bool { return len(d.Categories) == 0 }

// String lays the data out as plain text, one figure a line with its exact
// value and its printed text, for golden files and for reading.
func (d Data) String() string {
	var b strings.Builder
	line := func(parts ...string) {
		b.WriteString(strings.Join(parts, ""))
		b.WriteByte('\n')
	}
	line("chart ", d.Name, ": ", d.Title)
	line("kind ", string(d.Kind), "; unit ", d.Unit)
	for _, s := range d.Series {
		below := ""
		if s.Below {
			below = " (below the line)"
		}
		line("series ", s.Name, below)
		for i, v := range s.Values {
			if v.Missing {
				continue
			}
			line("  ", category(d, i), ": ", v.Exact.String(), " printed ", v.Text)
		}
	}
	for i, v := range d.Totals {
		if !v.Missing {
			line("total ", category(d, i), ": ", v.Exact.String(), " printed ", v.Text)
		}
	}
	for _, r := range d.Refs {
		line("line ", r.Label, ": ", r.Exact.String(), " printed ", r.Text)
	}
	if len(d.Cells) > 0 {
		line("rows ", d.RowTitle, "; columns ", d.ColTitle, ": ", strings.Join(d.Categories, " | "))
	}
	for r, row := range d.Cells {
		for c, cell := range row {
			own := ""
			if cell.Own {
				own = " (own)"
			}
			line("  ", d.Rows[r], " × ", d.Categories[c], ": ", cell.Exact.String(), " printed ", cell.Text,
				" / ", cell.Verdict, own)
		}
	}
	for _, n := range d.Notes {
		line("note ", n)
	}
	return b.String()
}

func category(d Data, i int) string {
	if i < len(d.Categories) {
		return d.Categories[i]
	}
	return "?"
}
