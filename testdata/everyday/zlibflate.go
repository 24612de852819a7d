// zlibflate compares compression levels of zlib, raw flate and lzw on a few
// typical payloads and checks that every round trip is lossless.
package main

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"fmt"
	"io"
	"log"
	"math/rand"
	"strings"
)

func payloads() []struct {
	name string
	data []byte
} {
	r := rand.New(rand.NewSource(7))
	random := make([]byte, 4096)
	r.Read(random)
	var js strings.Builder
	js.WriteString("[")
	for i := 0; i < 120; i++ {
		if i > 0 {
			js.WriteString(",")
		}
		fmt.Fprintf(&js, `{"id":%d,"name":"user%d","active":%v}`, i, i%17, i%3 == 0)
	}
	js.WriteString("]")
	return []struct {
		name string
		data []byte
	}{
		{"json", []byte(js.String())},
		{"text", []byte(strings.Repeat("the quick brown fox jumps over the lazy dog. ", 100))},
		{"random", random},
		{"zeros", make([]byte, 10000)},
	}
}

func zlibRound(data []byte, level int) (int, bool) {
	var buf bytes.Buffer
	w, err := zlib.NewWriterLevel(&buf, level)
	if err != nil {
		log.Fatal(err)
	}
	w.Write(data)
	w.Close()
	n := buf.Len()
	r, err := zlib.NewReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		log.Fatal(err)
	}
	return n, bytes.Equal(out, data)
}

func flateRound(data []byte, level int) (int, bool) {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, level)
	if err != nil {
		log.Fatal(err)
	}
	w.Write(data)
	w.Close()
	n := buf.Len()
	out, err := io.ReadAll(flate.NewReader(&buf))
	if err != nil {
		log.Fatal(err)
	}
	return n, bytes.Equal(out, data)
}

func lzwRound(data []byte) (int, bool) {
	var buf bytes.Buffer
	w := lzw.NewWriter(&buf, lzw.LSB, 8)
	w.Write(data)
	w.Close()
	n := buf.Len()
	r := lzw.NewReader(&buf, lzw.LSB, 8)
	out, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		log.Fatal(err)
	}
	return n, bytes.Equal(out, data)
}

func main() {
	levels := []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, 5, flate.BestCompression}
	fmt.Printf("%-7s %6s |", "payload", "size")
	for _, l := range levels {
		fmt.Printf(" zlib%-3d", l)
	}
	fmt.Printf("| %7s %7s\n", "flate9", "lzw")
	for _, p := range payloads() {
		fmt.Printf("%-7s %6d |", p.name, len(p.data))
		allOK := true
		for _, l := range levels {
			n, ok := zlibRound(p.data, l)
			allOK = allOK && ok
			fmt.Printf(" %7d", n)
		}
		fn, ok1 := flateRound(p.data, flate.BestCompression)
		ln, ok2 := lzwRound(p.data)
		fmt.Printf("| %7d %7d  roundtrip=%v\n", fn, ln, allOK && ok1 && ok2)
	}

	// A preset dictionary helps on short, repetitive messages.
	dict := []byte(`{"id":,"name":"user","active":true false}`)
	msg := []byte(`{"id":42,"name":"user7","active":true}`)
	var plain, withDict bytes.Buffer
	w, _ := zlib.NewWriterLevel(&plain, zlib.BestCompression)
	w.Write(msg)
	w.Close()
	w2, _ := zlib.NewWriterLevelDict(&withDict, zlib.BestCompression, dict)
	w2.Write(msg)
	w2.Close()
	fmt.Printf("dict: message %d bytes, plain %d, with dict %d\n", len(msg), plain.Len(), withDict.Len())
	_, err := zlib.NewReader(bytes.NewReader(withDict.Bytes()))
	fmt.Println("read without dict:", err)
	r, err := zlib.NewReaderDict(bytes.NewReader(withDict.Bytes()), dict)
	if err != nil {
		log.Fatal(err)
	}
	out, _ := io.ReadAll(r)
	fmt.Printf("read with dict: %s\n", out)

	_, err = flate.NewWriter(io.Discard, 11)
	fmt.Println("bad level:", err)
	_, err = io.ReadAll(flate.NewReader(strings.NewReader("\xff\xff\xff garbage")))
	fmt.Println("bad flate:", err)
}
