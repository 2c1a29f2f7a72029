//go:build race

package tui

// raceOn is true under the race detector, which slows everything down.
const raceOn = true
