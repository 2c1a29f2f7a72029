// Package plans embeds the shipped plans folders, one folder per financial
// year (2022-23 to 2025-26; each with its systems, its scenarios, one of them
// primary, and a year.toml of the year's published national figures), and the regime library (regimes: scenario files
// modelled on real funding regimes, each written for the year it ran in and
// applied to any year's plans with icsplan --regime NAME), so the binary
// works from any directory with no files beside it.
package plans

import "embed"

// FS holds the year folders (for example "2023-24/systems.csv") and the
// regimes folder ("regimes/stf-2016-17.toml") at its root.
//
//go:embed 2022-23 2023-24 2024-25 2025-26 regimes
var FS embed.FS
