// Package report renders an analysis.Result for scripts and email: text,
// markdown, csv, json, email, xlsx and html (a board paper); and, with
// RenderPanel, the panel across years (analysis.Panel) in the same formats.
// It never imports bubbletea.
package report

import (
	"fmt"
	"io"
	"strings"

	"icsplan/internal/analysis"
)

// Format is an output format.
type Format string

// The formats.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	CSV      Format = "csv"
	JSON     Format = "json"
	Email    Format = "email"
	XLSX     Format = "xlsx"
	HTML     Format = "html"
)

// Formats lists every format, in the order help shows them.
var Formats = []Format{Text, Markdown, CSV, JSON, Email, XLSX, HTML}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Options tune rendering.
type Options struct {
	Colour bool // ANSI colour in text output; only on a terminal and never with NO_COLOR
}

// Render writes r to w in format f.
func Render(w io.Writer, r analysis.Result, f Format, o Options) error { return render(w, r, f, o) }

// ShowsPanel reports whether a one-year report in format f shows the panel
// across years it is given (analysis.Result.Panel): the JSON report carries
// it whole and the email gives it a sentence; the other formats leave it to
// the Years report (RenderPanel), so a caller need not compute it for them.
func ShowsPanel(f Format) bool { return f == JSON || f == Email }

// WriteFile renders r to path atomically: the file is either the whole new
// report or left as it was. An Excel-locked target is reported plainly.
func WriteFile(path string, r analysis.Result, f Format, o Options) error {
	return writeFile(path, r, f, o)
}

// EmailSummary returns the email format as text: a Subject line, a blank
// line and at most ten lines to paste as they are.
func EmailSummary(r analysis.Result) string { return emailSummary(r) }
