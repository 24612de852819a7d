// The hot paths of the VM, each a loop of n iterations selected by
// os.Args[1]; the benchmarks in vm_test.go check they do not allocate.
package main

import (
	"os"
	"strconv"
)

func add(a, b int) int { return a + b }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

type point struct{ x, y int }

func main() {
	n, _ := strconv.Atoi(os.Args[2])
	sum := 0
	switch os.Args[1] {
	case "arith":
		for i := 0; i < n; i++ {
			sum += i*3 - i/2 + i%7 ^ i<<1
		}
	case "call":
		for i := 0; i < n; i++ {
			sum = add(sum, i)
		}
	case "field":
		p := &point{}
		s := make([]int, 8)
		for i := 0; i < n; i++ {
			p.x += i
			s[i&7] += p.x
		}
		sum = p.x + s[3]
	case "chan":
		c := make(chan int, 1)
		for i := 0; i < n; i++ {
			c <- i
			sum += <-c
		}
	case "mapint":
		m := map[int]int{}
		for i := 0; i < 64; i++ {
			m[i*7919] = i
		}
		for i := 0; i < n; i++ {
			m[(i&127)*7919] += i // update of a present key, or an insert and delete
			if v, ok := m[(i&63)*7919]; ok {
				sum += v
			}
			delete(m, 100*7919)
		}
	case "mapstr":
		m := map[string]int{"a": 1, "bb": 2, "ccc": 3}
		keys := []string{"a", "bb", "ccc", "dddd"}
		for i := 0; i < n; i++ {
			if v, ok := m[keys[i&3]]; ok {
				sum += v
			}
			m["bb"] = i
		}
	case "fib":
		sum = fib(n)
	}
	if sum == -1 {
		println(sum)
	}
}
