// crypto/rand and P-256 (nistec's precomputed table, constanttime's intrinsic): ECDH and elliptic as gc computes them.
package main

import (
	"crypto/ecdh"
	"crypto/elliptic"
	"crypto/sha256"
	"fmt"
	"math/big"
)

func main() {
	// A deterministic key: scalar multiples of the generator.
	k := make([]byte, 32)
	k[31] = 7
	priv, err := ecdh.P256().NewPrivateKey(k)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%x\n", priv.PublicKey().Bytes())
	x, y := elliptic.P256().ScalarBaseMult(new(big.Int).SetInt64(123456789).Bytes())
	fmt.Println(x, y)
	h := sha256.Sum256(priv.PublicKey().Bytes())
	fmt.Printf("%x\n", h)
}
