package tui

import (
	"fmt"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// repaymentsScreen shows the money due back by year: in total as bars, and
// per system as a table that scrolls (only the rows on screen are drawn).
type repaymentsScreen struct {
	common
	scroll scroller // over the per-system rows
}

func newRepayments(c common) screen { return &repaymentsScreen{common: c} }

// Title is the tab's title.
func (p *repaymentsScreen) Title() string { return "Repayments" }

// Capturing is always false: the screen has no text field.
func (p *repaymentsScreen) Capturing() bool { return false }

// ShortHelp lists the scrolling keys.
func (p *repaymentsScreen) ShortHelp() []key.Binding { short, _ := p.keys.scrollKeys(); return short }

// FullHelp lists the scrolling keys.
func (p *repaymentsScreen) FullHelp() [][]key.Binding {
	_, full := p.keys.scrollKeys()
	return [][]key.Binding{full}
}

// payers lists the systems with something due, in file order.
func payers(r *analysis.Result) []int {
	var out []int
	for i := range r.Systems {
		if len(r.Systems[i].Repayments) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// Update scrolls the per-system rows.
func (p *repaymentsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if msg, ok := msg.(tea.KeyMsg); ok {
		top := p.topLines(p.width)
		h := p.height - len(top) - 1
		p.scroll.update(&p.keys, msg, len(payers(&p.cur.res)), max(1, h))
	}
	return p, nil
}

// topLines are the totals by year, as bars.
func (p *repaymentsScreen) topLines(w int) []string {
	r := &p.cur.res
	st := &p.st
	out := []string{st.heading.Render("Money due back by year, all systems")}
	if r.Scenario.Repayment == nil {
		out = append(out, "This scenario is a grant: nothing is due back.")
		return out
	}
	if len(r.Years) == 0 {
		out = append(out, "Nothing is due back.")
		return out
	}
	maxV := decimal.Zero
	for _, y := range r.Years {
		if t := y.Total(); t.GreaterThan(maxV) {
			maxV = t
		}
	}
	barW := min(50, max(10, w-10-34))
	for _, y := range r.Years {
		t := y.Total()
		label := fm(y.Principal) + " principal"
		if !y.Interest.IsZero() {
			label += " + " + fm(y.Interest) + " interest"
		}
		out = append(out, padRight(safe(y.Year), 10)+st.barRepay.Render(padRight(bar(t, maxV, barW), barW))+" "+label)
	}
	out = append(out, wrap(fmt.Sprintf("Due back in all: %s; present value %s at %s; assumed never repaid: %s.",
		fm(r.Totals.Repayments), fm(r.Totals.PVRepayments), pct(r.Scenario.Assumptions.DiscountRate), pct(r.Scenario.Assumptions.WriteOff)), w)...)
	out = append(out, "")
	return out
}

// View draws the totals and the rows on screen.
func (p *repaymentsScreen) View() string {
	r := &p.cur.res
	st := &p.st
	w, h := p.width, p.height
	lines := p.topLines(w)
	if r.Scenario.Repayment == nil || len(r.Years) == 0 {
		return fitLines(lines, w, h)
	}
	ids := payers(r)
	const codeW, colW = 5, 11
	nameW := 16
	nYears := len(r.Years)
	fit := max(1, (w-2-codeW-1-nameW-(colW+1))/(colW+1))
	shownYears := min(nYears, fit)
	nameW = min(40, max(nameW, w-2-codeW-1-(shownYears+1)*(colW+1)))
	hdr := "  " + padRight("Code", codeW) + " " + padRight("Name", nameW)
	for _, y := range r.Years[:shownYears] {
		hdr += " " + padLeft(safe(y.Year), colW)
	}
	hdr += " " + padLeft("PV", colW)
	title := fmt.Sprintf("By system: %d with something due (principal + interest)", len(ids))
	if shownYears < nYears {
		title += fmt.Sprintf("; first %d of %d years shown", shownYears, nYears)
	}
	lines = append(lines, st.heading.Render(trunc(title, w)), st.header.Render(trunc(hdr, w)))
	rowsH := max(1, h-len(lines))
	rows := make([]string, len(ids))
	// Render only the rows on screen.
	sc := p.scroll
	sc.clamp(len(ids), rowsH)
	end := min(len(ids), sc.off+viewH(len(ids), rowsH))
	for k := sc.off; k < end; k++ {
		sys := &r.Systems[ids[k]]
		line := "  " + padRight(safe(sys.Code), codeW) + " " + padRight(safe(sys.Name), nameW)
		for _, y := range r.Years[:shownYears] {
			cell := "–"
			for _, in := range sys.Repayments {
				if in.Year == y.Year {
					cell = fm(in.Total())
				}
			}
			line += " " + padLeft(cell, colW)
		}
		line += " " + padLeft(fm(sys.PVRepayments), colW)
		rows[k] = trunc(line, w)
	}
	return fitLines(lines, w, h-rowsH) + "\n" + sc.window(rows, w, rowsH)
}
