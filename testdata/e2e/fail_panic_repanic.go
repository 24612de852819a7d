// A panic recovered and then re-panicked with the same value, then a different value.
package main

import (
	"errors"
	"fmt"
)

func inner() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(r) // re-panic with the same value
	}()
	panic(errors.New("original failure"))
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered again:", r)
		panic(fmt.Sprint("giving up after: ", r))
	}()
	inner()
}
