// Pointers: address-of, new, pointer receivers, pointers into slices and structs.
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func swap(a, b *string) { *a, *b = *b, *a }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	*q = 42
	fmt.Println(*q)
	a, b := "left", "right"
	swap(&a, &b)
	fmt.Println(a, b)

	var head *Node
	for i := 3; i > 0; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()

	s := []int{1, 2, 3}
	e := &s[1]
	*e = 20
	fmt.Println(s)
	arr := [3]int{}
	ap := &arr
	ap[2] = 9 // implicit dereference
	fmt.Println(arr, len(ap))
	type pair struct{ a, b int }
	pp := &pair{1, 2}
	pp.b = 5
	bp := &pp.b
	*bp *= 2
	fmt.Println(*pp)
	var np *Node
	fmt.Println(np == nil, np)
	pp2 := &p
	**pp2 = 100
	fmt.Println(x)
	// Escaping locals: each iteration gets a distinct variable.
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, ip := range ptrs {
		fmt.Print(*ip, " ")
	}
	fmt.Println()
}
