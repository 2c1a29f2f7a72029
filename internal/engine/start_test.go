package engine

import (
	"context"
	"runtime"
	"testing"

	"icsplan/internal/synth"
)

// TestStartAtScaleMatchesDecimal holds the start stage (every system's
// figures, the sums and the headline) on the integer path, worked out in
// several chunks on every processor and with its grant elements shared
// between systems, to the decimal path: 21,000 synthetic systems, more than
// sharedFrom and five chunks of systemsChunk.
func TestStartAtScaleMatchesDecimal(t *testing.T) {
	const n = 21_000
	if n < sharedFrom || n < 5*systemsChunk {
		t.Fatalf("%d systems would not take the shared grant elements and five chunks", n)
	}
	ds := synth.Generate(n, 5)
	sc := synth.DeficitSupport(ds)
	j, fast, err := start(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	if j.fast == nil || j.fast.ges == nil {
		t.Fatal("the integer path with shared grant elements was not taken")
	}
	noFast = true
	defer func() { noFast = false }()
	_, slow, err := start(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	if d := difference(fast, slow); d != "" {
		t.Fatal(d)
	}
}

// TestStartDoesNotDependOnWorkers is the property that the start stage's
// result is the same on one processor as on all of them: the chunks'
// tallies are exact and merged in order, and a shared grant element is the
// same decimal whichever worker made it.
func TestStartDoesNotDependOnWorkers(t *testing.T) {
	ds := synth.Generate(3*systemsChunk+17, 9)
	sc := synth.DeficitSupport(ds)
	_, all, err := start(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	_, one, err := start(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	if d := difference(all, one); d != "" {
		t.Fatal(d)
	}
}
