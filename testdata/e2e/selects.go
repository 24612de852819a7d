// Select: default cases, readiness, nil channels disabling cases, closed channels, loops with quit.
package main

import "fmt"

func main() {
	c := make(chan int, 1)
	select {
	case v := <-c:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("empty: default taken")
	}
	c <- 1
	select {
	case c <- 2:
		fmt.Println("unexpected send")
	default:
		fmt.Println("full: default taken")
	}
	select {
	case v, ok := <-c:
		fmt.Println("received", v, ok)
	default:
		fmt.Println("unexpected default")
	}

	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("never")
	case nilch <- 1:
		fmt.Println("never")
	default:
		fmt.Println("nil channels never ready")
	}

	closed := make(chan int)
	close(closed)
	for i := 0; i < 2; i++ {
		select {
		case v, ok := <-closed:
			fmt.Println("closed gives", v, ok)
		}
	}

	// Fan-in with quit; counts are deterministic even though order is not.
	a, b := make(chan int), make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			a <- i
		}
		for i := 0; i < 3; i++ {
			b <- i * 10
		}
		quit <- true
	}()
	na, nb, sum := 0, 0, 0
loop:
	for {
		select {
		case v := <-a:
			na++
			sum += v
		case v := <-b:
			nb++
			sum += v
		case <-quit:
			break loop
		}
	}
	fmt.Println(na, nb, sum)

	// Setting a drained channel to nil disables its case.
	x, y := make(chan int, 2), make(chan int, 2)
	x <- 1
	x <- 2
	close(x)
	y <- 3
	close(y)
	total := 0
	for x != nil || y != nil {
		select {
		case v, ok := <-x:
			if !ok {
				x = nil
				continue
			}
			total += v
		case v, ok := <-y:
			if !ok {
				y = nil
				continue
			}
			total += v
		}
	}
	fmt.Println("total", total)

	// Both cases ready: both get chosen eventually.
	r1, r2 := make(chan int, 100), make(chan int, 100)
	for i := 0; i < 100; i++ {
		r1 <- 1
		r2 <- 2
	}
	seen := map[int]bool{}
	for i := 0; i < 100; i++ {
		select {
		case v := <-r1:
			seen[v] = true
		case v := <-r2:
			seen[v] = true
		}
	}
	fmt.Println("both chosen:", seen[1] && seen[2])
}
