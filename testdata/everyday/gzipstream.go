// gzipstream compresses log chunks with gzip, including header metadata,
// and reads them back both as one multistream and member by member.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"log"
	"strings"
	"time"
)

func compress(name, comment string, body string, level int) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		log.Fatal(err)
	}
	zw.Name = name
	zw.Comment = comment
	zw.ModTime = time.Date(2022, 6, 1, 8, 0, 0, 0, time.UTC)
	zw.OS = 3 // Unix
	if _, err := zw.Write([]byte(body)); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

func main() {
	var chunks []string
	for day := 1; day <= 3; day++ {
		var sb strings.Builder
		for i := 0; i < 20*day; i++ {
			fmt.Fprintf(&sb, "2022-06-%02d INFO request %d served in %dms\n", day, i, (i*37)%101)
		}
		chunks = append(chunks, sb.String())
	}

	var multi bytes.Buffer
	for i, c := range chunks {
		level := []int{gzip.BestSpeed, gzip.DefaultCompression, gzip.BestCompression}[i]
		gz := compress(fmt.Sprintf("app-%d.log", i+1), fmt.Sprintf("day %d", i+1), c, level)
		fmt.Printf("chunk %d: %5d bytes -> %4d bytes (level %d)\n", i+1, len(c), len(gz), level)
		multi.Write(gz)
	}
	fmt.Printf("multistream total: %d bytes\n", multi.Len())

	// Read all members as one stream.
	zr, err := gzip.NewReader(bytes.NewReader(multi.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("first header: name=%q comment=%q mtime=%s os=%d\n",
		zr.Name, zr.Comment, zr.ModTime.UTC().Format(time.RFC3339), zr.OS)
	all, err := io.ReadAll(zr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("concatenated: %d bytes, %d lines, equal=%v\n",
		len(all), strings.Count(string(all), "\n"), string(all) == strings.Join(chunks, ""))

	// Read member by member with Multistream(false).
	br := bytes.NewReader(multi.Bytes())
	zr, err = gzip.NewReader(br)
	if err != nil {
		log.Fatal(err)
	}
	for n := 1; ; n++ {
		zr.Multistream(false)
		body, err := io.ReadAll(zr)
		if err != nil {
			log.Fatal(err)
		}
		last := strings.TrimSpace(string(body))
		last = last[strings.LastIndex(last, "\n")+1:]
		fmt.Printf("member %d: name=%s comment=%q lines=%d last=%q\n",
			n, zr.Name, zr.Comment, strings.Count(string(body), "\n"), last)
		err = zr.Reset(br)
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
	}

	// Corrupt a byte in the payload and watch the checksum fail.
	bad := compress("x", "", chunks[0], gzip.DefaultCompression)
	bad[len(bad)-6] ^= 0xff
	zr, err = gzip.NewReader(bytes.NewReader(bad))
	if err == nil {
		_, err = io.ReadAll(zr)
	}
	fmt.Println("corrupted:", err)

	_, err = gzip.NewReader(strings.NewReader("plain text"))
	fmt.Println("not gzip:", err)

	_, err = gzip.NewWriterLevel(io.Discard, 42)
	fmt.Println("bad level:", err)
}
