package main

import (
	"fmt"
	"math"
)

type K struct {
	A int
	B string
}

func main() {
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b", -5: "neg"})
	fmt.Println(map[string]int{"z": 1, "a": 2, "m": 3})
	fmt.Println(map[float64]int{math.NaN(): 1, 2.5: 2, -1: 3, math.Inf(1): 4})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[K]int{{2, "a"}: 0, {1, "b"}: 1, {1, "a"}: 2})
	fmt.Println(map[any]int{"s": 1, "b": 2, "a": 4}, map[any]int{3: 1, 1: 2})
	fmt.Println(map[[2]int]bool{{2, 1}: true, {1, 2}: false})
	fmt.Printf("%v %d\n", map[int]int{}, map[int][]int{1: {1, 2}})
	fmt.Printf("%#v\n", map[string]bool{"y": true, "x": false})
	var nm map[string]int
	fmt.Println(nm, len(nm))
	fmt.Printf("%#v\n", nm)
	m := map[int]*int{}
	fmt.Println(len(m))
	fmt.Println(map[rune]string{'b': "B", 'a': "A"})
	fmt.Println(map[int8]uint{-1: 1, 1: 2})
}
