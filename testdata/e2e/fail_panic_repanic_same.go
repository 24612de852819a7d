// A panic recovered and re-panicked with the same value reaches the top level.
package main

func main() {
	defer func() {
		r := recover()
		panic(r)
	}()
	panic("boom")
}
