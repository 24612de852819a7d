// An unrecovered write to a nil map.
package main

type registry struct {
	entries map[string]int
}

func (r *registry) add(name string) {
	r.entries[name]++
}

func main() {
	var r registry
	r.add("x")
}
