// All goroutines asleep: main blocked receiving, one goroutine blocked sending, one in select.
package main

import (
	"fmt"
	"time"
)

func sender(ch chan<- int) {
	ch <- 1 // nobody ever receives from ch
}

func selector(a, b chan string) {
	select {
	case s := <-a:
		fmt.Println(s)
	case b <- "x":
	}
}

func main() {
	ch := make(chan int)
	go sender(ch)
	go selector(make(chan string), make(chan string))
	time.Sleep(10 * time.Millisecond) // let both block first
	fmt.Println("main waiting")
	<-make(chan int)
}
