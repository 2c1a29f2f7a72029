package engine

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// checkEvery is how many pieces of work run between looks at the context.
const checkEvery = 256

// parallel runs work(0) .. work(n−1), on every processor when worth is true
// and inline otherwise. Each call must write only its own results, so that
// the outcome does not depend on scheduling. It looks at ctx before piece 0
// and every checkEvery pieces after, and when ctx is done stops handing out
// work and returns ctx.Err() once the pieces under way have finished.
func parallel(ctx context.Context, n int, worth bool, work func(k int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if !worth || workers <= 1 {
		for k := range n {
			if k%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			work(k)
		}
		return nil
	}
	var next atomic.Int64
	var stopped atomic.Bool
	var once sync.Once
	var stopErr error // ctx.Err() as the worker that stopped saw it
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stopped.Load() {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				if k%checkEvery == 0 {
					if err := ctx.Err(); err != nil {
						once.Do(func() { stopErr = err })
						stopped.Store(true)
						return
					}
				}
				work(k)
			}
		}()
	}
	wg.Wait()
	return stopErr
}
