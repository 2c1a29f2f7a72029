package plan

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// templateHeader is the header row of a new plans file.
var templateHeader = []string{
	"code", "name", "region", "population", "weighted population",
	"plan (£000)", "forecast (£000)", "outturn (£000)", "source",
}

// templateExample is the example row of a new plans file: a system planning
// a £25m deficit, forecasting £20m, outturn not yet known.
var templateExample = []any{
	"QXX", "Example ICS (replace this row)", "Midlands", 1000000, 980000, -25000, -20000, nil,
	"illustrative: replace with where your figures come from",
}

// TemplateSheet is the name of the worksheet in the xlsx template.
const TemplateSheet = "Systems"

// template is Template.
func template(format string) ([]byte, error) {
	switch strings.ToLower(format) {
	case "csv":
		return templateCSV(), nil
	case "xlsx":
		return templateXLSX()
	}
	return nil, fmt.Errorf("template: unknown format %q: use csv or xlsx", clip(format))
}

// templateCSV is UTF-8 with a byte order mark and CRLF line ends, so Excel
// shows the £ sign.
func templateCSV() []byte {
	var b strings.Builder
	b.WriteString("\ufeff")
	b.WriteString(strings.Join(templateHeader, ","))
	b.WriteString("\r\n")
	cells := make([]string, len(templateExample))
	for i, v := range templateExample {
		if v != nil {
			cells[i] = fmt.Sprint(v)
		}
	}
	b.WriteString(strings.Join(cells, ","))
	b.WriteString("\r\n")
	return []byte(b.String())
}

// templateXLSX is a workbook with a bold header row and real numbers.
func templateXLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	header := make([]any, len(templateHeader))
	for i, h := range templateHeader {
		header[i] = h
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	steps := []error{
		f.SetSheetRow(TemplateSheet, "A1", &header),
		f.SetSheetRow(TemplateSheet, "A2", &templateExample),
		f.SetRowStyle(TemplateSheet, 1, 1, bold),
		f.SetColWidth(TemplateSheet, "A", "A", 8),
		f.SetColWidth(TemplateSheet, "B", "B", 36),
		f.SetColWidth(TemplateSheet, "C", "H", 18),
		f.SetColWidth(TemplateSheet, "I", "I", 50),
	}
	for _, err := range steps {
		if err != nil {
			return nil, fmt.Errorf("template: %w", err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	return buf.Bytes(), nil
}
