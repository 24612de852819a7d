// math/rand/v2's ChaCha8: the same stream as gc's for a seed.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	var seed [32]byte
	copy(seed[:], "goro chacha8 seed for the test!!")
	r := rand.New(rand.NewChaCha8(seed))
	for range 3 {
		fmt.Println(r.Uint64(), r.IntN(1000))
	}
	c := rand.NewChaCha8(seed)
	buf := make([]byte, 40)
	c.Read(buf)
	fmt.Printf("%x\n", buf)
}
