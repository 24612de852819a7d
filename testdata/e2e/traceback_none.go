// GOTRACEBACK=none: an unrecovered panic prints its message and no goroutine.
//
//e2e:env GOTRACEBACK=none
package main

func main() {
	ch := make(chan int)
	go func() { <-ch }()
	var m map[string]int
	m["a"] = 1
}
