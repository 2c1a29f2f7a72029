package report

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
)

// panelCSVHeader is the Years CSV's header: one row per system per year of
// the panel, the JSON panel's "history" fields with the system's code and
// name in front.
var panelCSVHeader = []string{
	"code", "name", "year", "present", "group", "plan", "deficit_per_head", "received", "repaid", "owed",
	"effective_grant", "illustrative",
}

// renderPanelCSV writes each system's history, a row per year, systems in
// order of first appearance: UTF-8 with a BOM and CRLF, money with two
// decimals, text guarded against formula injection, as the CSV report is.
func renderPanelCSV(buf *bytes.Buffer, p analysis.Panel) error {
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(buf)
	cw.UseCRLF = true
	if err := cw.Write(panelCSVHeader); err != nil {
		return err
	}
	for _, s := range p.Systems {
		for _, h := range s.History {
			group := ""
			if h.Present {
				group = string(h.Group)
			}
			row := []string{csvText(s.Code), csvText(s.Name), h.Year, strconv.FormatBool(h.Present), group,
				money.Fixed2(h.Plan), money.Fixed2(h.DeficitPerHead), money.Fixed2(h.Received), money.Fixed2(h.Repaid),
				money.Fixed2(h.Owed), money.Fixed2(h.EffectiveGrant), strconv.FormatBool(h.Illustrative)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
