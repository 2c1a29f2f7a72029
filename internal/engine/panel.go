package engine

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// PanelInput is one year of a panel: the year as loaded and the analysis
// of its primary scenario (plan.Year.Primary).
type PanelInput struct {
	Year   plan.Year
	Result analysis.Result
}

// Panel analyses each year's primary scenario and reads the library as a
// panel across years (see analysis.Panel). A library of one year gives a
// panel with no pairs.
func Panel(lib plan.Library) (analysis.Panel, error) { return PanelContext(context.Background(), lib) }

// PanelContext is Panel that stops early, with ctx.Err(), when ctx is done.
func PanelContext(ctx context.Context, lib plan.Library) (analysis.Panel, error) {
	return PanelReusing(ctx, lib, -1, analysis.Result{})
}

// PanelReusing is PanelContext for a caller that holds year's analysis
// already: res must be Analyse of lib.Years[year]'s primary scenario, as
// loaded, on its systems; the panel reads only figures that analysis shares
// with the panel's own, so that year is not analysed again. A year of -1
// reuses nothing.
func PanelReusing(ctx context.Context, lib plan.Library, year int, res analysis.Result) (analysis.Panel, error) {
	in := make([]PanelInput, len(lib.Years))
	for i, y := range lib.Years {
		if i == year {
			in[i] = PanelInput{Year: y, Result: res}
			continue
		}
		sc := y.Scenarios[y.Primary()]
		res, err := panelAnalyse(ctx, y.Dataset, sc)
		if err != nil {
			return analysis.Panel{}, fmt.Errorf("%s, scenario %s: %w", y.Label, sc.Name, err)
		}
		in[i] = PanelInput{Year: y, Result: res}
	}
	return PanelOf(in), nil
}

// PanelOf reads years already analysed (oldest first, each with its primary
// scenario's result) as a panel. It is pure and exact: see analysis.Panel
// for what each figure is.
func PanelOf(years []PanelInput) analysis.Panel {
	var p analysis.Panel
	for _, in := range years {
		r := in.Result
		p.Years = append(p.Years, analysis.PanelYear{Year: in.Year.Label, Scenario: r.Scenario.Name, Title: r.Scenario.Title,
			Systems: len(r.Systems), Illustrative: r.Dataset.Illustrative, Threshold: r.Scenario.Assumptions.BalancedThreshold,
			RepayableLoan: r.Scenario.Repayment != nil && !r.Scenario.Repayment.IsPDC(), Verdict: r.Verdict.Label, Data: r.Data})
		p.National = append(p.National, national(in))
	}
	for t := 0; t+1 < len(years); t++ {
		p.Pairs = append(p.Pairs, pairOf(years[t], years[t+1]))
	}
	owe(&p, years)
	p.Text = analysis.PanelText(p)
	return p
}

// codeKey links systems across years: codes match whatever their case or
// surrounding spaces, as a systems file's duplicate check reads them.
func codeKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// receivedOf is the cash a system received from its year's scenario: the
// tranches it was paid and its share of others' forfeits.
func receivedOf(sr analysis.SystemResult) decimal.Decimal { return sr.Received }

func ref(sr analysis.SystemResult) analysis.SystemRef {
	return analysis.SystemRef{Code: sr.Code, Name: sr.Name}
}

// pairOf compares year a with the year b after it.
func pairOf(a, b PanelInput) analysis.Pair {
	pr := analysis.Pair{From: a.Year.Label, To: b.Year.Label}
	ia := indexCodes(a.Result.Systems)
	ib := indexCodes(b.Result.Systems)
	for _, sb := range b.Result.Systems {
		i, ok := ia[codeKey(sb.Code)]
		if !ok {
			pr.Joined = append(pr.Joined, ref(sb))
			continue
		}
		l := transition(&pr.Transitions, a.Result.Systems[i].Group, sb.Group)
		*l = append(*l, ref(sb))
	}
	recSum, othSum := newPerHeadSum(), newPerHeadSum()
	c := &pr.ChangePerHead
	for _, sa := range a.Result.Systems {
		j, ok := ib[codeKey(sa.Code)]
		if !ok {
			pr.Left = append(pr.Left, ref(sa))
			continue
		}
		sb := b.Result.Systems[j]
		if !receivedOf(sa).IsPositive() {
			othSum.change(sa, sb)
			c.NOthers++
			continue
		}
		recSum.change(sa, sb)
		c.NRecipients++
		pr.Recipients = append(pr.Recipients, ref(sa))
		if sa.Group == analysis.Deficit {
			pr.RecipientsDeficitBefore++
		}
		reported := !sa.Illustrative() && !sb.Illustrative()
		if reported {
			pr.ReportedRecipients = append(pr.ReportedRecipients, ref(sa))
		}
		if sb.Group == analysis.Deficit {
			pr.RecipientsDeficitNext = append(pr.RecipientsDeficitNext, ref(sa))
			if reported {
				pr.ReportedRecipientsDeficitNext = append(pr.ReportedRecipientsDeficitNext, ref(sa))
			}
		}
	}
	c.Recipients = recSum.mean(c.NRecipients, 2)
	c.Others = othSum.mean(c.NOthers, 2)
	if c.NRecipients > 0 && c.NOthers > 0 {
		c.Difference = meanDifference(recSum, c.NRecipients, othSum, c.NOthers, 2)
	}
	pr.BailoutSlope = bailoutSlope(a.Result.Systems)
	return pr
}

// perHeadSum is an exact running sum of per-head figures, num ÷ den (den >
// 0, the product of the populations and powers of ten, not reduced: see
// rat.go), kept in numbers it owns and writes over, with two spares to
// swap in, so that a sum of many figures makes few allocations.
type perHeadSum struct{ num, den, nt, dt, q, x *big.Int }

func newPerHeadSum() *perHeadSum {
	return &perHeadSum{num: new(big.Int), den: big.NewInt(1), nt: new(big.Int), dt: new(big.Int), q: new(big.Int), x: new(big.Int)}
}

// change adds a system's change in planned deficit per head from year a
// (sa) to year b (sb): max(0, −plan_b) ÷ pop_b − max(0, −plan_a) ÷ pop_a.
func (s *perHeadSum) change(sa, sb analysis.SystemResult) {
	if sb.Plan.IsNegative() {
		s.add(sb.Plan, sb.Population, true) // + (−plan) ÷ pop
	}
	if sa.Plan.IsNegative() {
		s.add(sa.Plan, sa.Population, false) // − (−plan) ÷ pop
	}
}

// add adds d ÷ pop, or −d ÷ pop when neg; nothing when pop ≤ 0 (as
// fracPerHead has it) or d is 0. With d = c·10^e it adds c ÷ (pop·10^−e),
// or c·10^e ÷ pop for e ≥ 0: num/den + x/q = (num·q + x·den) ÷ (den·q).
func (s *perHeadSum) add(d decimal.Decimal, pop int64, neg bool) {
	if pop <= 0 || d.IsZero() {
		return
	}
	e := d.Exponent()
	if d.NumDigits() <= 18 {
		s.nt.SetInt64(d.CoefficientInt64())
	} else {
		s.nt.Set(d.Coefficient())
	}
	s.dt.SetInt64(pop)
	if e < 0 {
		s.x.Set(s.nt)
		s.q.Mul(s.dt, pow10(-e))
	} else {
		s.x.Mul(s.nt, pow10(e))
		s.q.Set(s.dt)
	}
	if neg {
		s.x.Neg(s.x)
	}
	s.nt.Mul(s.num, s.q)
	s.dt.Mul(s.x, s.den)
	s.nt.Add(s.nt, s.dt)
	s.num, s.nt = s.nt, s.num
	s.dt.Mul(s.den, s.q)
	s.den, s.dt = s.dt, s.den
}

// mean is the sum over n figures rounded once to places, or nil for none.
func (s *perHeadSum) mean(n int, places int32) *decimal.Decimal {
	if n == 0 {
		return nil
	}
	d := roundQuo(s.num, new(big.Int).Mul(s.den, big.NewInt(int64(n))), places)
	return &d
}

// meanDifference is a's mean over na figures less b's over nb, exact and
// rounded once: (a.num·b.den·nb − b.num·a.den·na) ÷ (a.den·b.den·na·nb).
func meanDifference(a *perHeadSum, na int, b *perHeadSum, nb int, places int32) *decimal.Decimal {
	bna, bnb := big.NewInt(int64(na)), big.NewInt(int64(nb))
	x := new(big.Int).Mul(a.num, b.den)
	x.Mul(x, bnb)
	y := new(big.Int).Mul(b.num, a.den)
	y.Mul(y, bna)
	den := new(big.Int).Mul(a.den, b.den)
	den.Mul(den, bna)
	den.Mul(den, bnb)
	d := roundQuo(x.Sub(x, y), den, places)
	return &d
}

// transition is the list of t for a move from group a to group b.
func transition(t *analysis.Transitions, a, b analysis.Group) *[]analysis.SystemRef {
	switch {
	case a == analysis.Deficit && b == analysis.Deficit:
		return &t.DeficitDeficit
	case a == analysis.Deficit:
		return &t.DeficitBalanced
	case b == analysis.Deficit:
		return &t.BalancedDeficit
	}
	return &t.BalancedBalanced
}

// bailoutSlope regresses cash received per head on planned deficit per
// head over every system of a year (perHeadSlope).
func bailoutSlope(systems []analysis.SystemResult) *decimal.Decimal {
	xs := make([]decimal.Decimal, len(systems))
	ys := make([]decimal.Decimal, len(systems))
	pops := make([]int64, len(systems))
	for i, s := range systems {
		xs[i], ys[i], pops[i] = deficitOf(s.Plan), receivedOf(s), s.Population
	}
	return perHeadSlope(xs, ys, pops, 4)
}

// perHeadSlope is the exact least-squares slope of y_i ÷ p_i on x_i ÷ p_i
// (both 0 where p_i ≤ 0, as fracPerHead has them), rounded once half away
// from zero to places: slope's figure, nil with fewer than two points or
// when every x_i ÷ p_i is the same.
//
// The slope (nΣxy − ΣxΣy) ÷ (nΣx² − (Σx)²) is a ratio of two sums of
// products of two figures each, so it is unchanged when every figure is
// multiplied by the same P. With P the product of the populations, the
// figure x_i ÷ p_i times P is the integer X_i·Q_i (X_i the coefficient of
// x_i at the series' smallest exponent ex, Q_i = P ÷ p_i), and likewise for
// y; the exponents leave a factor 10^(ey − ex). So the sums are of
// integers, with no fraction to carry: a few dozen multiplications of
// numbers of some 900 bits on the shipped plans, where summing the
// fractions cost as many of numbers growing to twice that and a new
// number at each step. Each Q_i is P ÷ p_i, made in the same spare number
// each time, and each coefficient an int64 when it fits.
func perHeadSlope(xs, ys []decimal.Decimal, pops []int64, places int32) *decimal.Decimal {
	n := len(xs)
	if n < 2 {
		return nil
	}
	ex, ey := smallestExponent(xs, pops), smallestExponent(ys, pops)
	prod, pi := big.NewInt(1), new(big.Int)
	for _, p := range pops {
		prod.Mul(prod, pi.SetInt64(max(p, 1))) // a population ≤ 0 counts as 1: its figures are 0
	}
	var sx, sy, sxx, sxy, q, u, v, t big.Int
	for i := range n {
		q.Quo(prod, pi.SetInt64(max(pops[i], 1)))
		coefficientAt(&t, xs[i], ex, pops[i])
		u.Mul(&t, &q)
		coefficientAt(&t, ys[i], ey, pops[i])
		v.Mul(&t, &q)
		sx.Add(&sx, &u)
		sy.Add(&sy, &v)
		sxy.Add(&sxy, t.Mul(&u, &v))
		sxx.Add(&sxx, t.Mul(&u, &u))
	}
	bn := big.NewInt(int64(n))
	num := new(big.Int).Mul(bn, &sxy)
	num.Sub(num, t.Mul(&sx, &sy))
	den := new(big.Int).Mul(bn, &sxx)
	den.Sub(den, t.Mul(&sx, &sx)) // ≥ 0 (Cauchy–Schwarz), 0 only when every x is the same
	if den.Sign() == 0 {
		return nil
	}
	if k := ey - ex; k >= 0 {
		num.Mul(num, pow10(k))
	} else {
		den.Mul(den, pow10(-k))
	}
	r := roundQuo(num, den, places)
	return &r
}

// smallestExponent is the smallest exponent of the ds that count (not 0,
// and of a population above 0), and 0 when none is smaller.
func smallestExponent(ds []decimal.Decimal, pops []int64) int32 {
	e := int32(0)
	for i, d := range ds {
		if pops[i] > 0 && !d.IsZero() {
			e = min(e, d.Exponent())
		}
	}
	return e
}

// coefficientAt sets z to d as an integer at exponent e (at most d's), or
// to 0 where pop ≤ 0; in an int64 when it fits.
func coefficientAt(z *big.Int, d decimal.Decimal, e int32, pop int64) {
	switch c, ok := money.CoefficientAt(d, e); {
	case pop <= 0 || d.IsZero():
		z.SetInt64(0)
	case ok:
		z.SetInt64(c)
	default:
		z.Mul(d.Coefficient(), pow10(d.Exponent()-e))
	}
}

func indexCodes(systems []analysis.SystemResult) map[string]int {
	m := make(map[string]int, len(systems))
	for i, s := range systems {
		m[codeKey(s.Code)] = i
	}
	return m
}

// national is a year's national figures from the data, beside the
// published ones.
func national(in PanelInput) analysis.National {
	r := in.Result
	n := analysis.National{Year: in.Year.Label, Systems: len(r.Systems), DeficitPlans: r.Deficit.Systems,
		PlannedDeficit: r.Deficit.PlannedDeficit}
	for _, rp := range in.Year.Reported {
		f := analysis.ReportedFigure{Figure: rp.Figure, Value: rp.Value, Source: rp.Source, URL: rp.URL, Confidence: string(rp.Confidence)}
		f.Agrees = agrees(rp, n)
		n.Reported = append(n.Reported, f)
	}
	return n
}

// agrees compares a published figure with the data's, for the figures the
// panel computes and values that read as numbers.
func agrees(rp plan.Reported, n analysis.National) *bool {
	var same bool
	switch strings.ToLower(strings.TrimSpace(rp.Figure)) {
	case plan.FigureDeficitPlans:
		k, err := strconv.Atoi(strings.TrimSpace(rp.Value))
		if err != nil {
			return nil
		}
		same = k == n.DeficitPlans
	case plan.FigurePlannedDeficit:
		v, err := money.Parse(rp.Value)
		if err != nil {
			return nil
		}
		same = v.Abs().Equal(n.PlannedDeficit)
	default:
		return nil
	}
	return &same
}
