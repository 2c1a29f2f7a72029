package analysis

// Placeholder until the implementation lands.

import (
	"errors"

	"icsplan/internal/plan"
)

func analyse(ds plan.Dataset, sc plan.Scenario) (Result, error) {
	return Result{}, errors.New("analysis: not implemented")
}
