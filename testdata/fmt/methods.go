package main

import (
	"fmt"
	"time"
)

type Color int

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G<%d>", g.v) }

type F struct{}

func (F) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	fmt.Fprintf(s, "F[%c %d %v %d %v %v %v]", verb, w, wok, p, pok, s.Flag('+'), s.Flag('-'))
}

type PS struct{ n int }

func (p *PS) String() string { return fmt.Sprint("PS:", p.n) }

type Panicky struct{}

func (Panicky) String() string { panic("boom") }

type NilS struct{ x int }

func (n *NilS) String() string { return fmt.Sprint(n.x) }

type Wrapper struct {
	C  Color
	Cs []Color
	M  map[Color]int
	p  Color
}

func main() {
	fmt.Println(Color(1), []Color{0, 2})
	fmt.Printf("%v %s %d %q %x\n", Color(2), Color(2), Color(2), Color(0), Color(1))
	fmt.Printf("%#v %v\n", G{3}, G{3})
	fmt.Printf("%v %+8.3x %-d\n", F{}, F{}, F{})
	fmt.Println(&PS{5}, PS{6})
	fmt.Println(Panicky{})
	var n *NilS
	fmt.Println(n)
	fmt.Printf("%v\n", Wrapper{C: 1, Cs: []Color{2}, M: map[Color]int{2: 1, 0: 5}, p: 1})
	fmt.Printf("%+v\n", Wrapper{})
	d := 1500 * time.Millisecond
	fmt.Println(d, time.Duration(0), 3*time.Hour+2*time.Minute)
	fmt.Printf("%v %s %d\n", d, d, d)
	fmt.Printf("%v\n", []time.Duration{time.Second, time.Microsecond})
	fmt.Printf("%T %T %T\n", Color(1), &PS{}, d)
}
