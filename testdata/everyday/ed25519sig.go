// ed25519sig signs release manifests with Ed25519 keys derived from fixed
// seeds, verifies them, and shows that tampering is detected.
package main

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log"
)

type release struct {
	name     string
	manifest []byte
}

func seedFrom(label string) []byte {
	sum := sha512.Sum512([]byte(label))
	return sum[:ed25519.SeedSize]
}

func main() {
	fmt.Println("sizes: seed", ed25519.SeedSize, "public", ed25519.PublicKeySize,
		"private", ed25519.PrivateKeySize, "signature", ed25519.SignatureSize)

	// RFC 8032 test vector 1.
	seed, _ := hex.DecodeString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	fmt.Println("rfc8032 public:", hex.EncodeToString(pub))
	sig := ed25519.Sign(priv, nil)
	fmt.Println("rfc8032 sig(empty):", hex.EncodeToString(sig))
	fmt.Println("seed round trip:", bytes.Equal(priv.Seed(), seed))

	releaseKey := ed25519.NewKeyFromSeed(seedFrom("release-signing-key-v1"))
	releasePub := releaseKey.Public().(ed25519.PublicKey)
	fmt.Println("release key id:", base64.RawURLEncoding.EncodeToString(releasePub[:12]))

	releases := []release{
		{"v1.0.0", []byte("sha256 3f2a... goro-linux-amd64\nsha256 91bc... goro-darwin-arm64\n")},
		{"v1.1.0", []byte("sha256 77de... goro-linux-amd64\n")},
		{"v2.0.0-rc1", []byte("")},
	}
	sigs := make(map[string][]byte)
	for _, r := range releases {
		s := ed25519.Sign(releaseKey, r.manifest)
		sigs[r.name] = s
		fmt.Printf("%-11s sig=%s...\n", r.name, base64.StdEncoding.EncodeToString(s)[:32])
	}

	for _, r := range releases {
		fmt.Printf("%-11s verify=%v\n", r.name, ed25519.Verify(releasePub, r.manifest, sigs[r.name]))
	}

	// Tamper checks.
	tampered := bytes.Clone(releases[0].manifest)
	tampered[7] = 'X'
	fmt.Println("tampered manifest:", ed25519.Verify(releasePub, tampered, sigs["v1.0.0"]))
	badSig := bytes.Clone(sigs["v1.1.0"])
	badSig[0] ^= 0x80
	fmt.Println("flipped sig bit:", ed25519.Verify(releasePub, releases[1].manifest, badSig))
	fmt.Println("swapped sigs:", ed25519.Verify(releasePub, releases[0].manifest, sigs["v1.1.0"]))
	otherPub := ed25519.NewKeyFromSeed(seedFrom("attacker")).Public().(ed25519.PublicKey)
	fmt.Println("wrong key:", ed25519.Verify(otherPub, releases[0].manifest, sigs["v1.0.0"]))
	fmt.Println("short sig:", ed25519.Verify(releasePub, releases[0].manifest, sigs["v1.0.0"][:10]))

	// Deterministic: signing twice gives the same bytes.
	again := ed25519.Sign(releaseKey, releases[0].manifest)
	fmt.Println("deterministic:", bytes.Equal(again, sigs["v1.0.0"]))

	// Ed25519ph via crypto.Signer options, and context strings.
	digest := sha512.Sum512(releases[0].manifest)
	phSig, err := releaseKey.Sign(nil, digest[:], &ed25519.Options{Hash: crypto.SHA512})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ed25519ph sig:", hex.EncodeToString(phSig[:16]))
	err = ed25519.VerifyWithOptions(releasePub, digest[:], phSig, &ed25519.Options{Hash: crypto.SHA512})
	fmt.Println("ed25519ph verify:", err)
	ctxOpts := &ed25519.Options{Context: "goro-release"}
	ctxSig, _ := releaseKey.Sign(nil, releases[1].manifest, ctxOpts)
	fmt.Println("ctx verify:", ed25519.VerifyWithOptions(releasePub, releases[1].manifest, ctxSig, ctxOpts))
	err = ed25519.VerifyWithOptions(releasePub, releases[1].manifest, ctxSig, &ed25519.Options{Context: "other"})
	fmt.Println("ctx mismatch:", err)

	fmt.Println("public equal:", releasePub.Equal(releaseKey.Public()), otherPub.Equal(releasePub))
}
