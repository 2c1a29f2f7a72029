package tui

// Placeholder until the implementation lands.

import (
	"errors"

	"icsplan/internal/plan"
)

func run(lib plan.Library, opt Options) error { return errors.New("tui: not implemented") }
