// Elements of size zero share one address, as under gc.
package main

import "fmt"

type empty struct{}

var x [10][0]byte

func main() {
	y := make([]empty, 5)
	fmt.Println(&x[1] == &x[2], &y[0] == &y[4], *(&y[3]) == empty{})
	p := &y[2]
	*p = empty{}
	fmt.Println(y, len(x[3]))
	defer func() { fmt.Println(recover()) }()
	i := 7
	_ = &y[i]
}
