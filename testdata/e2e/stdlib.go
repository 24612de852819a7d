// Everyday library use: log, bufio, sort, time.Date and formatting, runtime.Stack and Caller.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"
)

func main() {
	log.SetFlags(0)
	log.Println("hello", 42)
	log.Printf("%v", errors.New("x"))
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %d\n", 7)
	w.Flush()
	s := []string{"b", "a", "c"}
	sort.Strings(s)
	fmt.Println(strings.Join(s, ","), time.Duration(1500)*time.Millisecond)
	buf := make([]byte, 1024)
	n := runtime.Stack(buf, false)
	fmt.Println(strings.Contains(string(buf[:n]), "main.main"))
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(strings.HasSuffix(file, "stdlib.go"), line, ok)
	t := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	fmt.Println(t.Year(), t.Format(time.RFC3339))
	sc := bufio.NewScanner(strings.NewReader("a b\nc"))
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
}
