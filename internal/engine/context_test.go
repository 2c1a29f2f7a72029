package engine

import (
	"context"
	"errors"
	"reflect"
	"sync/atomic"
	"testing"

	"icsplan/internal/analysis"
	"icsplan/internal/synth"
)

// countingCtx is a context that counts calls to Err and reports itself
// cancelled at call number cancelAt only (never when cancelAt is 0), so that
// a test can tell which look stopped the analysis.
type countingCtx struct {
	context.Context
	calls    atomic.Int64
	cancelAt int64
}

func (c *countingCtx) Err() error {
	if n := c.calls.Add(1); n == c.cancelAt {
		return context.Canceled
	}
	return nil
}

// TestAnalyseContextCancelled: a context already cancelled gives its error
// and no result.
func TestAnalyseContextCancelled(t *testing.T) {
	ds, sc := shipped(t, "2023-24", "deficit-support-feb-2024")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := AnalyseContext(ctx, ds, sc)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if !reflect.DeepEqual(res, analysis.Result{}) {
		t.Error("a cancelled analysis returned a result")
	}
}

// TestAnalyseContextLooksInPrudence runs 1,500 systems, whose balanced
// systems' reruns run on every processor. Uncancelled, the result is
// Analyse's, and ctx is looked at between the stages (before allocating,
// before the prudence reruns) and at least once per 256 reruns. Cancelled at
// each of those looks in turn (and only there: no later look sees it), the
// analysis stops with ctx's error, so every look is one that stops it.
func TestAnalyseContextLooksInPrudence(t *testing.T) {
	ds := synth.Generate(1500, 11)
	sc := synth.DeficitSupport(ds)
	want, err := Analyse(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	balanced := want.Balanced.Systems
	if balanced < 2*checkEvery {
		t.Fatalf("only %d balanced systems: too few to test the looks inside the reruns", balanced)
	}
	ctx := &countingCtx{Context: context.Background()}
	got, err := AnalyseContext(ctx, ds, sc)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("AnalyseContext differs from Analyse (err %v)", err)
	}
	// 2 stage looks + ⌈balanced/256⌉ in the reruns + 1 on the grid.
	looks := ctx.calls.Load()
	if min := int64(2 + (balanced+checkEvery-1)/checkEvery + 1); looks < min {
		t.Fatalf("ctx looked at %d times, want at least %d for %d balanced systems", looks, min, balanced)
	}
	for at := int64(1); at <= looks; at++ {
		ctx := &countingCtx{Context: context.Background(), cancelAt: at}
		if _, err := AnalyseContext(ctx, ds, sc); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled at look %d of %d: err = %v, want context.Canceled", at, looks, err)
		}
	}
}

// TestIncentivesLooksAtContext: the incentive stage on its own, over 1,200
// systems (reruns and lever revaluations on every processor), looks at ctx
// before it starts, every 256 reruns, while converting the flows and before
// each lever's scan; cancelled at each look in turn it stops with ctx's
// error.
func TestIncentivesLooksAtContext(t *testing.T) {
	ds := synth.Generate(1200, 5)
	sc := synth.DeficitSupport(ds)
	res, err := AnalyseWithoutIncentives(context.Background(), ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.Label != analysis.RewardsDeficit {
		t.Fatalf("verdict %s: the levers would not be searched", res.Verdict.Label)
	}
	ctx := &countingCtx{Context: context.Background()}
	if _, err := Incentives(ctx, ds, sc, res); err != nil {
		t.Fatal(err)
	}
	// 1 at the start, ⌈1,200/256⌉ = 5 in the reruns and 5 converting the
	// flows, 1 for each scan of 101 points.
	looks := ctx.calls.Load()
	if looks < 1+5+5+3 {
		t.Fatalf("ctx looked at %d times, want at least 14", looks)
	}
	for at := int64(1); at <= looks; at++ {
		ctx := &countingCtx{Context: context.Background(), cancelAt: at}
		if _, err := Incentives(ctx, ds, sc, res); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled at look %d of %d: err = %v, want context.Canceled", at, looks, err)
		}
	}
}
