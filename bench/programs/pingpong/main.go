// Pingpong: round trips between two goroutines over unbuffered channels — measures channel
// hand-off and context switches. Usage: pingpong [rounds] (default 200000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	rounds := 200000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: pingpong [rounds]")
			os.Exit(2)
		}
		rounds = v
	}
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	count := 0
	for i := 0; i < rounds; i++ {
		ping <- count
		count = <-pong
	}
	close(ping)
	fmt.Println("round trips:", count)
}
