package plan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"icsplan/internal/xlsxw"
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
	b := xlsxw.New()
	sh := b.AddSheet(TemplateSheet)
	bold := b.Style("", true)
	for i, h := range templateHeader {
		sh.Text(i+1, 1, h, bold)
	}
	for i, v := range templateExample {
		switch v := v.(type) {
		case string:
			sh.Text(i+1, 2, v, 0)
		case int:
			sh.Number(i+1, 2, strconv.Itoa(v), 0)
		}
	}
	sh.ColWidth(1, 1, 8)
	sh.ColWidth(2, 2, 36)
	sh.ColWidth(3, 8, 18)
	sh.ColWidth(9, 9, 50)
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	return buf.Bytes(), nil
}
