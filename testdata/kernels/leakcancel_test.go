package kernels

import (
	"context"
	"testing"
)

// Sender leaked after cancellation: the caller returns on ctx.Done, and the
// worker, which does not watch ctx, blocks sending its result.

func fetchAll(ctx context.Context, urls []string, watchCtx bool) []string {
	results := make(chan string)
	for _, u := range urls {
		go func() {
			r := "body of " + u
			if watchCtx {
				select {
				case results <- r:
				case <-ctx.Done():
				}
				return
			}
			results <- r // bug: blocks forever once the caller has gone
		}()
	}
	var out []string
	for range urls {
		select {
		case r := <-results:
			out = append(out, r)
		case <-ctx.Done():
			return out
		}
	}
	return out
}

func testLeakCancel(t *testing.T, watchCtx bool) {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	fetchAll(ctx, []string{"a", "b", "c"}, watchCtx)
}

func TestLeakAfterCancel(t *testing.T)      { testLeakCancel(t, false) }
func TestLeakAfterCancelFixed(t *testing.T) { testLeakCancel(t, true) }
