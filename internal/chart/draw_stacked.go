package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawStacked draws the series stacked in one bar per category, with the
// category's total above it; a Below series (money given) hangs from the
// line instead, its figures beneath.
func drawStacked(p *plot.Plot, d Data, s Size, fs fonts) {
	n := len(d.Categories)
	w, _ := s.points()
	barW := min(w*0.5/vg.Length(n), w/8)
	var stack *plotter.BarChart
	top, bottom := 0.0, 0.0
	var down plotter.XYs
	var downT []string
	for j, sr := range d.Series {
		vals := make(plotter.Values, n)
		for i, v := range sr.Values {
			if v.Missing || i >= n {
				continue
			}
			vals[i] = f(v.Exact)
			if sr.Below && !v.Exact.IsZero() {
				vals[i] = -vals[i]
				bottom = math.Min(bottom, vals[i])
				down, downT = append(down, plotter.XY{X: float64(i), Y: vals[i]}), append(downT, v.Text)
			}
		}
		bc, err := plotter.NewBarChart(vals, barW)
		if err != nil {
			continue
		}
		bc.Color = seriesColor[j%len(seriesColor)]
		bc.LineStyle.Width = 0
		switch {
		case sr.Below:
			bc.Color = nhsGreen
		case stack != nil:
			bc.StackOn(stack)
			stack = bc
		default:
			stack = bc
		}
		p.Add(bc)
		p.Legend.Add(sr.Name, bc)
	}
	var xys plotter.XYs
	var texts []string
	for i, t := range d.Totals {
		if t.Missing {
			continue
		}
		y := f(t.Exact)
		top = math.Max(top, y)
		xys, texts = append(xys, plotter.XY{X: float64(i), Y: math.Max(y, 0)}), append(texts, t.Text)
	}
	addLabels(p, xys, texts, labelStyle(fs.label, draw.XCenter, draw.YBottom), vg.Point{Y: fs.label / 3})
	addLabels(p, down, downT, labelStyle(fs.label, draw.XCenter, draw.YTop), vg.Point{Y: -fs.label / 3})
	p.NominalX(d.Categories...)
	p.Y.Label.Text = d.Unit
	p.Y.Tick.Marker = moneyTicks{}
	p.Y.Min = bottom * 1.35
	p.Y.Max = math.Max(top*1.35, 1)
	if bottom < 0 { // the line money given hangs from
		if top == 0 { // only bonuses: room above for the legend
			p.Y.Max = -bottom * 0.6
		}
		if l, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: 0}, {X: float64(n) - 0.5, Y: 0}}); err == nil {
			l.LineStyle.Width = vg.Points(1)
			l.LineStyle.Color = nhsDark
			p.Add(l)
		}
	}
}
