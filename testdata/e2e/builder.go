// strings.Builder (natives over a host buffer in goro): every method, capacities after Grow and
// appends (as gc's), a Builder inside a struct and behind io.Writer, copies by value (reading a
// copy works, writing through one panics), Reset, and Grow's panic on a negative count.
package main

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

type doc struct {
	title string
	body  strings.Builder
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	n, err := b.WriteString("héllo")
	fmt.Println(n, err, b.Len(), b.Cap())
	b.WriteByte(' ')
	n, _ = b.WriteRune('世')
	fmt.Println(n, b.Len())
	n, _ = b.WriteRune(-1)
	fmt.Println(n, b.Len())
	n, _ = b.Write([]byte{'!', '?'})
	fmt.Println(n, b.String(), b.Len(), b.Cap())
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap())
	b.Grow(10)
	fmt.Println(b.Len(), b.Cap())
	for i := 0; i < 40; i++ {
		b.WriteString("0123456789")
	}
	fmt.Println(b.Len(), b.Cap())

	var d doc
	d.title = "t"
	fmt.Fprintf(&d.body, "%s=%d;", "x", 42)
	var w io.Writer = &d.body
	io.WriteString(w, "more")
	fmt.Println(d.body.String())

	c := b // a copy: reading is fine, writing panics
	fmt.Println(c.Len() == b.Len(), c.String() == b.String())
	b.WriteString("!")
	fmt.Println(c.Len()+1 == b.Len())
	try("copy write", func() { c.WriteString("x") })
	try("copy byte", func() { c.WriteByte('x') })
	try("copy grow", func() { c.Grow(1) })
	try("negative grow", func() { b.Grow(-1) })
	var zero strings.Builder
	z := zero // copying a zero Builder is allowed
	z.WriteString("ok")
	fmt.Println(z.String())

	b.Reset()
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	b.WriteString("again")
	fmt.Println(b.String())
	s := strings.Repeat("ab", 3) + strings.Join([]string{"x", "y"}, ",")
	fmt.Println(s)
	var nb *strings.Builder
	try("nil", func() { nb.WriteString("x") })

	// Reflection (and fmt's %v) read a Builder's fields as gc lays them out.
	var rb strings.Builder
	rb.WriteString("hi")
	f := reflect.ValueOf(&rb).Elem().Field(1)
	fmt.Println(f.Len(), f.Index(0).Uint(), fmt.Sprintf("%v", f), f.CanAddr(), f.CanSet())
	fmt.Println(reflect.ValueOf(rb).Field(1).Len())
}
