// crypto/rand reads from goro's seeded source: lengths and distinct draws.
package main

import (
	"crypto/rand"
	"fmt"
)

func main() {
	a, b := make([]byte, 16), make([]byte, 16)
	rand.Read(a)
	rand.Read(b)
	fmt.Println(len(a), string(a) != string(b))
	fmt.Println(len(rand.Text()))
}
