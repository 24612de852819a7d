// ticker drives a polling loop with time.Ticker: a poller collects N ticks,
// then signals completion; a heartbeat goroutine is stopped via a done channel.
package main

import (
	"fmt"
	"sync"
	"time"
)

type poller struct {
	name  string
	every time.Duration
	limit int
}

func (p poller) run(done <-chan struct{}, out chan<- string) int {
	t := time.NewTicker(p.every)
	defer t.Stop()
	n := 0
	for {
		select {
		case <-done:
			return n
		case <-t.C:
			n++
			out <- fmt.Sprintf("%s poll #%d", p.name, n)
			if n == p.limit {
				return n
			}
		}
	}
}

func main() {
	// A single ticker loop that stops after 5 ticks.
	t := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	for range t.C {
		ticks++
		fmt.Println("tick", ticks)
		if ticks == 5 {
			t.Stop()
			break
		}
	}
	fmt.Println("ticker stopped after", ticks, "ticks")

	// Reset changes the period; the loop keeps counting.
	t2 := time.NewTicker(time.Hour)
	t2.Reset(time.Millisecond)
	for i := 0; i < 3; i++ {
		<-t2.C
	}
	t2.Stop()
	fmt.Println("reset ticker delivered 3 ticks")

	// Several pollers with their own limits; collect messages and report
	// counts per poller (the interleaving varies, the counts do not).
	pollers := []poller{
		{"disk", 1 * time.Millisecond, 4},
		{"net", 2 * time.Millisecond, 3},
		{"cpu", 3 * time.Millisecond, 2},
	}
	out := make(chan string, 64)
	done := make(chan struct{})
	counts := make([]int, len(pollers))
	var wg sync.WaitGroup
	for i, p := range pollers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = p.run(done, out)
		}()
	}
	wg.Wait()
	close(out)
	perName := map[string]int{}
	for msg := range out {
		var name string
		var n int
		fmt.Sscanf(msg, "%s poll #%d", &name, &n)
		if n > perName[name] {
			perName[name] = n
		}
	}
	for i, p := range pollers {
		fmt.Printf("%s: returned %d, highest message #%d\n", p.name, counts[i], perName[p.name])
	}

	// A heartbeat that runs until told to stop; stop it after 3 beats seen.
	beats := make(chan int)
	stop := make(chan struct{})
	finished := make(chan int)
	go func() {
		hb := time.NewTicker(time.Millisecond)
		defer hb.Stop()
		sent := 0
		for {
			select {
			case <-stop:
				finished <- sent
				return
			case <-hb.C:
				select {
				case beats <- sent + 1:
					sent++
				case <-stop:
					finished <- sent
					return
				}
			}
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("heartbeat", <-beats)
	}
	close(stop)
	fmt.Println("heartbeat goroutine sent", <-finished, "beats before stopping")

	// time.Tick in a bounded loop.
	c := time.Tick(time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-c
	}
	fmt.Println("time.Tick: 3 ticks received")

	// Zero or negative durations panic for NewTicker.
	defer func() { fmt.Println("recovered:", recover()) }()
	time.NewTicker(0)
}
