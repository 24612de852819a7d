// Timer channels as Go 1.23 made them: len and cap 0, and no stale value
// after Stop or Reset, whether or not the timer had fired. Every wait
// below is for a timer already due (a sleep longer than the timer), so no
// outcome depends on how fast the machine is.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond) // t is due: its value waits in t.C
	fmt.Println("len", len(t.C), "cap", cap(t.C))
	fmt.Println("Reset after firing:", t.Reset(time.Hour))
	select {
	case <-t.C:
		fmt.Println("stale value after Reset")
	default:
		fmt.Println("no value after Reset")
	}
	fmt.Println("Stop of a pending timer:", t.Stop(), "again:", t.Stop())

	t2 := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("Stop after firing:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value after Stop")
	default:
		fmt.Println("no value after Stop")
	}
	t2.Reset(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	select {
	case <-t2.C:
		fmt.Println("value after the Reset fired")
	default:
		fmt.Println("no value after the Reset fired")
	}

	// A received value is the time the timer was due, not later.
	t3 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	woke := time.Now()
	v := <-t3.C
	fmt.Println("value before the sleep ended:", v.Before(woke))

	tk := time.NewTicker(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("ticker len", len(tk.C), "cap", cap(tk.C))
	<-tk.C
	tk.Stop()
	time.Sleep(5 * time.Millisecond)
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	default:
		fmt.Println("no tick after Stop")
	}

	// time.After in a select with a ready channel: the ready one wins
	// only when the timer is not due; here it is due.
	ch := make(chan int)
	after := time.After(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	select {
	case <-ch:
		fmt.Println("channel")
	case <-after:
		fmt.Println("timer")
	}

	// AfterFunc timers have no channel: Stop reports whether f was stopped.
	done := make(chan bool)
	af := time.AfterFunc(time.Millisecond, func() { done <- true })
	<-done
	fmt.Println("AfterFunc Stop after it ran:", af.Stop())
	af2 := time.AfterFunc(time.Hour, func() {})
	fmt.Println("AfterFunc Stop before:", af2.Stop())
}
