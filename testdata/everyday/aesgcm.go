// aesgcm encrypts records with AES-GCM (authenticated) and AES-CTR using a
// fixed key and nonces so the ciphertexts are reproducible.
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"
	"fmt"
	"log"
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// sealRecord prepends the nonce to the ciphertext, a common storage format.
func sealRecord(aead cipher.AEAD, nonce, plaintext, aad []byte) []byte {
	out := append([]byte{}, nonce...)
	return aead.Seal(out, nonce, plaintext, aad)
}

func openRecord(aead cipher.AEAD, record, aad []byte) ([]byte, error) {
	ns := aead.NonceSize()
	if len(record) < ns {
		return nil, fmt.Errorf("record too short: %d bytes", len(record))
	}
	return aead.Open(nil, record[:ns], record[ns:], aad)
}

func main() {
	key128 := mustHex("000102030405060708090a0b0c0d0e0f")
	key256 := mustHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")

	for _, key := range [][]byte{key128, key256} {
		block, err := aes.NewCipher(key)
		if err != nil {
			log.Fatal(err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("AES-%d-GCM nonce=%d overhead=%d\n", len(key)*8, aead.NonceSize(), aead.Overhead())

		messages := []string{"", "hello", "attack at dawn; bring the long ladder"}
		for i, msg := range messages {
			nonce := make([]byte, aead.NonceSize())
			nonce[len(nonce)-1] = byte(i + 1)
			aad := []byte(fmt.Sprintf("record-%d", i))
			rec := sealRecord(aead, nonce, []byte(msg), aad)
			fmt.Printf("  seal %-40q -> %s\n", msg, hex.EncodeToString(rec))
			pt, err := openRecord(aead, rec, aad)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("  open ok=%v\n", bytes.Equal(pt, []byte(msg)))
			if len(rec) > 0 {
				bad := bytes.Clone(rec)
				bad[len(bad)-1] ^= 0x01
				_, err = openRecord(aead, bad, aad)
				fmt.Printf("  tampered tag: %v\n", err)
			}
			_, err = openRecord(aead, rec, []byte("wrong aad"))
			fmt.Printf("  wrong aad: %v\n", err)
		}
	}

	if _, err := aes.NewCipher([]byte("short")); err != nil {
		fmt.Println("bad key:", err)
	}

	// Single-block ECB-style operation (the raw block cipher), FIPS-197 vector.
	block, _ := aes.NewCipher(key128)
	out := make([]byte, aes.BlockSize)
	block.Encrypt(out, mustHex("00112233445566778899aabbccddeeff"))
	fmt.Println("AES-128 block:", hex.EncodeToString(out))
	back := make([]byte, aes.BlockSize)
	block.Decrypt(back, out)
	fmt.Println("decrypted block:", hex.EncodeToString(back))

	// CTR mode: stream cipher, same operation encrypts and decrypts.
	iv := mustHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
	block256, _ := aes.NewCipher(key256)
	plain := []byte("CTR mode handles any length, no padding needed!")
	ct := make([]byte, len(plain))
	cipher.NewCTR(block256, iv).XORKeyStream(ct, plain)
	fmt.Println("CTR ciphertext:", hex.EncodeToString(ct))

	// Decrypt in uneven pieces with a fresh stream.
	stream := cipher.NewCTR(block256, iv)
	dec := make([]byte, len(ct))
	for i := 0; i < len(ct); i += 7 {
		end := min(i+7, len(ct))
		stream.XORKeyStream(dec[i:end], ct[i:end])
	}
	fmt.Printf("CTR decrypted: %s\n", dec)

	// NewGCMWithNonceSize for legacy 16-byte nonces.
	g16, err := cipher.NewGCMWithNonceSize(block, 16)
	if err != nil {
		log.Fatal(err)
	}
	n16 := make([]byte, 16)
	sealed := g16.Seal(nil, n16, []byte("legacy"), nil)
	fmt.Println("GCM-16 nonce:", hex.EncodeToString(sealed))
}
