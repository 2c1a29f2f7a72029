package engine

import (
	"fmt"

	"icsplan/internal/analysis"
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
	due  map[int]decimal.Decimal
}

// ledger is one system across the panel, by first appearance.
type ledger struct {
	code, name string
	years      map[int]*analysis.SystemResult // the system's result in each year it is present
	loans      []loan
	first      int               // the panel's first year
	owed       []decimal.Decimal // owed[k] is the principal outstanding at the end of year first+k
}

// owedAt is the principal outstanding at the end of year y: that of every
// loan received by then that falls due after it.
func (l *ledger) owedAt(y int) decimal.Decimal {
	if k := y - l.first; k >= 0 && k < len(l.owed) {
		return l.owed[k]
	}
	return zero // before the first loan, or after the last instalment
}

// settle works out owed for the year ends first to last: an instalment p
// due in year d of a loan received in year r is outstanding at the end of
// every year from r to d − 1, so it is added at r and taken away at d, and
// the balances are the running sums.
func (l *ledger) settle(first, last int) {
	l.first = first
	diff := make([]decimal.Decimal, last-first+2)
	for _, ln := range l.loans {
		for d, p := range ln.due {
			from, to := max(ln.year, first)-first, min(d, last+1)-first
			if from < to {
				diff[from] = diff[from].Add(p)
				diff[to] = diff[to].Sub(p)
			}
		}
	}
	l.owed = make([]decimal.Decimal, last-first+1)
	sum := zero
	for k := range l.owed {
		sum = sum.Add(diff[k])
		l.owed[k] = sum
	}
}

// repaidIn is the principal due in year y from every loan.
func (l *ledger) repaidIn(y int) decimal.Decimal {
	sum := zero
	for _, ln := range l.loans {
		sum = sum.Add(ln.due[y])
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
				l = &ledger{code: sr.Code, years: map[int]*analysis.SystemResult{}}
				by[k] = l
				out = append(out, l)
			}
			l.name = sr.Name
			l.years[first[t]] = sr
			ln := loan{year: first[t], due: map[int]decimal.Decimal{}}
			for _, x := range sr.Repayments {
				y, err := starts.of(x.Year)
				if err != nil || x.Principal.IsZero() {
					continue
				}
				ln.due[y] = ln.due[y].Add(x.Principal)
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
	for _, l := range ls {
		o := analysis.Owed{Code: l.code, Name: l.name}
		anything := false
		for y := starts[0]; y <= last; y++ {
			b := l.owedAt(y)
			anything = anything || !b.IsZero()
			o.Balances = append(o.Balances, analysis.Balance{Year: labels[y-starts[0]], Balance: b})
		}
		if anything {
			p.Owed = append(p.Owed, o)
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
	ps := analysis.PanelSystem{Code: l.code, Name: l.name, Received: zero, Repaid: zero, EffectiveGrant: zero}
	for t, in := range years {
		y := starts[t]
		sy := analysis.SystemYear{Year: in.Year.Label, Plan: zero, DeficitPerHead: zero, Received: zero,
			EffectiveGrant: zero, Repaid: l.repaidIn(y), Owed: l.owedAt(y)}
		if sr, ok := l.years[y]; ok {
			sy.Present, sy.Illustrative, sy.Group, sy.Plan = true, sr.Illustrative(), sr.Group, sr.Plan
			sy.DeficitPerHead = perHead(deficitOf(sr.Plan), sr.Population) // exact, rounded once, half away from zero
			sy.Received, sy.EffectiveGrant = receivedOf(*sr), sr.EffectiveGrant
		}
		ps.History = append(ps.History, sy)
		ps.Received = ps.Received.Add(sy.Received)
		ps.Repaid = ps.Repaid.Add(sy.Repaid)
		ps.EffectiveGrant = ps.EffectiveGrant.Add(sy.EffectiveGrant)
	}
	ps.Owed = l.owedAt(starts[len(starts)-1])
	return ps
}

// yearLabel writes 2025 as "2025/26".
func yearLabel(y int) string { return fmt.Sprintf("%04d/%02d", y, (y+1)%100) }
