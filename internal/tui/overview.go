package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// overviewScreen answers the question at a glance: the verdict, the headline
// numbers, bars per head, the sensitivity grid and the caveats. It scrolls
// when the terminal is too short to show it all.
type overviewScreen struct {
	common
	scroll scroller
}

func newOverview(c common) screen { return &overviewScreen{common: c} }

// Title is the tab's title.
func (o *overviewScreen) Title() string { return "Overview" }

// Capturing is always false: the Overview has no text field.
func (o *overviewScreen) Capturing() bool { return false }

// ShortHelp lists the scrolling keys.
func (o *overviewScreen) ShortHelp() []key.Binding { short, _ := o.keys.scrollKeys(); return short }

// FullHelp lists the scrolling keys.
func (o *overviewScreen) FullHelp() [][]key.Binding {
	_, full := o.keys.scrollKeys()
	return [][]key.Binding{full}
}

// Update scrolls.
func (o *overviewScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if msg, ok := msg.(tea.KeyMsg); ok {
		o.scroll.update(&o.keys, msg, len(o.lines(o.width)), o.height)
	}
	return o, nil
}

// View draws the part of the overview scrolled to.
func (o *overviewScreen) View() string { return o.scroll.window(o.lines(o.width), o.width, o.height) }

// lines renders the whole overview at width w.
func (o *overviewScreen) lines(w int) []string {
	r := &o.cur.res
	var out []string
	out = append(out, verdictLines(&o.st, r, w)...)
	if o.cur.partial {
		out = append(out, o.st.dim.Render("Robustness: computing the sensitivity grid…"))
	}
	out = append(out, incentiveLine(&o.st, &o.cur, w)...)
	out = append(out, "")
	out = append(out, headlineLines(r, w)...)
	out = append(out, "")
	out = append(out, perHeadBars(&o.st, r, w)...)
	out = append(out, "")
	if o.cur.partial {
		out = append(out, o.st.heading.Render("Sensitivity: ")+o.st.dim.Render("computing the grid, then the caveats…"))
	} else {
		out = append(out, sensitivityLines(&o.st, r, w)...)
	}
	return append(out, notesLines(&o.st, r, warnings(o.cur.year, r.Scenario), w)...)
}

// verdictLines are the verdict in words and colour (never colour alone), its
// reasons and how robust it is.
func verdictLines(st *styles, r *analysis.Result, w int) []string {
	label := r.Verdict.Label
	out := []string{st.heading.Render("Verdict:") + st.verdictStyle(label).Render(" "+strings.ToUpper(label.Words())+" ")}
	if t := strings.TrimSpace(r.Verdict.Text); t != "" {
		out = append(out, wrap(safe(t), w)...)
	}
	if same, n := r.Robustness(); n > 0 {
		out = append(out, st.dim.Render(trunc(fmt.Sprintf("Robustness: the same verdict in %d of %d write-off × discount-rate cases.", same, n), w)))
	}
	return out
}

// incentiveLine is the terms that would end the reward, in a sentence
// (Incentives has the searches behind it): while they are computed it says
// so; when the money does not reward deficit plans there is nothing to say.
func incentiveLine(st *styles, cur *current, w int) []string {
	label := st.heading.Render("To end the reward: ")
	inc := cur.res.Incentives
	switch {
	case inc != nil && !inc.Ending.Rewarding:
		return nil
	case inc != nil:
		return wrap(label+safe(inc.Ending.Text), w)
	case cur.incErr != nil:
		return wrap(label+"not computed ("+safe(firstLine(cur.incErr.Error()))+").", w)
	case cur.incBusy || cur.partial:
		return []string{label + st.dim.Render("computing the terms that would end it…")}
	}
	return nil
}

// headlineLines are the headline numbers in two columns.
func headlineLines(r *analysis.Result, w int) []string {
	var out []string
	half := min(w/2, 44)
	pair := func(l1, v1, l2, v2 string) {
		left := padRight(l1, half-15) + padLeft(v1, 12) + "   "
		right := padRight(l2, min(w-half, 44)-13) + padLeft(v2, 12)
		out = append(out, left+right)
	}
	def, bal := groupSplit(r) // they add up to the allocated total shown
	pair("Pot", fm(r.Totals.Pot), "Allocated", fm(r.Totals.Allocated))
	pair(fmt.Sprintf("To deficit group (%d)", r.Deficit.Systems), fm(def),
		fmt.Sprintf("To balanced group (%d)", r.Balanced.Systems), fm(bal))
	if !r.Totals.Withheld.IsZero() { // a tranche withheld some: the cash per head is of what was received
		recv, _ := footM([]decimal.Decimal{r.Deficit.Received, r.Balanced.Received})
		pair("Received, deficit", fm(recv[0]), "Received, balanced", fm(recv[1]))
	}
	pair("Per head, deficit", fp(r.Deficit.PerHead), "Per head, balanced", fp(r.Balanced.PerHead))
	pair("Effective grant", fm(r.Totals.EffectiveGrant), "Grant element", pct1(r.Totals.GrantElement))
	price := "n/a"
	if r.HasPrice {
		price = "£" + r.PriceOfDeficit.StringFixed(4)
	}
	pair("Net transfer to deficit", fm(r.NetTransferToDeficit), "Price of a deficit per £1", price)
	return out
}

// perHeadBars are bars per head for each group, cash and effective grant,
// against the fair share.
func perHeadBars(st *styles, r *analysis.Result, w int) []string {
	out := []string{st.heading.Render("Per head: cash and effective grant by group, against the fair share")}
	type row struct {
		label string
		v     decimal.Decimal
		style func(...string) string
	}
	rows := []row{
		{"Cash, deficit group", r.Deficit.PerHead, st.barCash.Render},
		{"Cash, balanced group", r.Balanced.PerHead, st.barCash.Render},
		{"Grant, deficit group", r.Deficit.GrantPerHead, st.barGrant.Render},
		{"Grant, balanced group", r.Balanced.GrantPerHead, st.barGrant.Render},
	}
	if r.Deficit.Population+r.Balanced.Population > 0 {
		rows = append(rows, row{"Fair share, everyone", r.FairSharePerHead, st.barFair.Render})
	}
	maxV := decimal.Zero
	for _, rw := range rows {
		if rw.v.GreaterThan(maxV) {
			maxV = rw.v
		}
	}
	barW := min(60, max(10, w-23-11))
	for _, rw := range rows {
		out = append(out, padRight(rw.label, 23)+rw.style(bar(rw.v, maxV, barW))+" "+fp(rw.v))
	}
	return out
}

// sensitivityLines draw the grid: write-off down, discount rate across,
// each cell the grant element and the verdict in words.
func sensitivityLines(st *styles, r *analysis.Result, w int) []string {
	if len(r.Sensitivity) == 0 {
		return []string{st.heading.Render("Sensitivity: ") + "not computed"}
	}
	g := r.Grid()
	wos, drs := g.WriteOffs, g.Rates
	out := wrap(st.heading.Render("Sensitivity")+" — grant element and verdict, by write-off (down) and discount rate (across)", w)
	first := 11
	cellW := min(26, max(12, (w-first)/max(1, len(drs))))
	hdr := padRight("write-off", first)
	for _, d := range drs {
		hdr += padRight("disc. "+pct(d), cellW)
	}
	out = append(out, st.header.Render(trunc(hdr, w)))
	for i, wo := range wos {
		line := padRight(pct(wo), first)
		for k := range drs {
			c := g.Cells[i][k]
			if c.Verdict == "" { // a combination the analysis does not have
				line += padRight("—", cellW)
				continue
			}
			// A space always parts the cells, so that a cell cut short is never read into the next figure.
			line += padRight(pct1(c.GrantElement)+" "+st.verdictText(c.Verdict).Render(c.Verdict.Short()), cellW-1) + " "
		}
		out = append(out, line)
	}
	return out
}

// notesLines are the outturn against plan where it is known, the scenario's
// note (its title is in the header), and the caveats: the warnings about
// the plans and the scenario first, then the analysis's own.
func notesLines(st *styles, r *analysis.Result, warns []string, w int) []string {
	var out []string
	if len(r.Outturn) > 0 {
		out = append(out, "", st.heading.Render("Outturn against plan")+" (systems with a known outturn)")
		for _, o := range r.Outturn {
			out = append(out, trunc(fmt.Sprintf("%-9s %d system(s): plan %s, outturn %s", string(o.Group), o.Systems, fmb(o.Plan), fmb(o.Outturn)), w))
		}
	}
	if n := strings.TrimSpace(r.Scenario.Note); n != "" {
		out = append(out, "")
		out = append(out, wrap(st.heading.Render("Note: ")+safe(n), w)...)
	}
	out = append(out, "")
	out = append(out, wrap(st.heading.Render("Caveats: ")+fmt.Sprintf("data for %s, %d systems from %s; %d with illustrative figures (marked †).",
		safe(r.Dataset.Year), r.Dataset.Systems, safe(r.Dataset.Path), r.Dataset.Illustrative), w)...)
	bullet := func(mark, text string, style func(...string) string) {
		for i, l := range wrap(text, w-2) {
			if i == 0 {
				l = mark + " " + l
			} else {
				l = "  " + l
			}
			out = append(out, style(l))
		}
	}
	for _, c := range warns {
		bullet("⚠", c, st.warn.Render)
	}
	for _, c := range r.Caveats {
		bullet("•", safe(c), st.plain.Render)
	}
	return out
}
