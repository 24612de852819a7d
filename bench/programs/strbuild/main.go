// Strbuild: building strings with strings.Builder (WriteString, WriteByte, strconv.AppendInt)
// and with += concatenation — measures string and byte-slice handling. Usage: strbuild [pieces]
// (default 1000000 Builder pieces; += concatenation uses pieces/50, since it is quadratic).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// hash is FNV-1a over the bytes of s.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: strbuild [pieces]")
			os.Exit(2)
		}
		n = v
	}
	var b strings.Builder
	var num []byte
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			b.WriteString("abc")
		case 1:
			num = strconv.AppendInt(num[:0], int64(i), 10)
			b.Write(num)
		default:
			b.WriteByte(byte('a' + i%26))
		}
	}
	s := b.String()
	fmt.Printf("builder: pieces %d len %d hash %d\n", n, len(s), hash(s))

	c := ""
	m := n / 50
	for i := 0; i < m; i++ {
		c += "x" + strconv.Itoa(i%10)
	}
	fmt.Printf("concat: pieces %d len %d hash %d fields %d\n", m, len(c), hash(c), strings.Count(c, "x9"))
}
