// Fanin: 4 producer goroutines each send N values on their own unbuffered channel; the main
// goroutine receives them all with a select over the 4 channels — measures select.
// Usage: fanin [per-producer] (default 50000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func produce(id, n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- id*1000000 + i
	}
	close(out)
}

func main() {
	n := 50000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: fanin [per-producer]")
			os.Exit(2)
		}
		n = v
	}
	a, b, c, d := make(chan int), make(chan int), make(chan int), make(chan int)
	go produce(1, n, a)
	go produce(2, n, b)
	go produce(3, n, c)
	go produce(4, n, d)
	var count [5]int
	sum := 0
	for open := 4; open > 0; {
		var v int
		var ok bool
		select {
		case v, ok = <-a:
			if !ok {
				a = nil
			}
		case v, ok = <-b:
			if !ok {
				b = nil
			}
		case v, ok = <-c:
			if !ok {
				c = nil
			}
		case v, ok = <-d:
			if !ok {
				d = nil
			}
		}
		if !ok {
			open--
			continue
		}
		count[v/1000000]++
		sum += v
	}
	fmt.Printf("received: %d %d %d %d sum: %d\n", count[1], count[2], count[3], count[4], sum)
}
