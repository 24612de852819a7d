// Workers: a fixed pool of goroutines squares jobs; main sums the results.
package main

import (
	"fmt"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * j
	}
}

func main() {
	const nworkers, njobs = 4, 100
	jobs := make(chan int)
	results := make(chan int, njobs)
	var wg sync.WaitGroup
	for w := 1; w <= nworkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= njobs; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)

	sum, count := 0, 0
	for r := range results {
		sum += r
		count++
	}
	fmt.Printf("%d workers processed %d jobs\n", nworkers, count)
	fmt.Printf("sum of squares 1..%d = %d\n", njobs, sum)
}
