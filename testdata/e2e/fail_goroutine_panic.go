// A panic in a non-main goroutine: the traceback names the goroutine's creator.
package main

import "time"

func worker(id int) {
	if id == 2 {
		panic("worker failed")
	}
}

func main() {
	for i := 1; i <= 2; i++ {
		go worker(i)
		time.Sleep(10 * time.Millisecond) // nothing printed depends on how long
	}
	select {} // worker 2's panic ends the program, however late it runs
}
