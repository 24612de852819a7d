// With one P, a goroutine blocked reading a pipe (a FIFO opened read-write,
// so that opening does not block) must not stop the others: the one that
// writes to it runs only if the reader's M gave up its P.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	f, err := os.OpenFile(os.Args[1], os.O_RDWR, 0)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	go func() {
		for i := 0; i < 1000; i++ {
			runtime.Gosched()
		}
		w, err := os.OpenFile(os.Args[1], os.O_WRONLY, 0)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		w.Write([]byte("x"))
	}()
	buf := make([]byte, 1)
	n, err := f.Read(buf)
	fmt.Println(n, err, string(buf))
}
