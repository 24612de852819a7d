// pemkeys stores an Ed25519 key pair as PEM the way a CLI key tool does:
// PKCS#8 for the private key, PKIX for the public key, and reads them back.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"log"
)

func main() {
	seed := sha256.Sum256([]byte("fixed seed for reproducible demo keys"))
	priv := ed25519.NewKeyFromSeed(seed[:])
	pub := priv.Public().(ed25519.PublicKey)
	fmt.Println("public key:", hex.EncodeToString(pub))

	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		log.Fatal(err)
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("pkcs8 DER length:", len(der), "pkix DER length:", len(pubDER))

	var bundle bytes.Buffer
	pem.Encode(&bundle, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	pem.Encode(&bundle, &pem.Block{
		Type:    "PUBLIC KEY",
		Headers: map[string]string{"Comment": "demo key", "Created-By": "pemkeys"},
		Bytes:   pubDER,
	})
	fmt.Print(bundle.String())

	// Decode all blocks from the bundle, with junk text around them.
	data := append([]byte("some preamble text\n"), bundle.Bytes()...)
	data = append(data, "trailing junk\n"...)
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		fmt.Printf("block %q headers=%v bytes=%d\n", block.Type, block.Headers, len(block.Bytes))
		switch block.Type {
		case "PRIVATE KEY":
			key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				log.Fatal(err)
			}
			k, ok := key.(ed25519.PrivateKey)
			fmt.Printf("  parsed %T ok=%v equal=%v\n", key, ok, k.Equal(priv))
		case "PUBLIC KEY":
			key, err := x509.ParsePKIXPublicKey(block.Bytes)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("  parsed %T equal=%v\n", key, pub.Equal(key))
		}
	}
	fmt.Printf("left over: %q\n", rest)

	// Sign and verify with the round-tripped key.
	msg := []byte("release v1.4.2 checksum 9f86d081884c7d65")
	sig := ed25519.Sign(priv, msg)
	fmt.Println("signature:", hex.EncodeToString(sig[:16])+"...")
	fmt.Println("verify:", ed25519.Verify(pub, msg, sig))
	msg[0] ^= 1
	fmt.Println("verify tampered:", ed25519.Verify(pub, msg, sig))

	// Error cases.
	_, err = x509.ParsePKCS8PrivateKey([]byte("garbage"))
	fmt.Println("bad pkcs8:", err != nil)
	block, _ := pem.Decode([]byte("-----BEGIN PRIVATE KEY-----\nnot base64!!\n-----END PRIVATE KEY-----\n"))
	fmt.Println("bad base64 block:", block == nil)
	fmt.Println("memory encode:", len(pem.EncodeToMemory(&pem.Block{Type: "TEST", Bytes: make([]byte, 100)})))
}
