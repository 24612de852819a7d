// An unrecovered nil pointer dereference: gc adds a "[signal SIGSEGV ...]" line.
package main

type node struct {
	val  int
	next *node
}

func sum(n *node) int {
	v := n.val // faults at the field's offset: addr=0x0
	return v + sum(n.next)
}

func main() {
	println(sum(&node{1, &node{2, nil}}))
}
