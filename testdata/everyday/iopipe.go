// iopipe streams records from a producer goroutine to a consumer through an
// io.Pipe, hashing and copying along the way with the io helpers.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"strings"
)

type record struct {
	ID    int
	Name  string
	Score int
}

func produce(w *io.PipeWriter, n int) {
	bw := bufio.NewWriter(w)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(bw, "%d,%s,%d\n", i, []string{"ann", "ben", "cat", "dan"}[i%4], (i*31)%100)
	}
	if err := bw.Flush(); err != nil {
		w.CloseWithError(err)
		return
	}
	w.Close()
}

func main() {
	pr, pw := io.Pipe()
	go produce(pw, 12)

	// Everything read from the pipe is also hashed and kept as a raw copy.
	hasher := sha256.New()
	var raw bytes.Buffer
	tee := io.TeeReader(pr, io.MultiWriter(hasher, &raw))

	sc := bufio.NewScanner(tee)
	var recs []record
	for sc.Scan() {
		var r record
		parts := strings.Split(sc.Text(), ",")
		fmt.Sscan(parts[0], &r.ID)
		r.Name = parts[1]
		fmt.Sscan(parts[2], &r.Score)
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	total := 0
	best := recs[0]
	for _, r := range recs {
		total += r.Score
		if r.Score > best.Score {
			best = r
		}
	}
	fmt.Printf("records=%d total=%d best=%+v\n", len(recs), total, best)
	fmt.Printf("raw bytes=%d sha256=%x\n", raw.Len(), hasher.Sum(nil)[:8])

	// LimitReader: only the first 40 bytes.
	head, _ := io.ReadAll(io.LimitReader(bytes.NewReader(raw.Bytes()), 40))
	fmt.Printf("first 40 bytes: %q\n", head)

	// SectionReader: random access into a window of the data.
	sec := io.NewSectionReader(bytes.NewReader(raw.Bytes()), 10, 30)
	fmt.Println("section size:", sec.Size())
	p := make([]byte, 8)
	n, err := sec.ReadAt(p, 4)
	fmt.Printf("section ReadAt(4): %q err=%v\n", p[:n], err)
	n, err = sec.ReadAt(p, 26)
	fmt.Printf("section ReadAt(26): %q err=%v\n", p[:n], err)
	var out bytes.Buffer
	copied, err := io.Copy(&out, sec)
	fmt.Printf("copied %d bytes from section: %q err=%v\n", copied, out.String(), err)

	// A pipe whose writer fails: the reader sees the error.
	pr2, pw2 := io.Pipe()
	go func() {
		pw2.Write([]byte("partial data"))
		pw2.CloseWithError(fmt.Errorf("upstream disconnected"))
	}()
	got, err := io.ReadAll(pr2)
	fmt.Printf("failed pipe: %q err=%v\n", got, err)

	// Closing the reader makes the writer fail.
	pr3, pw3 := io.Pipe()
	pr3.Close()
	_, err = pw3.Write([]byte("x"))
	fmt.Println("write to closed pipe:", err)

	// Concatenate readers and copy with a small buffer.
	mr := io.MultiReader(strings.NewReader("header\n"), bytes.NewReader(head), strings.NewReader("\nfooter\n"))
	var joined bytes.Buffer
	nn, _ := io.CopyBuffer(&joined, mr, make([]byte, 5))
	fmt.Printf("multireader copied %d bytes, %d lines\n", nn, strings.Count(joined.String(), "\n"))

	// io.ReadAtLeast and io.ReadFull error cases.
	small := make([]byte, 10)
	_, err = io.ReadFull(strings.NewReader("short"), small)
	fmt.Println("ReadFull short:", err)
	_, err = io.ReadAtLeast(strings.NewReader("abc"), small, 20)
	fmt.Println("ReadAtLeast bad buffer:", err)
	_, err = io.ReadFull(strings.NewReader(""), small)
	fmt.Println("ReadFull empty:", err)

	// Pipe with several concurrent writers: writes are serialized whole.
	pr4, pw4 := io.Pipe()
	done := make(chan bool)
	go func() {
		data, _ := io.ReadAll(pr4)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		counts := map[string]int{}
		for _, l := range lines {
			counts[l]++
		}
		fmt.Printf("writers: %d lines, A=%d B=%d C=%d\n", len(lines), counts["AAAA"], counts["BBBB"], counts["CCCC"])
		done <- true
	}()
	finished := make(chan bool)
	for _, s := range []string{"AAAA\n", "BBBB\n", "CCCC\n"} {
		go func() {
			for i := 0; i < 5; i++ {
				pw4.Write([]byte(s))
			}
			finished <- true
		}()
	}
	for i := 0; i < 3; i++ {
		<-finished
	}
	pw4.Close()
	<-done
}
