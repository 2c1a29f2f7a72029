package tui

import (
	"context"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"

	tea "github.com/charmbracelet/bubbletea"
)

// The incentive stage (issue 17: the headline first). When cmd passes
// Options.Incentives, Options.Analyse leaves Result.Incentives nil and the
// root runs the incentive analyses after each result is shown, in a job of
// their own: a newer analysis cancels them, and their result is taken only
// for the analysis it was computed from. Until it arrives, cur says they
// are being computed, and y, w and e wait for them.

// stager runs the incentive analyses on a result (engine.Incentives).
type stager func(ctx context.Context, ds plan.Dataset, sc plan.Scenario, res analysis.Result) (*analysis.Incentives, error)

// incentivesMsg carries the incentive analyses of analysis resN of year
// yi, scenario si, regime ri.
type incentivesMsg struct {
	seq        int
	ctx        context.Context
	yi, si, ri int
	resN       int
	inc        *analysis.Incentives
	err        error
}

// stageIncentives starts the incentive analyses of the result just taken,
// if they are run as a stage and the result lacks them.
func (m *model) stageIncentives() tea.Cmd {
	m.incErr = nil
	if m.prog.incentives == nil || !m.hasRes || m.partial || m.res.Incentives != nil {
		m.incJob.cancelAll()
		return nil
	}
	seq, ctx := m.incJob.start()
	yi, si, ri, resN := m.yi, m.si, m.ri, m.resN
	ds, res, run := m.year().Dataset, m.res, m.prog.incentives
	return func() tea.Msg {
		inc, err := run(ctx, ds, res.Scenario, res)
		return incentivesMsg{seq: seq, ctx: ctx, yi: yi, si: si, ri: ri, resN: resN, inc: inc, err: err}
	}
}

// applyIncentives takes the incentive analyses if they belong to the result
// shown, and tells the screens.
func (m *model) applyIncentives(msg incentivesMsg) tea.Cmd {
	if msg.yi != m.yi || msg.si != m.si || msg.ri != m.ri || msg.resN != m.resN || !m.incJob.take(msg.seq, msg.ctx) {
		return nil
	}
	if msg.err != nil {
		m.incErr = msg.err
		return m.broadcast(changedMsg{incentives: true})
	}
	m.res.Incentives = msg.inc
	return m.broadcast(changedMsg{incentives: true})
}

// incBusy reports whether the incentive analyses of the result shown are
// still being computed.
func (m *model) incBusy() bool {
	return m.prog.incentives != nil && m.hasRes && m.res.Incentives == nil && m.incErr == nil && m.incJob.busy()
}
