// File deadlines: a pipe's read ends with os.ErrDeadlineExceeded once its
// deadline passes (no writer: it always does), a regular file has none.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	fmt.Println(r.SetReadDeadline(time.Now().Add(20 * time.Millisecond)))
	buf := make([]byte, 8)
	n, err := r.Read(buf)
	fmt.Println(n, err != nil, errors.Is(err, os.ErrDeadlineExceeded), os.IsTimeout(err))
	// Cleared, the read waits for the writer.
	fmt.Println(r.SetDeadline(time.Time{}))
	w.Write([]byte("hi"))
	n, err = r.Read(buf)
	fmt.Println(string(buf[:n]), err)
	r.Close()
	w.Close()

	f, err := os.CreateTemp("", "deadline")
	if err != nil {
		panic(err)
	}
	defer os.Remove(f.Name())
	err = f.SetWriteDeadline(time.Now())
	fmt.Println(err, errors.Is(err, os.ErrNoDeadline))
	f.Close()
	err = f.SetDeadline(time.Now())
	fmt.Println(errors.Is(err, os.ErrClosed))
}
