// osrawconn: (*os.File).SyscallConn's Control, Read and Write, on a pipe
// and on a regular file (whose wait fails, as gc's).
package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	rc, err := w.SyscallConn()
	fmt.Println(err)
	var wfd uintptr
	fmt.Println(rc.Control(func(fd uintptr) { wfd = fd }), wfd > 2)
	err = rc.Write(func(fd uintptr) bool {
		_, err := syscall.Write(int(fd), []byte("raw"))
		return err != syscall.EAGAIN
	})
	fmt.Println(err)
	rr, _ := r.SyscallConn()
	buf := make([]byte, 10)
	var n int
	err = rr.Read(func(fd uintptr) bool {
		n, err = syscall.Read(int(fd), buf)
		return err != syscall.EAGAIN
	})
	fmt.Println(string(buf[:n]), err)
	f, _ := os.CreateTemp("", "raw")
	defer os.Remove(f.Name())
	fr, _ := f.SyscallConn()
	calls := 0
	err = fr.Read(func(fd uintptr) bool { calls++; return false })
	fmt.Println(calls, err)
}
