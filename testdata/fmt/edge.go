package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"unsafe"
)

type Base struct{ ID int }
type Emb struct {
	*Base
	Name string
}

type G[T any] struct{ V T }

type Stack[T any] []T

func main() {
	fmt.Printf("%+v %v\n", Emb{&Base{1}, "x"}.Name, Emb{nil, "y"})
	fmt.Printf("%s %x %X %q\n", [3]byte{'a', 'b', 'c'}, [3]byte{1, 2, 3}, [2]uint8{255, 0}, [2]byte{'h', 'i'})
	var err error
	fmt.Printf("%s %v %d\n", err, err, err)
	fmt.Printf("%v %T\n", G[int]{5}, G[string]{"s"})
	fmt.Printf("%#v %v\n", G[[]int]{[]int{1}}, Stack[int]{1, 2})
	var up unsafe.Pointer
	fmt.Printf("%v\n", up)
	var ch chan int
	fmt.Printf("%v %T\n", ch, ch)
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tbbb\tc")
	fmt.Fprintln(w, "aaaa\tb\tc")
	w.Flush()
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 1, "x")
	fmt.Println(sb.String(), sb.Len())
	fmt.Println(fmt.Sprintf("%v", [][2]int{{1, 2}}), fmt.Sprintf("%v", map[string][]string{"a": {"b"}}))
	fmt.Printf("%v %v\n", struct{ F func() }{nil}, []func(){nil})
	fmt.Printf("%5t|%-7v|%q\n", true, nil, "")
	fmt.Printf("%v\n", []*int{nil})
	type inner struct{ x, y int }
	type outer struct {
		in  inner
		ins []inner
		m   map[string]inner
	}
	fmt.Printf("%v %+v\n", outer{inner{1, 2}, []inner{{3, 4}}, map[string]inner{"k": {5, 6}}}, outer{})
	fmt.Printf("%#v\n", outer{inner{1, 2}, nil, nil})
	fmt.Printf("%v|%6.2v|%.0f\n", 100000000.0, "abc", 2.5)
	fmt.Printf("%08.2f|%-08.2f|%+08d\n", 3.14159, 3.14159, 42)
	fmt.Printf("%x\n", "hello world")
	fmt.Printf("% X\n", []byte("hi"))
	fmt.Printf("%#q %#v\n", "`x`", 'r')
	fmt.Printf("%v\n", [0]int{})
	fmt.Printf("%d %d\n", []uint16{1, 2}, [2]int8{-1, 1})
	fmt.Println(fmt.Sprintf("%10.4v|", 3.14159265), fmt.Sprintf("%-10d|", -5))
	fmt.Println(fmt.Sprintf("%3c|%-4q|", 'A', 'B'))
}
