package tui

import (
	"context"

	"icsplan/internal/analysis"

	tea "github.com/charmbracelet/bubbletea"
)

// job numbers the analyses of one thing (the working scenario, or Compare's
// year) and cancels each one when a newer one starts: typing in a field
// never queues stale work, and a result that was superseded never shows.
type job struct {
	seq     int // last analysis started
	applied int // last analysis applied
	minSeq  int // first analysis of the scenario as loaded or reset; older ones are stale
	cancel  context.CancelFunc
}

// start cancels the running analysis, if any, and returns the number and
// context of a new one.
func (j *job) start() (int, context.Context) {
	j.cancelAll()
	ctx, cancel := context.WithCancel(context.Background())
	j.seq++
	j.cancel = cancel
	return j.seq, ctx
}

// cancelAll cancels the running analysis, if any.
func (j *job) cancelAll() {
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
}

// stale makes every analysis started so far stale.
func (j *job) stale() { j.minSeq = j.seq + 1 }

// take reports whether the result of analysis seq, whose context is ctx,
// is to be shown: it is newer than the one shown, not stale and not
// cancelled. It then counts as applied.
func (j *job) take(seq int, ctx context.Context) bool {
	if seq <= j.applied || seq < j.minSeq || ctx.Err() != nil {
		return false
	}
	j.applied = seq
	return true
}

// busy reports whether a newer analysis than the one shown is running.
func (j *job) busy() bool { return j.applied < j.seq }

// resultMsg carries a finished analysis of the working scenario of year yi,
// scenario si (or regime ri, when ri >= 0).
type resultMsg struct {
	seq        int
	ctx        context.Context
	yi, si, ri int
	res        analysis.Result
	err        error
	partial    bool // res is the headline alone (program.headline's)
}

// analyseWork starts analysing the working scenario off the Update loop,
// cancelling the analysis it supersedes: its headline first when the
// program has a headline analyser (applyResult then starts the rest).
func (m *model) analyseWork() tea.Cmd {
	if m.prog.headline != nil {
		return m.startAnalysis(m.prog.headline, true)
	}
	return m.startAnalysis(m.prog.analyse, false)
}

// startAnalysis runs an on the working scenario in a new job, cancelling
// the one running; partial marks its result as a headline.
func (m *model) startAnalysis(an analyser, partial bool) tea.Cmd {
	m.incJob.cancelAll() // the shown result's incentives give way to the new analysis
	seq, ctx := m.job.start()
	yi, si, ri := m.yi, m.si, m.ri
	ds, sc := m.year().Dataset, m.work
	return func() tea.Msg {
		res, err := an(ctx, ds, sc)
		return resultMsg{seq: seq, ctx: ctx, yi: yi, si: si, ri: ri, res: res, err: err, partial: partial}
	}
}

// applyResult takes a finished analysis if it is the newest for the current
// year and scenario, and tells the screens.
func (m *model) applyResult(msg resultMsg) tea.Cmd {
	if msg.ctx == nil {
		msg.ctx = context.Background()
	}
	if msg.yi != m.yi || msg.si != m.si || msg.ri != m.ri || !m.job.take(msg.seq, msg.ctx) {
		return nil
	}
	if msg.err != nil {
		m.calcErr = msg.err
		if m.partial { // the rest of a headline shown failed: keep it, marked as failed
			m.partial = false
			return m.broadcast(changedMsg{result: true})
		}
		return m.stageIncentives() // the result still shown may yet lack them
	}
	m.calcErr = nil
	m.res = msg.res
	m.hasRes = true
	m.resN++
	m.partial = msg.partial
	if msg.partial { // the headline is shown; the rest follows in the same job
		rest := m.startAnalysis(m.prog.analyse, false)
		return tea.Batch(m.broadcast(changedMsg{result: true}), rest)
	}
	stage := m.stageIncentives()
	return tea.Batch(m.broadcast(changedMsg{result: true}), stage)
}
