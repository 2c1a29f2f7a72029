package tui

import (
	"fmt"
	"strings"

	"icsplan/internal/analysis"
	"icsplan/internal/money"
	"icsplan/internal/plan"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// explainModel explains one system's figures step by step, from the exact
// figures the analysis kept: its weight and share of the basis, caps and
// water-filling, the rounding units handed out, each instalment with its
// discount factor, the effective grant and the prudence penalty.
type explainModel struct {
	open   bool
	idx    int // system index (file order)
	scroll scroller
}

func newExplain() explainModel { return explainModel{} }

// show opens the explanation of system i.
func (e *explainModel) show(m *model, i int) {
	e.open, e.idx, e.scroll = true, i, scroller{}
}

// refresh closes the explanation if its system is gone from the result.
func (e *explainModel) refresh(m *model) {
	if e.open && (e.idx < 0 || e.idx >= len(m.res.Systems)) {
		e.open = false
	}
}

func (e *explainModel) update(m *model, msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Back) {
		e.open = false
		return nil
	}
	e.scroll.update(m.keys, msg, len(e.lines(m, m.width)), m.bodyHeight())
	return nil
}

func (e explainModel) view(m *model, w, h int) string {
	return e.scroll.window(e.lines(m, w), w, h)
}

func (e explainModel) lines(m *model, w int) []string {
	r := &m.res
	if e.idx < 0 || e.idx >= len(r.Systems) {
		return []string{"No system selected."}
	}
	st := m.st
	sys := r.Systems[e.idx]
	sc := r.Scenario
	sh := sys.Share
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	para := func(s string) { add(wrap(s, w)...) }
	step := func(n int, title string) {
		add("", st.heading.Render(fmt.Sprintf("%d. %s", n, title)))
	}

	head := safe(sys.Code) + " · " + safe(sys.Name)
	if sys.Region != "" {
		head += " · " + safe(sys.Region)
	}
	add(st.heading.Render(trunc(head, w-12)) + st.dim.Render("  esc: back"))
	para(fmt.Sprintf("Population %s; weighted population %s; plan %s.",
		count(sys.Population), decCount(sys.WeightedPopulation), fp(sys.Plan)))
	if sys.Source != "" {
		marker := ""
		if sys.Illustrative() {
			marker = " — illustrative figures"
		}
		para("Source: " + safe(sys.Source) + marker)
	}
	threshold := sc.Assumptions.BalancedThreshold
	if sys.Group == analysis.Deficit {
		para(fmt.Sprintf("Group: deficit plan — its plan %s is below minus the balanced threshold (%s).", fp(sys.Plan), fp(threshold.Neg())))
	} else {
		para(fmt.Sprintf("Group: balanced plan — its plan %s is not below minus the balanced threshold (%s).", fp(sys.Plan), fp(threshold.Neg())))
	}

	// 1. Eligibility.
	step(1, "Eligibility")
	basis := sys.Basis(sc.Eligibility.Basis)
	basisText := "unknown"
	if basis.Known {
		basisText = fp(basis.Value)
	}
	if sh.Eligible {
		para(fmt.Sprintf("Rule %q on the %s (%s): eligible.", sc.Eligibility.Rule, sc.Eligibility.Basis, basisText))
	} else {
		para(fmt.Sprintf("Rule %q on the %s (%s): not eligible, so it receives nothing from the pot.", sc.Eligibility.Rule, sc.Eligibility.Basis, basisText))
	}

	// 2. Weight and share of the basis.
	step(2, "Weight and share")
	switch sc.Allocation.Method {
	case plan.MethodProRata:
		para(fmt.Sprintf("Method pro_rata: the weight is the deficit on the %s, %s.", sc.Allocation.Basis, fp(sh.Weight)))
	case plan.MethodPerCapita:
		para(fmt.Sprintf("Method per_capita: the weight is the weighted population, %s.", decCount(sh.Weight)))
	default:
		para(fmt.Sprintf("Method %s: every eligible system has weight %s.", sc.Allocation.Method, decCount(sh.Weight)))
	}
	if share, ok := r.BasisShare(e.idx); ok {
		total := r.Allocation.Rounds[0].Weights
		para(fmt.Sprintf("Share of the basis: %s ÷ %s (all eligible weights) = %s.",
			decCount(sh.Weight), decCount(total), money.Percent(share, 4)))
	}

	// 3. Caps and water-filling.
	step(3, "Caps and water-filling")
	switch {
	case !sh.Eligible:
		para("Not eligible: no share, so no cap applies.")
	case sh.HasCap:
		para(fmt.Sprintf("Cap: its deficit rounded down to whole units of %s = %s.", unitText(r.Allocation.Unit), fp(sh.Cap)))
	default:
		para("No cap (cap = " + string(sc.Allocation.Cap) + ").")
	}
	if sh.Eligible {
		for k, rd := range r.Allocation.Rounds {
			mark := ""
			for _, c := range rd.Capped {
				if c == e.idx {
					mark = " ← its cap bound here"
				}
			}
			para(fmt.Sprintf("Round %d: %s shared over weights %s; %d system(s) fixed at their caps%s.",
				k+1, fp(rd.Pot), decCount(rd.Weights), len(rd.Capped), mark))
		}
	}
	if sh.Eligible && sh.HasCap {
		if sh.CapRound > 0 {
			para(fmt.Sprintf("Its cap bound in round %d, so it receives its cap.", sh.CapRound))
		} else {
			para("Its cap never bound.")
		}
	}

	// 4. Rounding units.
	step(4, "Rounding")
	if sh.Eligible {
		if sh.HasCap && sh.CapRound > 0 {
			para(fmt.Sprintf("Its share is its cap, already whole units: %s.", fp(sh.Cap)))
		} else {
			para(fmt.Sprintf("Exact share before rounding: pot left × weight ÷ weights left = £%s (to 6 decimals).", money.GroupedFixed(sh.ExactTo(6), 6)))
		}
		para(fmt.Sprintf("Whole units of %s from the floor step: %s.", unitText(r.Allocation.Unit), fp(sh.Floor)))
		if sh.Extra {
			para(fmt.Sprintf("Leftover unit: +%s, for one of the largest remainders.", unitText(r.Allocation.Unit)))
		} else {
			para("Leftover unit: none (its remainder was not among the largest).")
		}
	} else {
		para("Nothing to round: it receives nothing.")
	}
	para(fmt.Sprintf("Allocation: %s; per head %s (÷ %s people).", fp(sys.Allocation), fp(sys.PerHead), count(sys.Population)))
	para(fmt.Sprintf("Fair share (the allocated total by weighted population): %s; transfer %s.", fp(sys.FairShare), fp(sys.Transfer)))

	// 5. Repayments and their value.
	step(5, "Repayments and discounting")
	rate := sc.Assumptions.DiscountRate
	if sc.Repayment == nil || len(sys.Repayments) == 0 {
		if sc.Repayment == nil {
			para("A grant: nothing is repaid.")
		} else {
			para("Nothing is due back from this system.")
		}
	} else {
		cols := []int{8, 3, 15, 13, 15, 10, 15}
		hdr := []string{"Year", "t", "Principal", "Interest", "Total", "Factor", "PV"}
		add(st.header.Render(trunc(columns(hdr, cols), w)))
		for _, in := range r.Discounted(e.idx) {
			cells := []string{safe(in.Year), fmt.Sprint(in.T), fp(in.Principal), fp(in.Interest), fp(in.Total()),
				in.Factor.StringFixed(6), fp(in.PV)}
			add(trunc(columns(cells, cols), w))
		}
		para(fmt.Sprintf("Factor = 1 ÷ (1 + %s)^t. PV of repayments, summed exactly and rounded once: %s.", pct(rate), fp(sys.PVRepayments)))
	}

	// 6. Effective grant.
	step(6, "Effective grant")
	wo := sc.Assumptions.WriteOff
	para(fmt.Sprintf("G = A − (1 − write-off) × PV = %s − (1 − %s) × %s = %s.",
		fp(sys.Allocation), pct(wo), fp(sys.PVRepayments), fp(sys.EffectiveGrant)))
	para(fmt.Sprintf("Grant element G ÷ A = %s.", sys.GrantElement.StringFixed(4)))

	// 7. Prudence penalty.
	step(7, "Prudence penalty")
	if sys.PrudencePenalty != nil {
		para(fmt.Sprintf("Had it planned like the deficit group — a deficit of %s (the group's median deficit per head × its population, to £1000) — its effective grant would have been %s higher.",
			fp(sys.PenaltyPlan.Abs()), fp(*sys.PrudencePenalty)))
	} else {
		para("Only balanced systems have a prudence penalty.")
	}
	return out
}

// columns lays cells out in fixed widths: the first left-aligned, the rest
// right-aligned, one space apart.
func columns(cells []string, widths []int) string {
	var b strings.Builder
	for i, c := range cells {
		if i == 0 {
			b.WriteString(padRight(c, widths[i]))
			continue
		}
		b.WriteString(" " + padLeft(c, widths[i]))
	}
	return b.String()
}
