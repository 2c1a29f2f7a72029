package analysis

import (
	"fmt"

	"icsplan/internal/plan"
)

// DataCheck says whether the verdict rests on the illustrative rows: the
// verdict of the same scenario rerun on the reported (not illustrative)
// rows alone, beside the verdict on all rows.
type DataCheck struct {
	Systems  int   // all rows
	Reported int   // rows whose figures are reported, not illustrative
	Rerun    bool  // the scenario was rerun on the reported rows (some rows are illustrative and some are not)
	Verdict  Label // the verdict on the reported rows alone; the verdict on all rows when every row is reported
	All      Label // the verdict on all rows
	Fitted   int   // illustrative rows whose source says they were fitted to reported totals
	Text     string
}

// Fitted reports whether a system's source says its illustrative figures
// were fitted to the reported national totals.
func Fitted(source string) bool {
	return plan.ContainsFold(source, "illustrative") && plan.ContainsFold(source, "fitted")
}

// DataCheckText words the check as the one sentence every report prints.
func DataCheckText(c DataCheck) string {
	switch {
	case c.Systems == 0:
		return "There are no rows."
	case c.Reported == c.Systems:
		return fmt.Sprintf("All %d rows are reported, none illustrative, so the verdict rests on reported figures alone.", c.Systems)
	case c.Reported == 0:
		return fmt.Sprintf("All %d rows are illustrative, so there is no verdict on reported figures alone.", c.Systems)
	case !c.Rerun:
		return fmt.Sprintf("The scenario could not be rerun on the %d reported rows alone.", c.Reported)
	case c.Verdict == c.All:
		return fmt.Sprintf("On the %d reported rows alone %s, as on all %d rows.", c.Reported, c.Verdict.Clause(), c.Systems)
	}
	return fmt.Sprintf("On the %d reported rows alone %s; on all %d rows %s.", c.Reported, c.Verdict.Clause(), c.Systems, c.All.Clause())
}

// FittedCaveat is the caveat for illustrative rows fitted to totals, or "".
func FittedCaveat(c DataCheck) string {
	if c.Fitted == 0 {
		return ""
	}
	return fmt.Sprintf("%d illustrative %s fitted to the reported national totals (the count of deficit plans and their sum), "+
		"not to any system's published figure.", c.Fitted, plural(c.Fitted, "row was", "rows were"))
}
