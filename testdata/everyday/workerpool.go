// workerpool processes image-resize style jobs with a fixed pool of workers
// fed from a buffered channel, collects results, and implements errgroup-style
// "first error cancels everyone" with context.
package main

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
)

type Job struct {
	ID            int
	Name          string
	Width, Height int
}

type Result struct {
	JobID, Pixels int
	Thumb         string
}

// Group is a tiny errgroup: Go runs functions, Wait returns the first error,
// and the first error cancels the shared context.
type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelCauseFunc
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				g.cancel(err)
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel(nil)
	return g.err
}

func resize(j Job) (Result, error) {
	if j.Width <= 0 || j.Height <= 0 {
		return Result{}, fmt.Errorf("job %d (%s): invalid size %dx%d", j.ID, j.Name, j.Width, j.Height)
	}
	return Result{JobID: j.ID, Pixels: j.Width * j.Height, Thumb: fmt.Sprintf("128x%d", j.Height*128/j.Width)}, nil
}

func makeJobs(n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		jobs[i] = Job{ID: i + 1, Name: fmt.Sprintf("img%02d.png", i+1), Width: 640 + 160*(i%4), Height: 480 + 120*(i%3)}
	}
	return jobs
}

func main() {
	// Part 1: plain pool, every job succeeds.
	jobs := makeJobs(12)
	jobCh := make(chan Job, 4)
	resCh := make(chan Result, 4)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for j := range jobCh {
				r, _ := resize(j)
				resCh <- r
			}
		})
	}
	go func() {
		for _, j := range jobs {
			jobCh <- j
		}
		close(jobCh)
	}()
	go func() {
		wg.Wait()
		close(resCh)
	}()

	var results []Result
	for r := range resCh {
		results = append(results, r)
	}
	sort.Slice(results, func(i, j int) bool { return results[i].JobID < results[j].JobID })
	total := 0
	for _, r := range results {
		total += r.Pixels
		fmt.Printf("job %2d -> thumb %-8s (%d px)\n", r.JobID, r.Thumb, r.Pixels)
	}
	fmt.Printf("processed %d jobs, %d total pixels\n", len(results), total)

	// Part 2: errgroup-style. One job is invalid; another waits for
	// cancellation, so it can only finish after the first error.
	bad := makeJobs(8)
	bad[5].Width = 0
	g, ctx := WithContext(context.Background())
	feed := make(chan Job)
	g.Go(func() error {
		defer close(feed)
		for _, j := range bad {
			select {
			case feed <- j:
			case <-ctx.Done():
				return nil
			}
		}
		return nil
	})
	var mu sync.Mutex
	var done []int
	for w := 0; w < 3; w++ {
		g.Go(func() error {
			for j := range feed {
				if _, err := resize(j); err != nil {
					return err
				}
				mu.Lock()
				done = append(done, j.ID)
				mu.Unlock()
			}
			return nil
		})
	}
	g.Go(func() error {
		<-ctx.Done() // a long-running watcher that stops on cancellation
		return fmt.Errorf("watcher stopped: %w", context.Cause(ctx))
	})
	err := g.Wait()
	fmt.Println("group error:", err)
	fmt.Println("context cancelled:", ctx.Err() != nil, "| cause matches:", context.Cause(ctx) == err)
	fmt.Println("bad job never reported done:", !slices.Contains(done, 6))
}
