// Slices: append growth, aliasing, copy, 3-index slicing, arrays as values.
package main

import (
	"fmt"
	"slices"
)

func main() {
	var s []int
	fmt.Println(s == nil, len(s))
	for i := 0; i < 10; i++ {
		s = append(s, i*i)
	}
	fmt.Println(len(s), s)
	t := s[2:5]
	t[0] = -1
	fmt.Println(s[2], len(t), t)
	u := s[2:4:5]
	u = append(u, 100) // fits within capacity: overwrites s[4]
	fmt.Println(s[4], u)
	u = append(u, 200) // exceeds capacity: reallocates
	u[0] = 999
	fmt.Println(s[2], u)

	dst := make([]int, 3)
	n := copy(dst, s)
	fmt.Println(n, dst)
	n = copy(s[1:], s) // overlapping
	fmt.Println(n, s)
	b := make([]byte, 5)
	n = copy(b, "héllo")
	fmt.Println(n, b)

	arr := [5]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 42
	fmt.Println(arr, arr2, arr == [5]int{1, 2, 3, 0, 0})
	p := arr[:]
	p[4] = 5
	fmt.Println(arr, len(arr))

	grid := make([][]string, 3)
	for i := range grid {
		grid[i] = make([]string, 3)
		for j := range grid[i] {
			grid[i][j] = fmt.Sprint(i * j)
		}
	}
	fmt.Println(grid)

	x := []int{5, 2, 8, 1, 9}
	slices.Sort(x)
	fmt.Println(x, slices.Contains(x, 8), slices.Index(x, 9))
	x = slices.Insert(x, 1, 7, 7)
	x = slices.Delete(x, 0, 1)
	slices.Reverse(x)
	fmt.Println(x, slices.Max(x))
	var big []int
	lens := []int{}
	for i := 0; i < 2000; i++ {
		big = append(big, i)
		if i%500 == 0 {
			lens = append(lens, len(big))
		}
	}
	fmt.Println(lens, big[1999])
	y := append([]int(nil), 1, 2, 3)
	y = append(y, y...)
	fmt.Println(y)
	clear(y)
	fmt.Println(y, len(y))
}
