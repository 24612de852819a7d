// Channels: unbuffered hand-off, buffered FIFO, close and drain, range, len/cap, nil and directional channels.
package main

import "fmt"

func producer(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	unbuf := make(chan string)
	go func() { unbuf <- "hello" }()
	fmt.Println(<-unbuf)

	buf := make(chan int, 3)
	buf <- 1
	buf <- 2
	fmt.Println(len(buf), cap(buf))
	buf <- 3
	fmt.Println(<-buf, <-buf, len(buf))
	close(buf)
	v, ok := <-buf
	fmt.Println(v, ok)
	v, ok = <-buf
	fmt.Println(v, ok)

	ch := make(chan int)
	go producer(5, ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum)

	// A pipeline of three stages.
	src := make(chan int)
	sq := make(chan int)
	go producer(4, src)
	go func() {
		defer close(sq)
		for v := range src {
			sq <- v * v
		}
	}()
	for v := range sq {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// Synchronous hand-off: the receiver observes writes made before the send.
	data := 0
	done := make(chan struct{})
	go func() {
		data = 42
		done <- struct{}{}
	}()
	<-done
	fmt.Println(data)

	// Channels of channels.
	reqs := make(chan chan int)
	go func() {
		for r := range reqs {
			r <- 99
		}
	}()
	reply := make(chan int)
	reqs <- reply
	fmt.Println(<-reply)
	close(reqs)

	var nilch chan int
	fmt.Println(nilch == nil, len(nilch), cap(nilch))
	zero := make(chan struct{}, 2)
	zero <- struct{}{}
	fmt.Println(len(zero))
	fmt.Printf("%T %T\n", (<-chan int)(ch), (chan<- int)(ch))
}
