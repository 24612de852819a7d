// ring simulates a round-robin CPU scheduler with container/ring: each task
// gets a time quantum in turn and leaves the ring when it finishes.
package main

import (
	"container/ring"
	"fmt"
	"strings"
)

type Task struct {
	Name      string
	Remaining int
	Priority  int
	Finished  int
}

func names(r *ring.Ring) string {
	var parts []string
	r.Do(func(v any) {
		t := v.(*Task)
		parts = append(parts, fmt.Sprintf("%s(%d)", t.Name, t.Remaining))
	})
	return strings.Join(parts, " ")
}

func main() {
	tasks := []*Task{
		{Name: "compile", Remaining: 7, Priority: 2},
		{Name: "lint", Remaining: 2, Priority: 1},
		{Name: "test", Remaining: 9, Priority: 3},
		{Name: "docs", Remaining: 4, Priority: 1},
		{Name: "upload", Remaining: 3, Priority: 2},
	}
	r := ring.New(len(tasks))
	for _, t := range tasks {
		r.Value = t
		r = r.Next()
	}
	fmt.Println("initial ring:", names(r), "len", r.Len())

	const quantum = 3
	clock := 0
	var done []*Task
	// r always points at the task to run next; prev is the element before it,
	// so removing the current task is prev.Unlink(1).
	prev := r.Prev()
	for r != nil {
		t := r.Value.(*Task)
		slice := min(quantum*t.Priority/2+1, t.Remaining)
		t.Remaining -= slice
		clock += slice
		fmt.Printf("t=%2d ran %-7s for %d, left %d\n", clock, t.Name, slice, t.Remaining)
		if t.Remaining == 0 {
			t.Finished = clock
			done = append(done, t)
			if r.Len() == 1 {
				r = nil
				break
			}
			prev.Unlink(1)
			r = prev.Next()
			fmt.Println("      ring now:", names(r))
			continue
		}
		prev = r
		r = r.Next()
	}

	fmt.Println("completion order:")
	total := 0
	for i, t := range done {
		fmt.Printf("  %d. %-7s finished at t=%d\n", i+1, t.Name, t.Finished)
		total += t.Finished
	}
	fmt.Printf("average turnaround: %.2f\n", float64(total)/float64(len(done)))

	// Ring of ints: Move, Link, and summing with Do.
	nums := ring.New(6)
	for i := 1; i <= 6; i++ {
		nums.Value = i * i
		nums = nums.Next()
	}
	sum := 0
	nums.Do(func(v any) { sum += v.(int) })
	fmt.Println("sum of squares 1..6:", sum)
	fmt.Println("Move(2):", nums.Move(2).Value, "Move(-1):", nums.Move(-1).Value)

	extra := ring.New(2)
	extra.Value = 100
	extra.Next().Value = 200
	nums.Link(extra)
	var vals []string
	nums.Do(func(v any) { vals = append(vals, fmt.Sprint(v)) })
	fmt.Println("after Link:", strings.Join(vals, ","), "len", nums.Len())
	removed := nums.Unlink(3)
	vals = vals[:0]
	removed.Do(func(v any) { vals = append(vals, fmt.Sprint(v)) })
	fmt.Println("unlinked:", strings.Join(vals, ","), "remaining len", nums.Len())

	var empty *ring.Ring
	fmt.Println("nil ring len:", empty.Len())
}
