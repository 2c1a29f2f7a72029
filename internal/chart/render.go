package chart

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is a chart file's format.
type Format string

// The formats a chart is written in.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// FormatOf picks the format from a file name's extension (.svg or .png).
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return SVG, nil
	case ".png":
		return PNG, nil
	}
	return "", fmt.Errorf("%s: a chart is written as .svg or .png", path)
}

// Size is a chart's size in pixels (CSS pixels, 96 to the inch).
type Size struct{ Width, Height int }

// The named sizes: a 16:9 slide and an email or document.
var (
	Slide = Size{Width: 1280, Height: 720}
	Email = Size{Width: 800, Height: 450}
)

// ParseSize reads a --size value: "slide" (1280x720), "email" (800x450) or
// WIDTHxHEIGHT in pixels, each from 200 to 4000.
func ParseSize(s string) (Size, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "slide":
		return Slide, nil
	case "email":
		return Email, nil
	}
	w, h, ok := strings.Cut(strings.ToLower(s), "x")
	wi, err1 := strconv.Atoi(strings.TrimSpace(w))
	hi, err2 := strconv.Atoi(strings.TrimSpace(h))
	if !ok || err1 != nil || err2 != nil || wi < 200 || hi < 200 || wi > 4000 || hi > 4000 {
		return Size{}, fmt.Errorf("size %q: want slide (1280x720), email (800x450) or WIDTHxHEIGHT in pixels, 200 to 4000", s)
	}
	return Size{Width: wi, Height: hi}, nil
}

// String shows a size as WIDTHxHEIGHT.
func (s Size) String() string { return strconv.Itoa(s.Width) + "x" + strconv.Itoa(s.Height) }

// points is the size in points (72 to the inch), the unit gonum draws in.
func (s Size) points() (w, h vg.Length) {
	return vg.Length(s.Width) * 0.75, vg.Length(s.Height) * 0.75
}

// Render draws d at size s and writes it to w as SVG or PNG. The chart is
// drawn whole in memory first, so nothing is written on error.
func Render(w io.Writer, d Data, f Format, s Size) error {
	if s.Width <= 0 || s.Height <= 0 {
		return fmt.Errorf("chart %s: size %s is not positive", d.Name, s)
	}
	wpt, hpt := s.points()
	var canvas interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch f {
	case SVG:
		canvas = vgsvg.New(wpt, hpt)
	case PNG:
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(wpt, hpt), vgimg.UseDPI(96))}
	default:
		return fmt.Errorf("chart %s: unknown format %q (want svg or png)", d.Name, f)
	}
	if err := drawOn(draw.New(canvas), d, s); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return fmt.Errorf("chart %s: %w", d.Name, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// InlineSVG draws d as an <svg> element to put inside an HTML page: the
// SVG document without its XML declaration and comment.
func InlineSVG(d Data, s Size) (string, error) {
	var buf bytes.Buffer
	if err := Render(&buf, d, SVG, s); err != nil {
		return "", err
	}
	out := buf.String()
	if i := strings.Index(out, "<svg"); i >= 0 {
		out = out[i:]
	}
	return strings.TrimSpace(out), nil
}

// drawOn draws the plot and, beneath it, the chart's notes.
func drawOn(c draw.Canvas, d Data, s Size) (err error) {
	defer func() { // gonum panics on some impossible layouts; say so rather than crash
		if r := recover(); r != nil {
			err = fmt.Errorf("chart %s: cannot draw it at %s: %v", d.Name, s, r)
		}
	}()
	fs := fontsFor(s)
	p := newPlot(d, fs)
	notes := d.Notes
	switch {
	case d.Empty():
		drawEmpty(p, d, fs)
		notes = nil
	case d.Kind == Bars:
		drawBars(p, d, s, fs)
	case d.Kind == HBars:
		drawHBars(p, d, s, fs)
	case d.Kind == Stacked:
		drawStacked(p, d, s, fs)
	case d.Kind == Heat:
		drawHeat(p, d, fs)
	default:
		return fmt.Errorf("chart %s: unknown kind %q", d.Name, d.Kind)
	}
	line, pad := fs.small*1.4, fs.small
	p.Draw(draw.Crop(c, pad, -pad, line*vg.Length(len(notes))+pad, -pad/2))
	st := labelStyle(fs.small, draw.XLeft, draw.YBottom)
	st.Color = nhsGrey
	for i, n := range notes {
		y := c.Min.Y + fs.small/2 + line*vg.Length(len(notes)-1-i)
		c.FillText(st, vg.Point{X: c.Min.X + fs.small, Y: y}, n)
	}
	return nil
}

// moneyFormat formats an axis mark: per head in pounds (with pence when
// not whole), £000 without a sign; negatives in brackets.
func moneyFormat(v decimal.Decimal, perHead, pence bool) string {
	st := money.Style{Scale: money.Pounds, Brackets: true, NoSymbol: !perHead}
	if pence {
		st.Scale = money.Pence
	}
	return money.Format(v, st)
}

var _ plot.Ticker = moneyTicks{}
