package tui

import (
	"strings"

	"icsplan/internal/plan"
)

// warnings are what the README promises to say about the plans and the
// scenario applied to them, beyond the analysis's own caveats: the plans'
// warnings (columns ignored, rows skipped) and the scenario's (a pot below
// £1,000 a system). The Overview lists them with its caveats, which
// already count the illustrative figures.
func warnings(y plan.Year, sc plan.Scenario) []string {
	var out []string
	for _, w := range y.Dataset.Warnings {
		out = append(out, safe(w))
	}
	for _, w := range sc.Warnings(y.Dataset) {
		out = append(out, safe(w))
	}
	return out
}

// statusWarnings are warnings and how many systems have illustrative
// figures: what the status line says when the plans are opened or another
// year is shown.
func statusWarnings(y plan.Year, sc plan.Scenario) []string {
	ws := warnings(y, sc)
	if w := y.Dataset.IllustrativeWarning(); w != "" {
		ws = append(ws, w)
	}
	return ws
}

// warningsLine is warnings for the status line: "⚠ " and each in turn.
func warningsLine(ws []string) string { return "⚠ " + strings.Join(ws, " · ⚠ ") }

// openingStatus is the first status line: the warnings, then how to move
// around.
func openingStatus(y plan.Year, sc plan.Scenario, screens int, regimes bool) string {
	hint := openingHint(screens, regimes)
	if ws := statusWarnings(y, sc); len(ws) > 0 {
		return warningsLine(ws) + " · " + hint
	}
	return hint
}
