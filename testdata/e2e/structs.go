// Structs: literals, comparison, copying, anonymous structs, fmt verbs.
package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
	tags     []string
}

type Empty struct{}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == Point{1, 2}, p != q)
	fmt.Printf("%v %+v %#v\n", p, p, p)
	r := Rect{Min: p, Max: Point{Y: 5}, Label: "box"}
	r.tags = append(r.tags, "t1")
	fmt.Printf("%v\n%+v\n", r, r)
	anon := struct {
		Name string
		Age  int
	}{"gopher", 13}
	fmt.Println(anon, anon.Name)
	var e1, e2 Empty
	fmt.Println(e1 == e2, Empty{})
	arr := [2]Point{{1, 1}, {2, 2}}
	arr[1].Y = 7
	fmt.Println(arr)
	ps := []Point{{3, 4}}
	ps[0].X++
	fmt.Println(ps)
	m := map[string]Point{"a": {5, 6}}
	pt := m["a"]
	pt.X = 0
	fmt.Println(m["a"], pt)
	type local struct {
		a int8
		b int64
		c bool
	}
	l := local{a: -1, c: true}
	fmt.Printf("%+v\n", l)
	var zero Rect
	fmt.Printf("%+v %v\n", zero, zero.tags == nil)
}
