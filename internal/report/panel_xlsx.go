package report

import (
	"bytes"
	"strconv"

	"icsplan/internal/analysis"
)

// The Years workbook: the years and the national series beside the
// published figures (Years), the consecutive pairs (Pairs), the money owed
// at each year end with SUM totals (Owed), every system in every year, pence
// exact (Systems), and the reading and caveats (Notes). Figures equal the
// JSON panel's to the penny.

func renderPanelXLSX(buf *bytes.Buffer, p analysis.Panel) error {
	j := buildPanelJSON(p)
	b := newBook(panelTitle, "Years", "Pairs", "Owed", sheetSystems, sheetNotes)
	xlsxPanelYears(b, j)
	xlsxPanelPairs(b, j)
	xlsxPanelOwed(b, j)
	xlsxPanelSystems(b, j)
	xlsxPanelNotes(b, p)
	return b.write(buf)
}

// heads writes a bold header row.
func (b *book) heads(sheet string, row int, hs ...string) {
	for i, h := range hs {
		b.bold(sheet, i+1, row, h)
	}
}

func xlsxPanelYears(b *book, j jsonPanel) {
	const s = "Years"
	b.heads(s, 1, "Year", "Primary scenario", "Systems", "Illustrative", "Verdict", "On reported rows alone",
		"Deficit plans", "Planned deficit")
	for i, y := range j.Primary {
		r := i + 2
		n := j.National[i]
		b.text(s, 1, r, y.Year)
		b.text(s, 2, r, y.Title)
		b.number(s, 3, r, strconv.Itoa(y.Systems), numFmtCount, false)
		b.number(s, 4, r, strconv.Itoa(y.Illustrative), numFmtCount, false)
		b.text(s, 5, r, y.Verdict)
		b.text(s, 6, r, y.ReportedOnlyVerdict)
		b.number(s, 7, r, strconv.Itoa(n.DeficitPlans), numFmtCount, false)
		b.money(s, 8, r, n.PlannedDeficit, false)
	}
	row := len(j.Primary) + 3
	b.heads(s, row, "Year", "Published figure", "Value", "Agrees with the data", "Confidence", "Source", "URL")
	for _, n := range j.National {
		for _, rp := range n.Reported {
			row++
			agrees := ""
			if rp.Agrees != nil {
				agrees = strconv.FormatBool(*rp.Agrees)
			}
			for c, v := range []string{n.Year, rp.Figure, rp.Value, agrees, rp.Confidence, rp.Source, rp.URL} {
				b.text(s, c+1, row, v)
			}
		}
	}
	b.width(s, 2, 2, 40)
	b.freeze(s, 1)
}

func xlsxPanelPairs(b *book, j jsonPanel) {
	const s = "Pairs"
	b.heads(s, 1, "From", "To", "Deficit then deficit", "Deficit then balanced", "Balanced then deficit",
		"Balanced then balanced", "Received money", "Of them, a deficit next", "Change per head, recipients",
		"Change per head, others", "Difference", "Bailout slope", "Recipients reported in both years",
		"Of them, a deficit next")
	for i, pr := range j.Pairs {
		r := i + 2
		b.text(s, 1, r, pr.From)
		b.text(s, 2, r, pr.To)
		t := pr.Transitions
		for c, n := range []int{t.DeficitDeficit, t.DeficitBalanced, t.BalancedDeficit, t.BalancedBalanced,
			pr.Recipients, pr.RecipientsDeficitNext} {
			b.number(s, c+3, r, strconv.Itoa(n), numFmtCount, false)
		}
		for c, v := range []*string{pr.ChangePerHead.Recipients, pr.ChangePerHead.Others, pr.ChangePerHead.Difference} {
			if v != nil {
				b.money(s, c+9, r, *v, false)
			}
		}
		if pr.BailoutSlope != nil {
			b.number(s, 12, r, *pr.BailoutSlope, numFmtRatio, false)
		}
		b.number(s, 13, r, strconv.Itoa(pr.ReportedRecipients), numFmtCount, false)
		b.number(s, 14, r, strconv.Itoa(pr.ReportedRecipientsDeficitNext), numFmtCount, false)
	}
	b.freeze(s, 1)
}

func xlsxPanelOwed(b *book, j jsonPanel) {
	const s = "Owed"
	b.heads(s, 1, "Code", "Name")
	if len(j.Owed) == 0 {
		b.text(s, 1, 2, "Nothing is owed: no year's primary scenario lends money.")
		return
	}
	for k, bal := range j.Owed[0].Balances {
		b.bold(s, k+3, 1, "Owed at the end of "+bal.Year)
	}
	for i, o := range j.Owed {
		b.text(s, 1, i+2, o.Code)
		b.text(s, 2, i+2, o.Name)
		for k, bal := range o.Balances {
			b.money(s, k+3, i+2, bal.Balance, false)
		}
	}
	last := len(j.Owed) + 1
	b.bold(s, 2, last+1, "Total")
	for k := range j.Owed[0].Balances {
		b.sum(s, k+3, 2, last, numFmtMoney)
	}
	b.freeze(s, 1)
}

func xlsxPanelSystems(b *book, j jsonPanel) {
	const s = sheetSystems
	b.heads(s, 1, "Code", "Name", "Year", "Present", "Group", "Plan", "Deficit per head", "Received", "Repaid",
		"Owed at year end", "Effective grant", "Illustrative")
	r := 1
	for _, sys := range j.Systems {
		for _, h := range sys.History {
			r++
			b.text(s, 1, r, sys.Code)
			b.text(s, 2, r, sys.Name)
			b.text(s, 3, r, h.Year)
			b.text(s, 4, r, strconv.FormatBool(h.Present))
			b.text(s, 5, r, h.Group)
			for c, v := range []string{h.Plan, h.DeficitPerHead, h.Received, h.Repaid, h.Owed, h.EffectiveGrant} {
				b.money(s, c+6, r, v, false)
			}
			b.text(s, 12, r, strconv.FormatBool(h.Illustrative))
		}
	}
	b.freeze(s, 1)
}

func xlsxPanelNotes(b *book, p analysis.Panel) {
	const s = sheetNotes
	b.bold(s, 1, 1, panelTitle)
	b.text(s, 1, 3, p.Text)
	row := 5
	b.bold(s, 1, row, "Caveats")
	for i, c := range panelCaveats(p) {
		row++
		b.text(s, 1, row, strconv.Itoa(i+1)+". "+c)
	}
	b.width(s, 1, 1, 120)
}
