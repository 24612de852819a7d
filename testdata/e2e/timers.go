// time: concurrent Sleeps, After, NewTimer/Stop/Reset, Ticker, and a select timeout.
//
// Nothing printed depends on a timing margin (a loaded machine may run any Go program late): the
// order in which sleepers wake is up to the scheduler, so their reports are sorted; each checks
// only that it slept at least as long as it asked, which every clock guarantees.
package main

import (
	"fmt"
	"slices"
	"time"
)

func main() {
	start := time.Now()
	results := make(chan string, 3)
	for _, d := range []int{30, 10, 20} {
		go func() {
			time.Sleep(time.Duration(d) * time.Millisecond)
			results <- fmt.Sprint("slept ", d, "ms, at least that long: ", time.Since(start) >= time.Duration(d)*time.Millisecond)
		}()
	}
	var woke []string
	for i := 0; i < 3; i++ {
		woke = append(woke, <-results)
	}
	slices.Sort(woke)
	for _, s := range woke {
		fmt.Println(s)
	}
	fmt.Println("elapsed >= 30ms:", time.Since(start) >= 30*time.Millisecond)

	select {
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout")
	case <-make(chan int):
		fmt.Println("never")
	}

	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	t.Reset(5 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	fmt.Println("stop after fire:", t.Stop())

	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)

	fired := make(chan bool)
	time.AfterFunc(5*time.Millisecond, func() { fired <- true })
	fmt.Println("afterfunc:", <-fired)

	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Duration(90)*time.Second, time.Duration(0))
	// A select over a ticker and a deadline sees both, in whatever order the machine's load
	// lets them come: it stops once the deadline has passed and two ticks have arrived.
	deadline := time.After(50 * time.Millisecond)
	tick := time.Tick(10 * time.Millisecond)
	count, passed := 0, false
	for !passed || count < 2 {
		select {
		case <-tick:
			count++
		case <-deadline:
			passed = true
			deadline = nil
		}
	}
	fmt.Println("ticks and deadline:", count >= 2, passed)
}
