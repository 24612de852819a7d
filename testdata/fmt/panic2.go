package main

import "fmt"

type B struct{}

func (B) String() string { panic("bad stringer") }

type N struct{ p *int }

func (n *N) String() string { return fmt.Sprint(*n.p) }

func main() {
	fmt.Println(B{})
	fmt.Printf("%d|%s\n", B{}, B{})
	var n *N
	fmt.Println(n)
	fmt.Println(&N{})
}
