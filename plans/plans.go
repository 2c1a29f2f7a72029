// Package plans embeds the shipped plans folders, one folder per financial
// year (2023-24, 2024-25), so the binary works from any directory with no
// files beside it.
package plans

import "embed"

// FS holds the year folders (for example "2023-24/systems.csv") at its root.
//
//go:embed 2023-24 2024-25
var FS embed.FS
