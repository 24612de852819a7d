// Pingpong: two goroutines hand a ball back and forth over unbuffered channels.
package main

import "fmt"

type ball struct{ hits int }

func player(name string, in <-chan *ball, out chan<- *ball, done chan<- string) {
	for b := range in {
		b.hits++
		fmt.Printf("%s: hit %d\n", name, b.hits)
		if b.hits == 6 {
			done <- name
			return
		}
		out <- b
	}
}

func main() {
	ping, pong := make(chan *ball), make(chan *ball)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- new(ball)
	fmt.Println("last hit by", <-done)
}
