package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// The Years screen's pages read the panel, which does not change with the
// scenario: they stay valid until the year or scenario is switched (drill
// closes them then).

// reportedPage is one published national figure in full: its value, its
// source and address, how well it is known and what the data says.
type reportedPage struct {
	n analysis.National
	f analysis.ReportedFigure
}

// Valid is always true: the panel does not change.
func (p *reportedPage) Valid(*current) bool { return true }

// Lines renders the figure at width w.
func (p *reportedPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	f := p.f
	pageHead(d, safe(p.n.Year)+" · published "+safe(f.Figure))
	d.para("Value as published: " + safe(f.Value) + ".")
	d.para("Source: " + or(safe(f.Source), "not given") + ".")
	if f.URL != "" {
		d.para("Address: " + safe(f.URL))
	}
	d.para("Confidence: " + confidenceWords(f.Confidence) + " (year.toml grades each figure H, M or L by how directly the source states it).")
	switch {
	case f.Agrees == nil:
		d.para("The panel does not compute this figure, or the value does not read as a number, so it is not compared with the data.")
	case *f.Agrees:
		d.para("The data gives exactly this figure: " + dataFigure(p.n, f.Figure) + " from the year's primary scenario.")
	default:
		d.para("The data gives " + dataFigure(p.n, f.Figure) + " from the year's primary scenario, not the figure published.")
	}
	return d.lines
}

// pageHead is a page's title, with "esc: back" beside it, or beneath it
// when the title takes the width.
func pageHead(d *doc, title string) {
	back := d.st.dim.Render("  esc: back")
	if ansi.StringWidth(title)+12 <= d.w {
		d.add(d.st.heading.Render(title) + back)
		return
	}
	for _, l := range wrap(title, d.w) {
		d.add(d.st.heading.Render(l))
	}
	d.add(back)
}

// publishedPage is every national figure published for a year, in full.
type publishedPage struct {
	n analysis.National
}

// Valid is always true: the panel does not change.
func (p *publishedPage) Valid(*current) bool { return true }

// Lines renders the figures at width w.
func (p *publishedPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	pageHead(d, safe(p.n.Year)+": every national figure published, from year.toml")
	for _, f := range p.n.Reported {
		d.add("")
		d.para(d.st.heading.Render(safe(f.Figure)+": "+safe(f.Value)) + " · " + confidenceWords(f.Confidence) + " · " + agreement(p.n, f))
		d.para("Source: " + or(safe(f.Source), "not given") + ".")
		if f.URL != "" {
			d.para("Address: " + safe(f.URL))
		}
	}
	return d.lines
}

// or is s, or alt when s is empty.
func or(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// namesPage names the systems behind a row of a pair (a transition, the
// codes that appear or vanish), with their plans in the pair's two years.
type namesPage struct {
	title string
	refs  []analysis.SystemRef
	pair  int
	pv    *yearsData
}

// Valid is always true: the panel does not change.
func (p *namesPage) Valid(*current) bool { return true }

// Lines renders the names at width w.
func (p *namesPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	pageHead(d, p.title)
	pr := p.pv.p.Pairs[p.pair]
	rows := [][]string{{"Code", "Name", "Plan " + safe(pr.From), "Plan " + safe(pr.To)}}
	for _, r := range p.refs {
		rows = append(rows, []string{safe(r.Code), safe(r.Name), p.plan(r.Code, p.pair), p.plan(r.Code, p.pair+1)})
	}
	flexTable(d, rows, 1)
	d.para("Plans are surpluses/(deficits) to the penny, from each year's plans; — where the code is not in that year's plans.")
	return d.lines
}

// plan is the plan of code in year t of the panel, or —.
func (p *namesPage) plan(code string, t int) string {
	s, ok := p.pv.system(code)
	if !ok || t >= len(s.History) || !s.History[t].Present {
		return "—"
	}
	return money2(s.History[t].Plan)
}

// recipientsPage lists the systems that received money in a pair's first
// year, and whether each planned a deficit in the second.
type recipientsPage struct {
	pair int
	pv   *yearsData
}

// Valid is always true: the panel does not change.
func (p *recipientsPage) Valid(*current) bool { return true }

// Lines renders the recipients at width w.
func (p *recipientsPage) Lines(c *common, w int) []string {
	d := &doc{st: &c.st, w: w}
	pr := p.pv.p.Pairs[p.pair]
	from, to := safe(pr.From), safe(pr.To)
	pageHead(d, fmt.Sprintf("Systems that received money in %s, and their plans in %s", from, to))
	again, reported := map[string]bool{}, map[string]bool{}
	for _, r := range pr.RecipientsDeficitNext {
		again[codeKey(r.Code)] = true
	}
	for _, r := range pr.ReportedRecipients {
		reported[codeKey(r.Code)] = true
	}
	rows := [][]string{{"Code", "Name", "Received " + from, "Plan " + to, "In " + to, "Rows"}}
	for _, r := range pr.Recipients {
		s, ok := p.pv.system(r.Code)
		received, plan := "—", "—"
		if ok && p.pair+1 < len(s.History) {
			received, plan = fp(s.History[p.pair].Received), money2(s.History[p.pair+1].Plan)
		}
		next, rows2 := "balanced", "†"
		if again[codeKey(r.Code)] {
			next = "deficit"
		}
		if reported[codeKey(r.Code)] {
			rows2 = "reported"
		}
		rows = append(rows, []string{safe(r.Code), safe(r.Name), received, plan, next, rows2})
	}
	flexTable(d, rows, 1)
	d.para(fmt.Sprintf("%d of the %d planned a deficit in %s; %d of them had planned a deficit in %s too.",
		len(pr.RecipientsDeficitNext), len(pr.Recipients), to, pr.RecipientsDeficitBefore, from))
	d.para(fmt.Sprintf("Rows: reported in both years, or † illustrative in one of them. On the %d reported alone, %d planned a deficit in %s.",
		len(pr.ReportedRecipients), len(pr.ReportedRecipientsDeficitNext), to))
	return d.lines
}

// money2 shows a surplus/(deficit) to the penny, a deficit in brackets.
func money2(d decimal.Decimal) string { return money.Format(d, stylePenceBr) }

var stylePenceBr = money.Style{Scale: money.Pence, Brackets: true}

// flexTable adds rows of cells to d, the first row a header: each column
// as wide as its widest cell, column flex (a name) left-aligned and cut to
// what is left when the whole is wider than the page, the rest
// right-aligned but the first.
func flexTable(d *doc, rows [][]string, flex int) {
	if len(rows) == 0 {
		return
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	total := len(widths) - 1
	for _, cw := range widths {
		total += cw
	}
	if over := total - d.w; over > 0 {
		widths[flex] = max(8, widths[flex]-over)
	}
	for r, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			if i == 0 || i == flex {
				cells[i] = padRight(c, widths[i])
			} else {
				cells[i] = padLeft(c, widths[i])
			}
		}
		line := trunc(strings.TrimRight(strings.Join(cells, " "), " "), d.w)
		if r == 0 {
			line = d.st.header.Render(line)
		}
		d.add(line)
	}
}
