package chart

import (
	"image/color"
	"math"
	"strings"

	"github.com/shopspring/decimal"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Drawing: Data becomes a gonum plot. Floats appear here and only here, to
// place bars and pick colours; every figure printed is a Text of the Data.

// The colours, from the NHS identity palette.
var (
	nhsBlue     = rgb(0x005eb8)
	nhsLight    = rgb(0x41b6e6)
	nhsDark     = rgb(0x231f20)
	nhsGrey     = rgb(0x768692)
	nhsPale     = rgb(0xaeb7bd)
	nhsPaleBlue = rgb(0xe8edee)
	nhsGreen    = rgb(0x009639)
	seriesColor = []color.Color{nhsBlue, nhsLight, nhsGrey}
)

func rgb(x uint32) color.RGBA { return color.RGBA{uint8(x >> 16), uint8(x >> 8), uint8(x), 0xff} }

// f turns an exact figure into a float for placing it on the canvas.
func f(d decimal.Decimal) float64 { return d.InexactFloat64() }

// fonts are the sizes a chart's text is drawn at, in points.
type fonts struct{ title, label, small vg.Length }

func fontsFor(s Size) fonts {
	h := vg.Length(s.Height) * 0.75 // points
	clamp := func(v, lo, hi vg.Length) vg.Length { return max(lo, min(hi, v)) }
	return fonts{title: clamp(h/28, 9, 22), label: clamp(h/42, 7, 14), small: clamp(h/50, 6, 12)}
}

// sans is Liberation Sans (metrically Arial's twin; the HTML paper asks
// browsers for Arial first).
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

func bold(size vg.Length) font.Font {
	ft := sans(size)
	ft.Weight = xfont.WeightBold
	return ft
}

// newPlot makes a plot with the chart's title and fonts.
func newPlot(d Data, fs fonts) *plot.Plot {
	p := plot.New()
	p.Title.Text = d.Title
	p.Title.TextStyle.Font = bold(fs.title)
	p.Title.Padding = fs.label
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(fs.label)
		a.Tick.Label.Font = sans(fs.label)
		a.Tick.Label.Color = nhsDark
		a.Label.TextStyle.Color = nhsDark
	}
	p.Legend.TextStyle.Font = sans(fs.label)
	p.Legend.Top = true
	return p
}

// labelStyle is the style of a figure printed on the chart.
func labelStyle(size vg.Length, x draw.XAlignment, y draw.YAlignment) draw.TextStyle {
	st := draw.TextStyle{Color: nhsDark, Font: sans(size), XAlign: x, YAlign: y, Handler: plot.DefaultTextHandler}
	return st
}

// addLabels puts texts at points, all in one style, shifted by off.
func addLabels(p *plot.Plot, xys plotter.XYs, texts []string, st draw.TextStyle, off vg.Point) {
	if len(xys) == 0 {
		return
	}
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = st
	}
	l.Offset = off
	p.Add(l)
}

// moneyTicks labels a value axis with money-formatted marks: £10 or £2.50
// per head, 20,000 or (20,000) for £000.
type moneyTicks struct{ perHead bool }

func (m moneyTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label == "" {
			continue
		}
		v := decimal.NewFromFloat(ts[i].Value).Round(6) // the mark's position, a round number
		switch {
		case m.perHead && v.IsInteger():
			ts[i].Label = moneyFormat(v, true, false)
		case m.perHead:
			ts[i].Label = moneyFormat(v, true, true)
		default:
			ts[i].Label = moneyFormat(v, false, !v.IsInteger())
		}
	}
	return ts
}

// barValues are one series' bars: each value's height (0 where it is
// missing), the points of the figures to print above the bars that stand up
// and below those that hang down, and the lowest and highest heights
// (0 at least at either end).
type barValues struct {
	vals       plotter.Values
	pos, neg   plotter.XYs
	posT, negT []string
	lo, hi     float64
}

// splitValues lays out series sr over n categories as bars.
func splitValues(sr Series, n int) barValues {
	bv := barValues{vals: make(plotter.Values, n)}
	for i, v := range sr.Values {
		if v.Missing {
			continue
		}
		bv.vals[i] = f(v.Exact)
		bv.lo, bv.hi = math.Min(bv.lo, bv.vals[i]), math.Max(bv.hi, bv.vals[i])
		at := plotter.XY{X: float64(i), Y: bv.vals[i]}
		if v.Exact.IsNegative() { // the figure goes below the bar's end
			bv.neg, bv.negT = append(bv.neg, at), append(bv.negT, v.Text)
		} else {
			bv.pos, bv.posT = append(bv.pos, at), append(bv.posT, v.Text)
		}
	}
	return bv
}

// drawBars draws grouped vertical bars with reference lines.
func drawBars(p *plot.Plot, d Data, s Size, fs fonts) {
	n, m := len(d.Categories), max(1, len(d.Series))
	w, _ := s.points()
	barW := w * 0.6 / vg.Length(n*m)
	top, bottom := 0.0, 0.0
	for j, sr := range d.Series {
		bv := splitValues(sr, n)
		top, bottom = math.Max(top, bv.hi), math.Min(bottom, bv.lo)
		bc, err := plotter.NewBarChart(bv.vals, barW)
		if err != nil {
			continue
		}
		bc.Offset = (vg.Length(j) - vg.Length(m-1)/2) * barW
		bc.Color = seriesColor[j%len(seriesColor)]
		bc.LineStyle.Width = 0
		p.Add(bc)
		p.Legend.Add(sr.Name, bc)
		addLabels(p, bv.pos, bv.posT, labelStyle(fs.label, draw.XCenter, draw.YBottom), vg.Point{X: bc.Offset, Y: fs.label / 3})
		addLabels(p, bv.neg, bv.negT, labelStyle(fs.label, draw.XCenter, draw.YTop), vg.Point{X: bc.Offset, Y: -fs.label / 3})
	}
	for k, r := range d.Refs {
		y := f(r.Exact)
		top = math.Max(top, y)
		l, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: y}, {X: float64(n) - 0.5, Y: y}})
		if err != nil {
			continue
		}
		l.LineStyle.Width = vg.Points(1.5)
		l.LineStyle.Color = []color.Color{nhsDark, nhsGrey}[k%2]
		l.LineStyle.Dashes = [][]vg.Length{{vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}}[k%2]
		p.Add(l)
		p.Legend.Add(r.Label+": "+r.Text, l)
	}
	p.NominalX(d.Categories...)
	p.Y.Label.Text = d.Unit
	p.Y.Tick.Marker = moneyTicks{perHead: true}
	p.Y.Min = bottom * 1.3          // 0 unless a bar goes below it (a grant clawed back past itself): room for its figure
	p.Y.Max = math.Max(top*1.45, 1) // room for the figures and the legend
}

// drawHBars draws one horizontal bar per category, top to bottom, each
// series in its colour, each figure at its bar's end.
func drawHBars(p *plot.Plot, d Data, s Size, fs fonts) {
	n := len(d.Categories)
	_, h := s.points()
	row := h * 0.78 / vg.Length(n)
	if row < 6.5 && len(d.Short) == n { // under 6.5 pt a row: the names would not be legible
		drawColumns(p, d, s, fs)
		return
	}
	size := min(fs.label, row*0.85)
	lo, hi := 0.0, 0.0
	for j, sr := range d.Series {
		vals := make(plotter.Values, n)
		var pos, neg plotter.XYs
		var posT, negT []string
		for i, v := range sr.Values {
			if v.Missing {
				continue
			}
			y := float64(n - 1 - i)
			vals[n-1-i] = f(v.Exact)
			lo, hi = math.Min(lo, vals[n-1-i]), math.Max(hi, vals[n-1-i])
			if v.Exact.IsNegative() {
				neg, negT = append(neg, plotter.XY{X: vals[n-1-i], Y: y}), append(negT, v.Text)
			} else {
				pos, posT = append(pos, plotter.XY{X: vals[n-1-i], Y: y}), append(posT, v.Text)
			}
		}
		bc, err := plotter.NewBarChart(vals, row*0.75)
		if err != nil {
			continue
		}
		bc.Horizontal = true
		bc.Color = []color.Color{nhsBlue, nhsPale}[j%2]
		bc.LineStyle.Width = 0
		p.Add(bc)
		p.Legend.Add(sr.Name, bc)
		addLabels(p, pos, posT, labelStyle(size, draw.XLeft, draw.YCenter), vg.Point{X: size / 3})
		addLabels(p, neg, negT, labelStyle(size, draw.XRight, draw.YCenter), vg.Point{X: -size / 3})
	}
	names := make([]string, n)
	for i, c := range d.Categories {
		names[n-1-i] = c
	}
	p.NominalY(names...)
	p.Y.Tick.Label.Font = sans(size)
	p.X.Label.Text = d.Unit
	p.X.Tick.Marker = moneyTicks{}
	span := math.Max(hi-lo, 1)
	p.X.Min, p.X.Max = lo-span*0.16, hi+span*0.16
	p.Legend.Top = false // bottom right: below the positive bars, beside the negative ones
}

// drawHeat draws the grid's cells coloured by value (pale to NHS light
// blue as the value goes from 0 to 1), each with its figure and verdict;
// the scenario's own cell is outlined and starred.
func drawHeat(p *plot.Plot, d Data, fs fonts) {
	rows, cols := len(d.Rows), len(d.Categories)
	var xys, own plotter.XYs
	var texts []string
	for r, row := range d.Cells {
		y := float64(rows - 1 - r)
		for c, cell := range row {
			x := float64(c)
			sq := plotter.XYs{{X: x - 0.5, Y: y - 0.5}, {X: x + 0.5, Y: y - 0.5}, {X: x + 0.5, Y: y + 0.5}, {X: x - 0.5, Y: y + 0.5}}
			poly, err := plotter.NewPolygon(sq)
			if err != nil {
				continue
			}
			poly.Color = shade(f(cell.Exact))
			poly.LineStyle.Color = color.White
			poly.LineStyle.Width = vg.Points(1.5)
			p.Add(poly)
			if cell.Own {
				own = append(sq, sq[0])
			}
			text := cell.Text + "\n" + cell.Verdict
			if cell.Own {
				text = cell.Text + " *\n" + cell.Verdict
			}
			xys, texts = append(xys, plotter.XY{X: x, Y: y}), append(texts, text)
		}
	}
	if own != nil { // outlined last, so no neighbour paints over it
		if l, err := plotter.NewLine(own); err == nil {
			l.LineStyle.Color = nhsDark
			l.LineStyle.Width = vg.Points(3)
			p.Add(l)
		}
	}
	addLabels(p, xys, texts, labelStyle(fs.label, draw.XCenter, draw.YCenter), vg.Point{})
	names := make([]string, rows)
	for i, r := range d.Rows {
		names[rows-1-i] = r
	}
	p.NominalX(d.Categories...)
	p.NominalY(names...)
	p.X.Label.Text = d.ColTitle
	p.Y.Label.Text = d.RowTitle
	p.X.Min, p.X.Max = -0.5, float64(cols)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(rows)-0.5
	p.X.Tick.Length, p.Y.Tick.Length = 0, 0
	p.X.LineStyle.Width, p.Y.LineStyle.Width = 0, 0
}

// shade maps a fraction in [0, 1] to a colour from pale grey-blue to NHS
// light blue; black text stays readable on every shade.
func shade(v float64) color.Color {
	v = math.Max(0, math.Min(1, v))
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*v)) }
	return color.RGBA{mix(nhsPaleBlue.R, nhsLight.R), mix(nhsPaleBlue.G, nhsLight.G), mix(nhsPaleBlue.B, nhsLight.B), 0xff}
}

// drawEmpty leaves the axes out and prints the chart's notes in the middle.
func drawEmpty(p *plot.Plot, d Data, fs fonts) {
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	addLabels(p, plotter.XYs{{X: 0.5, Y: 0.5}}, []string{strings.Join(d.Notes, "\n")},
		labelStyle(fs.title, draw.XCenter, draw.YCenter), vg.Point{})
}

// drawColumns draws an HBars chart's bars standing up, biggest first from
// the left, labelled by their short labels, each figure at its bar's end
// (both turned a quarter turn to fit).
func drawColumns(p *plot.Plot, d Data, s Size, fs fonts) {
	n := len(d.Categories)
	w, _ := s.points()
	col := w * 0.85 / vg.Length(n)
	size := min(fs.label, col*0.8)
	lo, hi := 0.0, 0.0
	for j, sr := range d.Series {
		bv := splitValues(sr, n)
		lo, hi = math.Min(lo, bv.lo), math.Max(hi, bv.hi)
		bc, err := plotter.NewBarChart(bv.vals, col*0.75)
		if err != nil {
			continue
		}
		bc.Color = []color.Color{nhsBlue, nhsPale}[j%2]
		bc.LineStyle.Width = 0
		p.Add(bc)
		p.Legend.Add(sr.Name, bc)
		up := labelStyle(size, draw.XLeft, draw.YCenter)
		up.Rotation = math.Pi / 2
		down := labelStyle(size, draw.XRight, draw.YCenter)
		down.Rotation = math.Pi / 2
		addLabels(p, bv.pos, bv.posT, up, vg.Point{Y: size / 3})
		addLabels(p, bv.neg, bv.negT, down, vg.Point{Y: -size / 3})
	}
	p.NominalX(d.Short...)
	p.X.Tick.Label.Font = sans(size)
	p.X.Tick.Label.Rotation = math.Pi / 2
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.Y.Label.Text = d.Unit
	p.Y.Tick.Marker = moneyTicks{}
	span := math.Max(hi-lo, 1)
	p.Y.Min, p.Y.Max = lo-span*0.25, hi+span*0.25
}
