package chart

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/sanitize"

	"github.com/shopspring/decimal"
)

// The builders: each makes a chart's Data from an analysis, formatting every
// figure once from the result with internal/money.

// PerHead is cash and effective grant per head of registered population for
// each group, against the fair share (the allocated total spread over
// everyone) and the effective grant per head over all systems.
func PerHead(r analysis.Result) Data {
	d := Data{
		Name:  "per-head",
		Title: "Cash and effective grant per head, by group, against the fair share",
		Unit:  "£ per head of registered population",
		Kind:  Bars,
	}
	cash := Series{Name: "Cash per head"}
	grant := Series{Name: "Effective grant per head"}
	for _, g := range []analysis.GroupResult{r.Deficit, r.Balanced} {
		name := "Deficit plans"
		if g.Group == analysis.Balanced {
			name = "Balanced plans"
		}
		d.Categories = append(d.Categories, name+" ("+systems(g.Systems)+")")
		if g.Systems == 0 {
			cash.Values = append(cash.Values, Value{Text: "–", Missing: true})
			grant.Values = append(grant.Values, Value{Text: "–", Missing: true})
			continue
		}
		cash.Values = append(cash.Values, Value{Exact: g.PerHead, Text: pence(g.PerHead)})
		grant.Values = append(grant.Values, Value{Exact: g.GrantPerHead, Text: pence(g.GrantPerHead)})
	}
	d.Series = []Series{cash, grant}
	d.Refs = []Ref{
		{Label: "Fair share (cash per head, all systems)", Exact: r.FairSharePerHead, Text: pence(r.FairSharePerHead)},
		{Label: "Effective grant per head, all systems", Exact: r.Totals.GrantPerHead, Text: pence(r.Totals.GrantPerHead)},
	}
	return d
}

// Sensitivity is the grant element and the verdict at each write-off
// probability and discount rate of the grid, write-off down the side.
func Sensitivity(r analysis.Result) Data {
	d := Data{
		Name:     "sensitivity",
		Title:    "Grant element and verdict, by chance of write-off and discount rate",
		Unit:     "grant element (effective grant ÷ cash)",
		Kind:     Heat,
		RowTitle: "Chance of write-off",
		ColTitle: "Discount rate",
	}
	g := r.Grid()
	if len(g.WriteOffs) == 0 {
		d.Notes = []string{"No sensitivity grid was computed."}
		return d
	}
	for _, rate := range g.Rates {
		d.Categories = append(d.Categories, pct(rate))
	}
	for i, w := range g.WriteOffs {
		d.Rows = append(d.Rows, pct(w))
		row := make([]Cell, len(g.Rates))
		for k, c := range g.Cells[i] {
			row[k] = Cell{Text: "–"}
			if c.Verdict != "" {
				row[k] = Cell{Exact: c.GrantElement, Text: money.Percent(c.GrantElement, 1), Verdict: c.Verdict.Short(),
					Own: i == g.OwnWriteOff && k == g.OwnRate}
			}
		}
		d.Cells = append(d.Cells, row)
	}
	d.Notes = []string{"Outlined and marked *: the scenario's own assumptions. Darker: more of the cash is, in effect, a grant."}
	return d
}

// mostEachWay is how many systems the transfers chart shows at each end
// when there are too many for a bar each.
const mostEachWay = 30

// Transfers is each system's cash above (or, in brackets, below) its fair
// share, in £000, biggest first, coloured by group; with more than 60
// systems, the 30 biggest each way.
func Transfers(r analysis.Result) Data { return TransfersShown(r, footedTransfers(r)) }

// TransfersShown is Transfers with each system's figure, system i's
// transfer in £000 as the Systems table shows it, given by shown (which a
// report that has laid out that table already holds) rather than footed
// again.
func TransfersShown(r analysis.Result, shown func(i int) string) Data {
	d := Data{
		Name:  "transfers",
		Title: "Cash above or below each system's fair share (£000)",
		Unit:  "£000 above (below) fair share",
		Kind:  HBars,
	}
	if len(r.Systems) == 0 {
		d.Notes = []string{"No systems."}
		return d
	}
	var idx []int
	left := 0
	if n := len(r.Systems); n > 2*mostEachWay { // a bar per system stops being legible: the biggest each way
		left = n - 2*mostEachWay
		idx = extremes(n, mostEachWay, transferOrder(r.Systems))
	} else {
		idx = byTransfer(r.Systems)
	}
	def := Series{Name: "Planned a deficit"}
	bal := Series{Name: "Planned to balance"}
	marked := false
	for _, i := range idx {
		s := r.Systems[i]
		label := clean(s.Code)
		if s.Illustrative() {
			label += " " + illustrativeMark
			marked = true
		}
		d.Categories = append(d.Categories, shorten(label+" "+clean(s.Name), 40))
		d.Short = append(d.Short, shorten(label, 12))
		v := Value{Exact: s.Transfer.Shift(-3), Text: shown(i)}
		if s.Group == analysis.Deficit {
			def.Values, bal.Values = append(def.Values, v), append(bal.Values, Value{Missing: true})
		} else {
			def.Values, bal.Values = append(def.Values, Value{Missing: true}), append(bal.Values, v)
		}
	}
	d.Series = []Series{def, bal}
	d.Notes = []string{"Fair share: the money allocated, shared by weighted population. Brackets: less than the fair share."}
	if left > 0 {
		d.Notes = append(d.Notes, "The "+itoa(mostEachWay)+" biggest each way of "+itoa(len(r.Systems))+
			" systems; the "+itoa(left)+" between them are not shown.")
	}
	if marked {
		d.Notes = append(d.Notes, illustrativeMark+" Illustrative figures, not reported ones (from the source column).")
	}
	return d
}

// byTransfer orders the systems by transfer, biggest first, ties by code
// and then file order. The transfers are compared as whole pence when they
// all are (they are, as engine rounds them), else as decimals.
func byTransfer(systems []analysis.SystemResult) []int {
	idx := make([]int, len(systems))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, transferOrder(systems))
	return idx
}

// transferOrder is byTransfer's order of system indexes: the bigger
// transfer first, then the code, then file order (a strict order).
func transferOrder(systems []analysis.SystemResult) func(a, b int) int {
	pence := make([]int64, len(systems))
	whole := true
	for i, s := range systems {
		if v, ok := wholePence(s.Transfer); ok {
			pence[i] = v
			continue
		}
		p := s.Transfer.Shift(2)
		if !p.IsInteger() || p.Abs().Cmp(maxPence) > 0 {
			whole = false
			continue
		}
		pence[i] = p.IntPart()
	}
	cmpTransfer := func(a, b int) int { return systems[b].Transfer.Cmp(systems[a].Transfer) }
	if whole {
		cmpTransfer = func(a, b int) int { return cmp.Compare(pence[b], pence[a]) }
	}
	return func(a, b int) int {
		if c := cmpTransfer(a, b); c != 0 {
			return c
		}
		if c := strings.Compare(systems[a].Code, systems[b].Code); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
}

// extremes is the first k and the last k of 0 … n−1 in order (a strict
// order), in that order: byTransfer's head and tail, found in one pass that
// keeps k of each rather than by sorting all n. n is more than 2k.
func extremes(n, k int, order func(a, b int) int) []int {
	first := make([]int, 0, k+1)
	last := make([]int, 0, k+1) // the last k, latest in order first
	reverse := func(a, b int) int { return order(b, a) }
	for i := range n {
		first = keepBest(first, i, k, order)
		last = keepBest(last, i, k, reverse)
	}
	slices.Reverse(last)
	return append(first, last...)
}

// keepBest inserts i into s, which holds at most k indexes earliest in
// order first, when it is among the k earliest.
func keepBest(s []int, i, k int, order func(a, b int) int) []int {
	if len(s) == k && order(i, s[k-1]) > 0 {
		return s
	}
	at := len(s)
	for at > 0 && order(i, s[at-1]) < 0 {
		at--
	}
	s = slices.Insert(s, at, i)
	return s[:min(len(s), k)]
}

// wholePence is d in pence when its exponent is -2 or more and it has at
// most 18 digits in pence (every transfer the engine rounds), without
// making a decimal; else byTransfer's decimal test decides.
func wholePence(d decimal.Decimal) (int64, bool) { return money.CoefficientAt(d, -2) }

// maxPence bounds the pence byTransfer compares as int64s.
var maxPence = decimal.NewFromInt(1 << 62)

// illustrativeMark flags illustrative figures, as the reports do.
const illustrativeMark = "†"

// pence shows a per-head figure: £35.43, (£1.20) when negative.
func pence(d decimal.Decimal) string {
	return money.Format(d, money.Style{Scale: money.Pence, Brackets: true})
}

// The £000 figures printed on the transfers and repayments charts are the
// paper's tables' own (DESIGN.md, "Display rounding that foots"): each
// column rounded to £000 by largest remainder of its exact total
// (money.FootDecimals), a transfer shown as cash received less fair share as
// shown, a year's total as principal plus interest as shown. So a bar's
// figure is the figure in the table beside it.

var thousand = decimal.NewFromInt(1000)

// footedTransfers gives each system's transfer in £000 as the Systems
// table shows it, as text (kText): its footed cash received (its
// allocation, when the scenario has no tranches) less its footed fair
// share. The columns are footed in int64 when they fit (every plan's do),
// and only the bars shown are written.
func footedTransfers(r analysis.Result) func(i int) string {
	alloc, fair := make([]decimal.Decimal, len(r.Systems)), make([]decimal.Decimal, len(r.Systems))
	for i, s := range r.Systems {
		alloc[i], fair[i] = s.Received, s.FairShare
	}
	if ak, _, ok := money.FootDecimalsInt(alloc, thousand); ok {
		if fk, _, ok := money.FootDecimalsInt(fair, thousand); ok {
			return func(i int) string {
				var b [32]byte
				return string(money.AppendInt(b[:0], ak[i]-fk[i], kStyle))
			}
		}
	}
	ak, _ := money.FootDecimals(alloc, thousand)
	fk, _ := money.FootDecimals(fair, thousand)
	return func(i int) string { return kText(ak[i].Sub(fk[i])) }
}

// kStyle is kText's style.
var kStyle = money.Style{Scale: money.Pounds, Brackets: true, NoSymbol: true}

// kText shows a whole number of £000, negatives in brackets and no £ sign
// (the axis carries the unit): 11,293 or (11,293).
func kText(k decimal.Decimal) string { return money.Format(k, kStyle) }

// pct shows a rate as a percentage with up to two decimals: 3.5%, 50%.
func pct(d decimal.Decimal) string { return d.Shift(2).Round(2).String() + "%" }

// systems says "1 system" or "15 systems".
func systems(n int) string {
	if n == 1 {
		return "1 system"
	}
	return itoa(n) + " systems"
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// clean makes text from a data file safe to print, on one line: line breaks,
// the Unicode line and paragraph separators among them, become spaces.
func clean(s string) string {
	return sanitize.Text(strings.NewReplacer("\r\n", " ", "\n", " ", "\u2028", " ", "\u2029", " ").Replace(s))
}

// shorten cuts s to at most n characters, ending it with … when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}
