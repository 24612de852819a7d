// Profiler labels (runtime/pprof Do, Labels, WithLabels, Label, ForLabels,
// SetGoroutineLabels), inherited by the goroutines a labelled goroutine
// starts, and the goroutine profile in its text forms (debug=1 counts
// stacks and shows labels, debug=2 is every goroutine's traceback). The
// program prints the profiles with pcs, offsets, argument words and
// goroutine ids masked, so the output is gc's exactly.
package main

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
)

func worker(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ch
}

func sleeper(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	select {
	case <-ch:
	}
}

// parked waits until n goroutines are blocked in [chan receive] or [select].
func parked(n int) {
	buf := make([]byte, 1<<20)
	for {
		s := string(buf[:runtime.Stack(buf, true)])
		if strings.Count(s, "[chan receive]")+strings.Count(s, "[select]") == n {
			return
		}
		runtime.Gosched()
	}
}

var (
	hexRE  = regexp.MustCompile(`0x[0-9a-f]+`)
	argsRE = regexp.MustCompile(`\((0x|\{)[^\n]*\)\n`)
	goidRE = regexp.MustCompile(`goroutine [0-9]+`)
	pathRE = regexp.MustCompile(`\t/\S*/(src|e2e)/`)
)

func mask(s string) string {
	s = argsRE.ReplaceAllString(s, "(...)\n")
	s = hexRE.ReplaceAllString(s, "X")
	s = pathRE.ReplaceAllString(s, "\t.../")
	s = strings.ReplaceAll(s, " +X\n", "\n")
	return goidRE.ReplaceAllString(s, "goroutine N")
}

// sortRecords masks a debug=1 profile's pcs and sorts its records: gc
// orders records of equal count by their pcs, and the "@" lines list the
// runtime's own frames too, which debug=1 then hides.
func sortRecords(s string) string {
	s = regexp.MustCompile(`(?m)^([0-9]+) @( X)+$`).ReplaceAllString(mask(s), "$1 @ ...")
	head, rest, _ := strings.Cut(s, "\n")
	recs := strings.Split(strings.TrimSuffix(rest, "\n\n"), "\n\n")
	sort.Strings(recs)
	return head + "\n" + strings.Join(recs, "\n\n") + "\n\n"
}

func main() {
	ctx := context.Background()
	ch := make(chan int)
	var wg sync.WaitGroup

	fmt.Println(pprof.Labels("b", "2", "a", "1"))
	pprof.Do(ctx, pprof.Labels("role", "worker", "shard", "7"), func(ctx context.Context) {
		v, ok := pprof.Label(ctx, "role")
		fmt.Println(v, ok)
		_, ok = pprof.Label(ctx, "none")
		fmt.Println(ok)
		pprof.ForLabels(ctx, func(k, v string) bool {
			fmt.Println("label", k, v)
			return true
		})
		wg.Add(2)
		go worker(ch, &wg)
		go worker(ch, &wg)
		// A nested Do adds to the set; the goroutine it starts has both.
		pprof.Do(ctx, pprof.Labels("shard", "8", "extra", "x"), func(ctx context.Context) {
			wg.Add(1)
			go sleeper(ch, &wg)
		})
	})
	// Outside Do main has no labels again: these have none.
	wg.Add(1)
	go worker(ch, &wg)
	// SetGoroutineLabels sets main's own; WithLabels makes the context.
	pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("main", "yes")))
	wg.Add(1)
	go sleeper(ch, &wg)
	pprof.SetGoroutineLabels(ctx)
	parked(5)

	p := pprof.Lookup("goroutine")
	fmt.Println(p.Name(), p.Count())
	var b bytes.Buffer
	p.WriteTo(&b, 1)
	fmt.Print(sortRecords(b.String()))
	b.Reset()
	p.WriteTo(&b, 2)
	fmt.Print(mask(b.String()))
	close(ch)
	wg.Wait()
}
