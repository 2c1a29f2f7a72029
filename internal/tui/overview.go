package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"
)

// overviewModel answers the question at a glance: the verdict, the headline
// numbers, bars per head, the sensitivity grid and the caveats. It scrolls
// when the terminal is too short to show it all.
type overviewModel struct {
	scroll scroller
}

func newOverview() overviewModel { return overviewModel{} }

func (o *overviewModel) update(m *model, msg tea.KeyMsg) tea.Cmd {
	lines := o.lines(m, m.width)
	o.scroll.update(m.keys, msg, len(lines), m.bodyHeight())
	return nil
}

func (o overviewModel) view(m *model, w, h int) string {
	return o.scroll.window(o.lines(m, w), w, h)
}

// lines renders the whole overview at width w.
func (o overviewModel) lines(m *model, w int) []string {
	r := &m.res
	st := m.st
	var out []string
	add := func(s ...string) { out = append(out, s...) }

	// Verdict: words and colour, never colour alone.
	label := r.Verdict.Label
	add(st.heading.Render("Verdict:") + st.verdictStyle(label).Render(" "+strings.ToUpper(label.Words())+" "))
	if t := strings.TrimSpace(r.Verdict.Text); t != "" {
		add(wrap(safe(t), w)...)
	}
	if n := len(r.Sensitivity); n > 0 {
		same := 0
		for _, c := range r.Sensitivity {
			if c.Verdict == label {
				same++
			}
		}
		add(st.dim.Render(trunc(fmt.Sprintf("Robustness: the same verdict in %d of %d write-off × discount-rate cases.", same, n), w)))
	}
	add("")

	// Headline numbers in two columns.
	half := min(w/2, 44)
	pair := func(l1, v1, l2, v2 string) {
		left := padRight(l1, half-15) + padLeft(v1, 12) + "   "
		right := padRight(l2, min(w-half, 44)-13) + padLeft(v2, 12)
		add(left + right)
	}
	pair("Pot", fm(r.Totals.Pot), "Allocated", fm(r.Totals.Allocated))
	pair(fmt.Sprintf("To deficit group (%d)", r.Deficit.Systems), fm(r.Deficit.Allocation),
		fmt.Sprintf("To balanced group (%d)", r.Balanced.Systems), fm(r.Balanced.Allocation))
	pair("Per head, deficit", fp(r.Deficit.PerHead), "Per head, balanced", fp(r.Balanced.PerHead))
	pair("Effective grant", fm(r.Totals.EffectiveGrant), "Grant element", pct1(r.Totals.GrantElement))
	price := "n/a"
	if r.HasPrice {
		price = "£" + r.PriceOfDeficit.StringFixed(4)
	}
	pair("Net transfer to deficit", fm(r.NetTransferToDeficit), "Price of a deficit per £1", price)
	add("")

	// Bars per head against the fair share.
	fair, hasFair := fairSharePerHead(r)
	add(st.heading.Render("Per head: cash and effective grant by group, against the fair share"))
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
	if hasFair {
		rows = append(rows, row{"Fair share, everyone", fair, st.barFair.Render})
	}
	maxV := decimal.Zero
	for _, rw := range rows {
		if rw.v.GreaterThan(maxV) {
			maxV = rw.v
		}
	}
	barW := min(60, max(10, w-23-11))
	for _, rw := range rows {
		b := bar(rw.v, maxV, barW)
		add(padRight(rw.label, 23) + rw.style(b) + " " + fp(rw.v))
	}
	add("")

	// Sensitivity grid.
	add(sensitivityLines(m, w)...)

	// Outturn against plan, where it is known.
	if len(r.Outturn) > 0 {
		add("", st.heading.Render("Outturn against plan")+" (systems with a known outturn)")
		for _, o := range r.Outturn {
			add(trunc(fmt.Sprintf("%-9s %d system(s): plan %s, outturn %s", string(o.Group), o.Systems, fmb(o.Plan), fmb(o.Outturn)), w))
		}
	}

	// The scenario's note (its title is in the header) and the caveats.
	if n := strings.TrimSpace(r.Scenario.Note); n != "" {
		add("")
		add(wrap(st.heading.Render("Note: ")+safe(n), w)...)
	}
	add("")
	add(wrap(st.heading.Render("Caveats: ")+fmt.Sprintf("data for %s, %d systems from %s; %d with illustrative figures.",
		safe(r.Dataset.Year), r.Dataset.Systems, safe(r.Dataset.Path), r.Dataset.Illustrative), w)...)
	for _, c := range r.Caveats {
		for i, l := range wrap(safe(c), w-2) {
			if i == 0 {
				add("• " + l)
			} else {
				add("  " + l)
			}
		}
	}
	return out
}

// fairSharePerHead is the cash per head every system would have had as a
// fair share (computed by the analysis); false when there is nobody.
func fairSharePerHead(r *analysis.Result) (decimal.Decimal, bool) {
	if r.Deficit.Population+r.Balanced.Population <= 0 {
		return decimal.Zero, false
	}
	return r.FairSharePerHead, true
}

// sensitivityLines draws the grid: write-off down, discount rate across,
// each cell the grant element and the verdict in words.
func sensitivityLines(m *model, w int) []string {
	r := &m.res
	st := m.st
	if len(r.Sensitivity) == 0 {
		return []string{st.heading.Render("Sensitivity: ") + "not computed"}
	}
	g := r.Grid()
	wos, drs := g.WriteOffs, g.Rates
	out := []string{st.heading.Render("Sensitivity") + " — grant element and verdict, by write-off (down) and discount rate (across)"}
	first := 11
	cellW := min(26, max(12, (w-first)/max(1, len(drs))))
	hdr := padRight("write-off", first)
	for _, d := range drs {
		hdr += padRight("disc. "+pct(d), cellW)
	}
	out = append(out, st.header.Render(trunc(hdr, w)))
	for _, wo := range wos {
		line := padRight(pct(wo), first)
		for _, d := range drs {
			c, ok := g.Cell(wo, d)
			if !ok {
				line += padRight("—", cellW)
				continue
			}
			words := c.Verdict.Short()
			text := pct1(c.GrantElement) + " " + st.verdictText(c.Verdict).Render(words)
			line += padRight(text, cellW)
		}
		out = append(out, line)
	}
	return out
}
