// A deferred call that panics, run as control falls off the end of the
// function: that frame is at the closing brace, as gc places it.
package main

func f() {
	defer func() {
		panic("from a deferred call")
	}()
	println("in f")
}

func main() {
	f()
}
