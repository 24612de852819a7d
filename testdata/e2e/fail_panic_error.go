// An unrecovered panic whose value is a custom error: gc prints its Error() text and exits 2.
package main

import "fmt"

type ConfigError struct {
	Key string
}

func (e *ConfigError) Error() string { return "config: missing key " + e.Key }

func load(key string) {
	panic(&ConfigError{key})
}

func main() {
	fmt.Println("loading")
	defer fmt.Println("deferred print runs before the crash")
	load("port")
}
