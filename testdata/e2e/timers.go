// time: Sleep ordering, After, NewTimer/Stop/Reset, Ticker, and a select timeout.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	results := make(chan string, 3)
	for _, d := range []int{30, 10, 20} {
		go func() {
			time.Sleep(time.Duration(d) * time.Millisecond)
			results <- fmt.Sprint("slept ", d, "ms")
		}()
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-results)
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
	deadline := time.After(50 * time.Millisecond)
	tick := time.Tick(10 * time.Millisecond)
	count := 0
	for done := false; !done; {
		select {
		case <-tick:
			count++
		case <-deadline:
			done = true
		}
	}
	fmt.Println("ticked before deadline:", count >= 2)
}
