package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// The Years table's £m cells: no £ sign, the heading says £m.
var (
	styleMCell   = money.Style{Scale: money.Millions, Places: 1, NoSymbol: true}
	styleMBrCell = money.Style{Scale: money.Millions, Places: 1, NoSymbol: true, Brackets: true}
)

// The systems table's columns: a year is a plan (with its † mark) and a
// cash column; the owed column closes the row.
const (
	yPlanW  = 10
	yCashW  = 8
	yYearW  = 1 + yPlanW + 1 + 1 + yCashW
	yOwedW  = 8
	yNameW0 = 14 // the narrowest name column
)

// yearsData is the panel as the screen and its pages read it: the panel,
// the systems table's £m columns (DESIGN.md, "Display rounding": each
// year's plans and cash, and what is owed, footed over every system of the
// panel, a system absent from a year counting nothing) with their totals,
// and the index of each system's code.
type yearsData struct {
	p            analysis.Panel
	codeW        int
	plan, cash   [][]decimal.Decimal // by year, then by system
	planT, cashT []decimal.Decimal   // by year
	owed         []decimal.Decimal
	owedT        decimal.Decimal
	index        map[string]int // panel.Systems by code (codeKey)
}

func newYearsData(panel analysis.Panel) *yearsData {
	f := &yearsData{p: panel, codeW: 4, index: make(map[string]int, len(panel.Systems))}
	p := &f.p
	n := len(p.Systems)
	owed := make([]decimal.Decimal, n)
	for i, s := range p.Systems {
		owed[i] = s.Owed
		f.index[codeKey(s.Code)] = i
		f.codeW = min(10, max(f.codeW, ansi.StringWidth(safe(s.Code))))
	}
	f.owed, f.owedT = footM(owed)
	for t := range p.Years {
		plan, cash := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		for i, s := range p.Systems {
			plan[i], cash[i] = decimal.Zero, decimal.Zero
			if t < len(s.History) {
				plan[i], cash[i] = s.History[t].Plan, s.History[t].Received
			}
		}
		fp, tp := footM(plan)
		fc, tc := footM(cash)
		f.plan, f.planT = append(f.plan, fp), append(f.planT, tp)
		f.cash, f.cashT = append(f.cash, fc), append(f.cashT, tc)
	}
	return f
}

// codeKey links codes as the panel does: whatever their case or the
// spaces around them.
func codeKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// yearsFit is how many years of n the systems table shows at width w.
func yearsFit(w, n, codeW int) int {
	fixed := 1 + codeW + 1 + yNameW0 + 1 + yOwedW
	return max(1, min(n, (w-fixed)/yYearW))
}

// build lays the document out at the current width, keeping the row
// under the cursor.
func (y *yearsScreen) build() {
	y.builtW = y.width
	if y.data == nil || y.width <= 0 {
		return
	}
	p := &y.data.p
	w := y.width
	b := &navBuilder{}
	y.head(b, p, w)
	y.series(b, p, w)
	for i := range p.Pairs {
		y.pair(b, p, i, w)
	}
	y.systems(b, p, w)
	y.nav.set(b.lines, b.rows, y.nav.selected())
	y.pages = b.pages
}

// head says what the panel is and reads it in plain English.
func (y *yearsScreen) head(b *navBuilder, p *analysis.Panel, w int) {
	st := &y.st
	if len(p.Years) == 0 {
		b.add("The plans hold no year.")
		return
	}
	first, last := safe(p.Years[0].Year), safe(p.Years[len(p.Years)-1].Year)
	if len(p.Years) < 2 {
		b.para(st.heading.Render("Years: ")+"the panel needs two or more years. These plans hold one, "+first+
			"; its national figures and systems follow, with nothing to compare them with.", w)
		return
	}
	b.para(st.heading.Render(fmt.Sprintf("Years: %s to %s, %d years", first, last, len(p.Years)))+
		" · each read through its primary scenario, as loaded (edits do not change it)", w)
	b.para(safe(p.Text), w)
}

// series is the national series as a chart: deficit plans (against the
// most systems in any year) and planned deficit (against the largest) per
// year, beneath each year the published figures the data can be compared
// with, and a row for the others.
func (y *yearsScreen) series(b *navBuilder, p *analysis.Panel, w int) {
	st := &y.st
	b.add("", st.heading.Render(trunc("National series, from the data; the published figures beneath", w)))
	maxN, maxD, published := 0, decimal.Zero, false
	for _, n := range p.National {
		maxN = max(maxN, n.Systems)
		if n.PlannedDeficit.GreaterThan(maxD) {
			maxD = n.PlannedDeficit
		}
		published = published || len(n.Reported) > 0
	}
	bw := max(4, min(30, (w-8-10-11-3)/2))
	b.add(st.header.Render(trunc(padRight("Year", 8)+padRight("Deficit plans", 10+bw)+" "+padRight("Planned deficit", 11+1+bw), w)))
	for i, n := range p.National {
		line := padRight(safe(n.Year), 8) + padLeft(fmt.Sprintf("%d of %d", n.DeficitPlans, n.Systems), 9) + " " +
			st.barCash.Render(padRight(bar(decimal.NewFromInt(int64(n.DeficitPlans)), decimal.NewFromInt(int64(maxN)), bw), bw)) +
			" " + padLeft(fm(n.PlannedDeficit), 11) + " " + st.barGrant.Render(bar(n.PlannedDeficit, maxD, bw))
		b.add(trunc(line, w))
		others := 0
		for _, f := range n.Reported {
			if f.Agrees == nil {
				others++
				continue
			}
			b.row(trunc("  ↳ "+reportedLine(n, f), w-1), &reportedPage{n: p.National[i], f: f})
		}
		if others > 0 {
			b.row(trunc(fmt.Sprintf("  ↳ %d other published %s (support, forecasts, outturns): enter", others,
				plural(others, "figure", "figures")), w-1), &publishedPage{n: p.National[i]})
		}
	}
	if !published {
		b.add(st.dim.Render(trunc("No year.toml gives published national figures for these years.", w)))
	}
	b.para(verdictsText(p), w)
}

// verdictsText names each year's primary scenario, how many of its rows
// are illustrative, and its verdict.
func verdictsText(p *analysis.Panel) string {
	parts := make([]string, len(p.Years))
	for i, y := range p.Years {
		parts[i] = fmt.Sprintf("%s, %s (%d of %d rows illustrative): %s", safe(y.Year), safe(scenarioTitle(plan.Scenario{Title: y.Title, Name: y.Scenario})),
			y.Illustrative, y.Systems, y.Verdict.Words())
	}
	return "Each year's primary scenario and its verdict: " + strings.Join(parts, "; ") + "."
}

// reportedLine is a published figure in a line: what it is, its value,
// whether the data agrees, how well it is known, then its source.
func reportedLine(n analysis.National, f analysis.ReportedFigure) string {
	return fmt.Sprintf("published %s %s · %s · %s · %s", safe(f.Figure), safe(f.Value), agreement(n, f),
		confidenceWords(f.Confidence), safe(f.Source))
}

// confidenceWords names a confidence grade.
func confidenceWords(c string) string {
	switch strings.ToUpper(strings.TrimSpace(c)) {
	case "H":
		return "high confidence"
	case "M":
		return "medium confidence"
	case "L":
		return "low confidence"
	}
	return "not graded"
}

// agreement says whether the data gives the published figure, in words.
func agreement(n analysis.National, f analysis.ReportedFigure) string {
	switch {
	case f.Agrees == nil:
		return "not compared with the data"
	case *f.Agrees:
		return "data agrees ✓"
	}
	return "data differs ✗ (" + dataFigure(n, f.Figure) + ")"
}

// dataFigure is the data's value of a figure the panel computes.
func dataFigure(n analysis.National, figure string) string {
	if strings.EqualFold(strings.TrimSpace(figure), plan.FigureDeficitPlans) {
		return fmt.Sprintf("%d", n.DeficitPlans)
	}
	return fm(n.PlannedDeficit)
}
