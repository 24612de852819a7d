// heapsched is a priority job scheduler: jobs go into a container/heap
// ordered by priority then submission order, three workers process them,
// and the results are gathered and reported in a stable order.
package main

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Job struct {
	Seq      int
	Name     string
	Priority int // higher runs first
	Cost     int
	index    int
}

type jobQueue []*Job

func (q jobQueue) Len() int { return len(q) }
func (q jobQueue) Less(i, j int) bool {
	if q[i].Priority != q[j].Priority {
		return q[i].Priority > q[j].Priority
	}
	return q[i].Seq < q[j].Seq
}
func (q jobQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *jobQueue) Push(x any) {
	j := x.(*Job)
	j.index = len(*q)
	*q = append(*q, j)
}
func (q *jobQueue) Pop() any {
	old := *q
	n := len(old)
	j := old[n-1]
	old[n-1] = nil
	j.index = -1
	*q = old[:n-1]
	return j
}

type Result struct {
	Job    *Job
	Worker int
	Output string
}

func process(j *Job) string {
	// Deterministic "work": a checksum over the name repeated Cost times.
	sum := 0
	for i := 0; i < j.Cost*1000; i++ {
		sum = (sum*31 + int(j.Name[i%len(j.Name)])) % 1000003
	}
	return fmt.Sprintf("%06d", sum)
}

func main() {
	names := []string{"backup-db", "send-email", "resize-img", "rebuild-index", "purge-cache",
		"gen-report", "sync-users", "rotate-logs", "warm-cache", "notify-slack"}
	prios := []int{5, 1, 3, 5, 2, 3, 4, 1, 2, 5}
	q := &jobQueue{}
	heap.Init(q)
	for i, n := range names {
		heap.Push(q, &Job{Seq: i + 1, Name: n, Priority: prios[i], Cost: 1 + i%4})
	}

	// Bump a job's priority after submission.
	for _, j := range *q {
		if j.Name == "rotate-logs" {
			j.Priority = 9
			heap.Fix(q, j.index)
		}
	}

	// Dispatch order is fully determined by the heap.
	var order []*Job
	for q.Len() > 0 {
		order = append(order, heap.Pop(q).(*Job))
	}
	fmt.Println("dispatch order:")
	for i, j := range order {
		fmt.Printf("  %2d. [p%d #%02d] %s\n", i+1, j.Priority, j.Seq, j.Name)
	}

	jobs := make(chan *Job)
	results := make(chan Result)
	var wg sync.WaitGroup
	perWorker := make([]int, 3)
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				perWorker[w-1]++
				results <- Result{Job: j, Worker: w, Output: process(j)}
			}
		}()
	}
	go func() {
		for _, j := range order {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Job.Seq < all[b].Job.Seq })
	fmt.Println("results by submission:")
	total := 0
	for _, r := range all {
		total += r.Job.Cost
		fmt.Printf("  #%02d %-14s cost=%d out=%s\n", r.Job.Seq, r.Job.Name, r.Job.Cost, r.Output)
	}
	done := 0
	for _, n := range perWorker {
		done += n
	}
	fmt.Printf("jobs=%d total cost=%d processed by workers=%d\n", len(all), total, done)

	// Group by priority.
	byPrio := map[int][]string{}
	for _, r := range all {
		byPrio[r.Job.Priority] = append(byPrio[r.Job.Priority], r.Job.Name)
	}
	var ps []int
	for p := range byPrio {
		ps = append(ps, p)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ps)))
	for _, p := range ps {
		fmt.Printf("  priority %d: %s\n", p, strings.Join(byPrio[p], ", "))
	}
}
