package engine

import (
	"fmt"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/shopspring/decimal"
)

// Money owed across the panel: each year's primary scenario lends (or
// grants) money in its plan year and schedules the principal back; a
// system's balance at a year end is the principal of every loan received by
// then that falls due after it. Grants, PDC dividends, interest and
// consequences owe nothing.

// loan is one year's repayable money to one system: principal due by year
// (first calendar year of the financial year).
type loan struct {
	year int // plan year it was received in
	due  []due
}

// due is a loan's principal due in one year.
type due struct {
	year int
	p    decimal.Decimal
}

// add adds p to what the loan has due in year y.
func (ln *loan) add(y int, p decimal.Decimal) {
	for k := range ln.due {
		if ln.due[k].year == y {
			ln.due[k].p = ln.due[k].p.Add(p)
			return
		}
	}
	ln.due = append(ln.due, due{year: y, p: decimal.Decimal{}.Add(p)}) // as a sum begun from nothing
}

// ledger is one system across the panel, by first appearance.
type ledger struct {
	code, name string
	years      []*analysis.SystemResult // the system's result in each of the panel's years, nil where it is absent
	loans      []loan
	first      int               // the panel's first year
	owed       []decimal.Decimal // owed[k] is the principal outstanding at the end of year first+k; nil with no loans
}

// owedAt is the principal outstanding at the end of year y: that of every
// loan received by then that falls due after it.
func (l *ledger) owedAt(y int) decimal.Decimal {
	if k := y - l.first; k >= 0 && k < len(l.owed) {
		return l.owed[k]
	}
	return zero // before the first loan, after the last instalment, or never lent to
}

// settle works out owed for the year ends first to last: an instalment p
// due in year d of a loan received in year r is outstanding at the end of
// every year from r to d − 1, so it is added at r and taken away at d, and
// the balances are the running sums.
func (l *ledger) settle(first, last int) {
	l.first = first
	if len(l.loans) == 0 {
		return // owes nothing at any year end
	}
	diff := make([]decimal.Decimal, last-first+2)
	for _, ln := range l.loans {
		for _, d := range ln.due {
			from, to := max(ln.year, first)-first, min(d.year, last+1)-first
			if from < to {
				diff[from] = diff[from].Add(d.p)
				diff[to] = diff[to].Sub(d.p)
			}
		}
	}
	l.owed = make([]decimal.Decimal, last-first+1)
	sum := zero
	for k := range l.owed {
		sum = addNonZero(sum, diff[k]) // most year ends change nothing
		l.owed[k] = sum
	}
}

// repaidIn is the principal due in year y from every loan.
func (l *ledger) repaidIn(y int) decimal.Decimal {
	sum := zero
	for _, ln := range l.loans {
		for _, d := range ln.due {
			if d.year == y {
				sum = sum.Add(d.p)
			}
		}
	}
	return sum
}

// ledgers gathers each code's results and loans, in order of first
// appearance, and the last year in which any principal falls due.
func ledgers(years []PanelInput, first []int) ([]*ledger, int) {
	starts := yearStarts{first: first, of1: map[string]int{}}
	var out []*ledger
	by := map[string]*ledger{}
	last := first[len(first)-1]
	for t, in := range years {
		for i := range in.Result.Systems {
			sr := &in.Result.Systems[i]
			k := codeKey(sr.Code)
			l := by[k]
			if l == nil {
				l = &ledger{code: sr.Code, years: make([]*analysis.SystemResult, len(years))}
				by[k] = l
				out = append(out, l)
			}
			l.name = sr.Name
			l.years[t] = sr
			ln := loan{year: first[t]}
			for _, x := range sr.Repayments {
				if x.Principal.IsZero() {
					continue
				}
				y, err := starts.of(x.Year)
				if err != nil {
					continue
				}
				ln.add(y, x.Principal)
				last = max(last, y)
			}
			if len(ln.due) > 0 {
				l.loans = append(l.loans, ln)
			}
		}
	}
	for _, l := range out {
		l.settle(first[0], last)
	}
	return out, last
}

// yearStarts reads instalments' years (plan.YearStart), each label once.
type yearStarts struct {
	first []int // the panel's years
	of1   map[string]int
}

func (ys yearStarts) of(label string) (int, error) {
	if y, ok := ys.of1[label]; ok {
		return y, nil
	}
	y, err := plan.YearStart(label)
	if err == nil {
		ys.of1[label] = y
	}
	return y, err
}

// owe fills the panel's money owed and each system's history and
// cumulative figures.
func owe(p *analysis.Panel, years []PanelInput) {
	if len(years) == 0 {
		return
	}
	starts := make([]int, len(years))
	for t, in := range years {
		starts[t], _ = plan.YearStart(in.Year.Label)
	}
	ls, last := ledgers(years, starts)
	for last > starts[len(starts)-1] && !owedAnyAt(ls, last) {
		last-- // end at the last year end at which anything is still owed
	}
	for y := starts[0]; y <= last; y++ {
		p.OwedYears = append(p.OwedYears, yearLabel(y))
	}
	labels := p.OwedYears // made once, shared by every system's balances
	p.Systems = make([]analysis.PanelSystem, 0, len(ls))
	for _, l := range ls {
		if len(l.loans) > 0 { // else it owes nothing at any year end
			o := analysis.Owed{Code: l.code, Name: l.name, Balances: make([]analysis.Balance, 0, len(labels))}
			anything := false
			for y := starts[0]; y <= last; y++ {
				b := l.owedAt(y)
				anything = anything || !b.IsZero()
				o.Balances = append(o.Balances, analysis.Balance{Year: labels[y-starts[0]], Balance: b})
			}
			if anything {
				p.Owed = append(p.Owed, o)
			}
		}
		p.Systems = append(p.Systems, history(l, years, starts))
	}
}

// owedAnyAt reports whether any system owes anything at the end of year y.
func owedAnyAt(ls []*ledger, y int) bool {
	for _, l := range ls {
		if l.owedAt(y).IsPositive() {
			return true
		}
	}
	return false
}

// history is one system's years and its cumulative figures as at the end
// of the panel's last year.
func history(l *ledger, years []PanelInput, starts []int) analysis.PanelSystem {
	ps := analysis.PanelSystem{Code: l.code, Name: l.name, Received: zero, Repaid: zero, EffectiveGrant: zero,
		History: make([]analysis.SystemYear, 0, len(years))}
	for t, in := range years {
		y := starts[t]
		sy := analysis.SystemYear{Year: in.Year.Label, Plan: zero, DeficitPerHead: zero, Received: zero,
			EffectiveGrant: zero, Repaid: l.repaidIn(y), Owed: l.owedAt(y)}
		if sr := l.years[t]; sr != nil {
			sy.Present, sy.Illustrative, sy.Group, sy.Plan = true, sr.Illustrative(), sr.Group, sr.Plan
			sy.DeficitPerHead = deficitPerHeadRounded(sr.Plan, sr.Population)
			sy.Received, sy.EffectiveGrant = receivedOf(*sr), sr.EffectiveGrant
		}
		ps.History = append(ps.History, sy)
		ps.Received = addNonZero(ps.Received, sy.Received)
		ps.Repaid = addNonZero(ps.Repaid, sy.Repaid)
		ps.EffectiveGrant = addNonZero(ps.EffectiveGrant, sy.EffectiveGrant)
	}
	ps.Owed = l.owedAt(starts[len(starts)-1])
	return ps
}

// addNonZero is sum + d, leaving sum as it is when d is 0 (most of a
// system's years add nothing, and each sum is a new number).
func addNonZero(sum, d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return sum
	}
	return sum.Add(d)
}

// deficitPerHeadRounded is perHead(deficitOf(plan), pop): the planned
// deficit per head, exact, rounded once half away from zero to pence; in
// integer pence when the deficit has a whole number of them that fits,
// (2·pence + pop) ÷ (2·pop) rounded down being pence ÷ pop rounded half up.
func deficitPerHeadRounded(plan decimal.Decimal, pop int64) decimal.Decimal {
	d := deficitOf(plan)
	if pence, ok := money.CoefficientAt(d, -2); ok && pop > 0 && pence < 1<<61 && pop < 1<<61 {
		return decimal.New((2*pence+pop)/(2*pop), -2)
	}
	return perHead(d, pop)
}

// yearLabel writes 2025 as "2025/26".
func yearLabel(y int) string { return fmt.Sprintf("%04d/%02d", y, (y+1)%100) }
