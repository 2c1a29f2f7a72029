package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"

	"github.com/shopspring/decimal"
)

// leverTitle names a lever for a heading.
func leverTitle(l analysis.Lever, pdc bool) string {
	switch l.Name {
	case analysis.LeverWriteOff:
		return "Write-off probability"
	case analysis.LeverInterest:
		if pdc {
			return "Dividend rate"
		}
		return "Interest rate"
	}
	return "Clawback the following year"
}

// leverReading is what the search found, in words: the threshold and what
// it is, or why there is none (not reached, not monotone, no effect).
func leverReading(l analysis.Lever) string {
	if l.Status == analysis.LeverFound && l.Value != nil {
		return analysis.LeverPercent(*l.Value) + ": " + safe(l.Note)
	}
	return safe(l.Note)
}

// terms is each lever's search: a row (enter lists its points) with the
// reading in words, and a chart of grant per head against the lever.
func (s *incentivesScreen) terms(b *navBuilder, r *analysis.Result, inc *analysis.Incentives, w int) {
	st := &s.st
	e := &inc.Ending
	b.add("")
	b.para(st.heading.Render("Each term, searched by exact reruns"), w)
	if !e.Rewarding {
		b.para(safe(e.Note)+" The terms are searched only when the money rewards deficit plans.", w)
		return
	}
	for _, l := range e.Levers() {
		b.add("")
		title := fmt.Sprintf("%s, %s to %s", leverTitle(l, e.PDC), analysis.LeverPercent(l.From), analysis.LeverPercent(l.To))
		if len(l.Scan) > 0 {
			b.row(trunc(title+" · enter: every point", w-1), &leverPage{name: l.Name})
		} else {
			b.add(" " + trunc(title, w-1))
		}
		for _, line := range wrap(leverReading(l)+".", w-2) {
			b.add("  " + line)
		}
		b.add(leverChart(st, l, w)...)
	}
}

// sparks are the eight heights of a sparkline.
var sparks = []rune("▁▂▃▄▅▆▇█")

// leverChart draws a lever's scan: each group's grant per head as a
// sparkline on one scale, the verdict at each point (+ rewards deficit
// plans), and the threshold marked beneath. The scan's points are sampled
// to the width; floats only place the cells.
func leverChart(st *styles, l analysis.Lever, w int) []string {
	n := len(l.Scan)
	if n == 0 {
		return nil
	}
	const label = 12
	cw := max(8, min(n, w-label-24))
	lo, hi := l.Scan[0].DeficitPerHead, l.Scan[0].DeficitPerHead
	for _, p := range l.Scan {
		for _, v := range []decimal.Decimal{p.DeficitPerHead, p.BalancedPerHead} {
			lo, hi = decimal.Min(lo, v), decimal.Max(hi, v)
		}
	}
	at := func(c int) analysis.LeverPoint { return l.Scan[(c*(n-1)+(cw-1)/2)/max(1, cw-1)] }
	line := func(name string, v func(analysis.LeverPoint) decimal.Decimal) string {
		var b strings.Builder
		for c := range cw {
			b.WriteRune(spark(v(at(c)), lo, hi))
		}
		first, last := v(l.Scan[0]), v(l.Scan[n-1])
		return "  " + padRight(name, label-2) + b.String() + " " + fp(first) + " → " + fp(last)
	}
	var verdict strings.Builder
	for c := range cw {
		if at(c).Rewards() {
			verdict.WriteRune('+')
		} else {
			verdict.WriteRune('·')
		}
	}
	axis := "  " + padRight("per head", label-2) + padRight(analysis.LeverPercent(l.From), cw-6) + padLeft(analysis.LeverPercent(l.To), 6)
	out := []string{
		st.dim.Render(trunc(axis, w)),
		trunc(line("deficit", func(p analysis.LeverPoint) decimal.Decimal { return p.DeficitPerHead }), w),
		trunc(line("balanced", func(p analysis.LeverPoint) decimal.Decimal { return p.BalancedPerHead }), w),
		trunc("  "+padRight("verdict", label-2)+verdict.String()+" + rewards, · not", w),
	}
	if l.Status == analysis.LeverFound && l.Value != nil && l.To.GreaterThan(l.From) {
		col := int(scaleTo(*l.Value, l.From, l.To, cw-1))
		out = append(out, trunc(strings.Repeat(" ", label+col)+"▲ "+analysis.LeverPercent(*l.Value), w))
	}
	scale := fmt.Sprintf("  scale ▁ %s to █ %s a head · %d points", fp(lo), fp(hi), n)
	if len(l.Bisect) > 0 {
		scale += fmt.Sprintf(", then %d bisection steps", len(l.Bisect))
	}
	return append(out, st.dim.Render(trunc(scale, w)))
}

// spark is v's height between lo and hi.
func spark(v, lo, hi decimal.Decimal) rune {
	if !hi.GreaterThan(lo) {
		return sparks[0]
	}
	k := int(scaleTo(v, lo, hi, len(sparks)-1))
	return sparks[max(0, min(len(sparks)-1, k))]
}

// scaleTo places v between lo and hi (lo < hi) on a scale of 0 to n,
// exactly, rounded half away from zero: (v − lo) × n ÷ (hi − lo).
func scaleTo(v, lo, hi decimal.Decimal, n int) int64 {
	return v.Sub(lo).Mul(decimal.NewFromInt(int64(n))).DivRound(hi.Sub(lo), 0).IntPart()
}
