package report

// Placeholders until the implementation lands.

import (
	"errors"
	"io"

	"icsplan/internal/analysis"
)

func render(w io.Writer, r analysis.Result, f Format, o Options) error {
	return errors.New("report: not implemented")
}
func writeFile(path string, r analysis.Result, f Format, o Options) error {
	return errors.New("report: not implemented")
}
func emailSummary(r analysis.Result) string     { return "" }
func writeBytes(path string, data []byte) error { return errors.New("report: not implemented") }
