// encodings shows the text encodings a Go developer reaches for when moving
// binary data through text channels: base64 variants, base32, hex dumps and
// ascii85.
package main

import (
	"bytes"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	data := []byte("goro?>~ binary\x00\xff\xfe data!")
	fmt.Printf("input: %q (%d bytes)\n", data, len(data))

	encs := []struct {
		name string
		enc  *base64.Encoding
	}{
		{"Std", base64.StdEncoding},
		{"URL", base64.URLEncoding},
		{"RawStd", base64.RawStdEncoding},
		{"RawURL", base64.RawURLEncoding},
	}
	for _, e := range encs {
		s := e.enc.EncodeToString(data)
		back, err := e.enc.DecodeString(s)
		fmt.Printf("base64 %-6s len=%2d %s ok=%v err=%v\n", e.name, e.enc.EncodedLen(len(data)), s, bytes.Equal(back, data), err)
	}
	for n := 0; n <= 4; n++ {
		fmt.Printf("  %d bytes -> %q / raw %q\n", n, base64.StdEncoding.EncodeToString(data[:n]), base64.RawStdEncoding.EncodeToString(data[:n]))
	}

	_, err := base64.StdEncoding.DecodeString("aGVsbG8=!")
	fmt.Println("corrupt base64:", err)
	_, err = base64.StdEncoding.Strict().DecodeString("aGVsbG9=")
	fmt.Println("strict base64:", err)

	// Streaming encoder with line wrapping done by hand.
	var sb strings.Builder
	w := base64.NewEncoder(base64.StdEncoding, &sb)
	w.Write(bytes.Repeat([]byte("0123456789"), 8))
	w.Close()
	enc := sb.String()
	for len(enc) > 0 {
		n := min(40, len(enc))
		fmt.Println("  |", enc[:n])
		enc = enc[n:]
	}
	r := base64.NewDecoder(base64.StdEncoding, strings.NewReader(sb.String()))
	decoded, _ := io.ReadAll(r)
	fmt.Println("stream decoded length:", len(decoded))

	// Base32, as used in TOTP secrets.
	secret := []byte("12345678901234567890")
	b32 := base32.StdEncoding.EncodeToString(secret)
	fmt.Println("base32:", b32)
	fmt.Println("base32 hex:", base32.HexEncoding.EncodeToString(secret))
	fmt.Println("base32 nopad:", base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("hi")))
	back32, err := base32.StdEncoding.DecodeString(b32)
	fmt.Printf("base32 back: %s %v\n", back32, err)

	// Hex.
	h := hex.EncodeToString(data[:8])
	fmt.Println("hex:", h)
	_, err = hex.DecodeString("abc")
	fmt.Println("odd hex:", err)
	_, err = hex.DecodeString("zz")
	fmt.Println("bad hex:", err)
	fmt.Print(hex.Dump(data))
	dumper := hex.Dumper(os.Stdout)
	dumper.Write([]byte("split "))
	dumper.Write([]byte("across writes"))
	dumper.Close()

	// Ascii85.
	a85 := make([]byte, ascii85.MaxEncodedLen(len(data)))
	n := ascii85.Encode(a85, data)
	fmt.Printf("ascii85: %s\n", a85[:n])
	dst := make([]byte, len(data)+4)
	ndst, nsrc, err := ascii85.Decode(dst, a85[:n], true)
	fmt.Printf("ascii85 back: ndst=%d nsrc=%d ok=%v err=%v\n", ndst, nsrc, bytes.Equal(dst[:ndst], data), err)
	zeros := make([]byte, ascii85.MaxEncodedLen(8))
	nz := ascii85.Encode(zeros, make([]byte, 8))
	fmt.Printf("ascii85 zeros: %s\n", zeros[:nz])
}
