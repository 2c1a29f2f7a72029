package tui

import (
	"fmt"
	"path"
	"strings"
	"time"

	"icsplan/internal/analysis"
	"icsplan/internal/plan"
)

// editedMark ends the title of an edited scenario wherever it leaves the
// program: a saved file, an exported report, the email summary.
const editedMark = "(edited)"

// asEdited is sc, an edit of from, as a saved file or a report of it names
// it: the title ends "(edited)" and the note gains a sentence saying when
// and from what it was edited ("Edited in icsplan on 2026-12-01 from
// deficit-support-feb-2024.toml."), so that a what-if is never taken for
// the scenario as published.
func asEdited(sc, from plan.Scenario, now time.Time) plan.Scenario {
	title := strings.TrimSpace(sc.Title)
	if !strings.HasSuffix(title, editedMark) {
		title = strings.TrimSpace(title + " " + editedMark)
	}
	sc.Title = title
	src := "the scenario icsplan made for these plans"
	if from.Path != "" {
		src = path.Base(strings.ReplaceAll(from.Path, `\`, "/"))
	}
	said := fmt.Sprintf("Edited in icsplan on %s from %s.", now.Format("2006-01-02"), src)
	if note := strings.TrimSpace(sc.Note); note != "" {
		said = note + " " + said
	}
	sc.Note = said
	return sc
}

// shownResult is the analysis as it leaves the program (y, e, w): the
// result itself, or, for an edited scenario, the result with its scenario
// named as edited (asEdited); the figures are the same.
func shownResult(cur *current, now time.Time) analysis.Result {
	r := cur.res
	if cur.edited {
		r.Scenario = asEdited(r.Scenario, cur.base, now)
	}
	return r
}
