package tui

import (
	"math"
	"strings"
	"unicode"

	"icsplan/internal/money"
	"icsplan/internal/sanitize"

	"github.com/charmbracelet/x/ansi"
	"github.com/shopspring/decimal"
)

// Display styles for money. Figures are rounded once, by money.Format.
var (
	styleM      = money.Style{Scale: money.Millions, Places: 1}
	styleMBr    = money.Style{Scale: money.Millions, Places: 1, Brackets: true}
	stylePence  = money.Style{Scale: money.Pence}
	stylePounds = money.Style{Scale: money.Pounds}
)

// fm shows an amount in millions to one decimal: £700.0m.
func fm(d decimal.Decimal) string { return money.Format(d, styleM) }

// fmb shows a surplus/(deficit) in millions with brackets for a deficit.
func fmb(d decimal.Decimal) string { return money.Format(d, styleMBr) }

// fp shows an amount to the penny: £1,234.56.
func fp(d decimal.Decimal) string { return money.Format(d, stylePence) }

// fpound shows an amount to the pound: £1,235.
func fpound(d decimal.Decimal) string { return money.Format(d, stylePounds) }

// pct shows a fraction as an exact percentage: 0.035 is "3.5%".
func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// pct1 shows a fraction as a percentage to one decimal: "52.3%".
func pct1(d decimal.Decimal) string { return money.Percent(d, 1) }

// count shows a whole number with thousands separators: 1,234,567.
func count(n int64) string { return money.Grouped(decimal.NewFromInt(n)) }

// decCount shows a decimal such as a weighted population with thousands
// separators, keeping any decimals exactly.
func decCount(d decimal.Decimal) string { return money.Grouped(d) }

// safe returns untrusted text (names, sources, regions, titles, notes, file
// names) fit to put on a terminal: sanitize.Text, whose guarantees (no
// escape, control, bidi or zero-width characters; valid UTF-8) are fuzzed.
func safe(s string) string { return sanitize.Text(s) }

// trunc cuts s (which may hold styling) to at most w cells, with an
// ellipsis. It never cuts a figure: where the cut would fall inside a
// number or just after one (£1,234.5m, 2025/26, 3.5%), it falls before it,
// so a cut figure is never read as a whole one.
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, keepCells(ansi.Strip(s), w-1)+1, "…")
}

// keepCells is how many cells of the plain text to keep, at most limit,
// so that what is kept does not end in a character of a figure.
func keepCells(plain string, limit int) int {
	var ends []int // the width after each rune kept
	var runes []rune
	width := 0
	for _, r := range plain {
		rw := ansi.StringWidth(string(r))
		if width+rw > limit {
			break
		}
		width += rw
		ends, runes = append(ends, width), append(runes, r)
	}
	n := len(runes)
	for n > 0 && isFigure(runes[n-1]) {
		n--
	}
	if n == 0 {
		return 0
	}
	return ends[n-1]
}

// isFigure reports whether r can be part of a figure as the screens write
// them: digits, currency, separators, signs and brackets.
func isFigure(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("£$€.,/%-−+(", r)
}

// padRight truncates or pads s with spaces to exactly w cells.
func padRight(s string, w int) string {
	s = trunc(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// padLeft truncates or pads s on the left to exactly w cells.
func padLeft(s string, w int) string {
	s = trunc(s, w)
	if n := ansi.StringWidth(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// wrap word-wraps plain text to w cells and returns the lines. It breaks
// at spaces, and at a hyphen only between words: never at a minus sign
// ("-£148,600,000.00", "-5"), so that a figure is not split from its sign.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	if !strings.Contains(s, "-") || strings.ContainsRune(s, minusHold) {
		return fitWrapped(strings.Split(ansi.Wrap(s, w, ""), "\n"), w)
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == '-' && i+1 < len(rs) && (rs[i+1] == '£' || unicode.IsDigit(rs[i+1])) {
			r = minusHold
		}
		b.WriteRune(r)
	}
	return fitWrapped(strings.Split(strings.ReplaceAll(ansi.Wrap(b.String(), w, ""), string(minusHold), "-"), "\n"), w)
}

// fitWrapped drops the space ansi.Wrap can leave at the end of a line,
// one cell past the width (the space it broke at), so that the line's last
// word is not cut when it is drawn.
func fitWrapped(lines []string, w int) []string {
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = strings.TrimRight(l, " ")
		}
	}
	return lines
}

// minusHold stands in for a minus sign while text is wrapped: a private
// use character, one cell wide, and not a place a line may break (text
// that holds one is wrapped as it is).
const minusHold = '\uE000'

// bar draws a horizontal bar of value against max in at most width cells.
// The float is used only here, at the last step, to turn a ratio into cells.
func bar(value, max decimal.Decimal, width int) string {
	if width <= 0 || max.Sign() <= 0 || value.Sign() <= 0 {
		return ""
	}
	barFraction := min(value.InexactFloat64()/max.InexactFloat64(), 1)
	barCells := barFraction * float64(width)
	full := int(barCells)
	s := strings.Repeat("█", full)
	// Eighth blocks for the remainder, so small differences still show.
	if eighths := int(math.Round((barCells - float64(full)) * 8)); eighths > 0 && full < width {
		s += string([]rune("▏▎▍▌▋▊▉█")[eighths-1])
	}
	if s == "" {
		s = "▏"
	}
	return s
}

// fitLines pads or cuts lines to exactly h lines of at most w cells.
func fitLines(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = trunc(lines[i], w)
		}
	}
	return strings.Join(out, "\n")
}
