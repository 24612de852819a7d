// hashes computes checksums and MACs over fixed inputs, the way a tool that
// verifies downloads or signs webhook payloads would.
package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strings"
)

type namedHash struct {
	name string
	new  func() hash.Hash
}

func digest(h hash.Hash, data string) string {
	h.Reset()
	io.WriteString(h, data)
	return hex.EncodeToString(h.Sum(nil))
}

func signWebhook(secret []byte, body string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func verifyWebhook(secret []byte, body, sigHex string) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(body))
	return hmac.Equal(sig, mac.Sum(nil))
}

func main() {
	algos := []namedHash{
		{"md5", md5.New},
		{"sha1", sha1.New},
		{"sha224", sha256.New224},
		{"sha256", sha256.New},
		{"sha384", sha512.New384},
		{"sha512", sha512.New},
		{"sha512/256", sha512.New512_256},
	}
	inputs := []string{"", "abc", "The quick brown fox jumps over the lazy dog"}
	for _, in := range inputs {
		fmt.Printf("input %q\n", in)
		for _, a := range algos {
			h := a.new()
			fmt.Printf("  %-10s size=%2d block=%3d %s\n", a.name, h.Size(), h.BlockSize(), digest(h, in))
		}
	}

	// One-shot helpers return arrays.
	sum := sha256.Sum256([]byte("abc"))
	fmt.Printf("Sum256 array: %x\n", sum[:8])
	fmt.Printf("md5.Sum: %x\n", md5.Sum([]byte("hello")))
	fmt.Printf("sha1.Sum: %X\n", sha1.Sum([]byte("hello")))

	// Streaming a large input in chunks gives the same digest as one write.
	big := strings.Repeat("0123456789", 10000)
	h := sha256.New()
	for i := 0; i < len(big); i += 777 {
		end := min(i+777, len(big))
		h.Write([]byte(big[i:end]))
	}
	chunked := hex.EncodeToString(h.Sum(nil))
	whole := sha256.Sum256([]byte(big))
	fmt.Println("chunked == whole:", chunked == hex.EncodeToString(whole[:]))
	fmt.Println("100KB sha256:", chunked)

	// Webhook signatures.
	secret := []byte("whsec_test_123")
	body := `{"event":"payment.succeeded","amount":4200}`
	sig := signWebhook(secret, body)
	fmt.Println("hmac-sha256:", sig)
	fmt.Println("valid:", verifyWebhook(secret, body, sig))
	fmt.Println("tampered body:", verifyWebhook(secret, body+" ", sig))
	fmt.Println("wrong secret:", verifyWebhook([]byte("other"), body, sig))
	fmt.Println("bad hex:", verifyWebhook(secret, body, "zz"))

	mac512 := hmac.New(sha512.New, []byte("key"))
	mac512.Write([]byte("The quick brown fox jumps over the lazy dog"))
	fmt.Printf("hmac-sha512: %x\n", mac512.Sum(nil))
	macMD5 := hmac.New(md5.New, []byte("key"))
	macMD5.Write([]byte("The quick brown fox jumps over the lazy dog"))
	fmt.Printf("hmac-md5: %x\n", macMD5.Sum(nil))
}
