// Methods: value and pointer receivers, method values and expressions, embedding and promotion.
package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Get() int       { return c.n }
func (c Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type Animal struct{ Name string }

func (a Animal) Speak() string    { return a.Name + " makes a sound" }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Speak() string { return d.Name + " barks" }

type Logger struct {
	*strings.Builder
	prefix string
}

func (l Logger) Log(s string) { l.WriteString(l.prefix + s + "\n") }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c.Get(), c)
	inc := c.Inc // method value binds &c
	inc()
	inc()
	fmt.Println(c.n)
	get := c.Get // method value copies c now
	c.Inc()
	fmt.Println(get(), c.Get())
	fget := Counter.Get
	finc := (*Counter).Inc
	finc(&c)
	fmt.Println(fget(c))

	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Speak())
	fmt.Println(d.Animal.Speak())
	d.Rename("Max")
	fmt.Println(d.Name, d.Animal.Name)

	l := Logger{&strings.Builder{}, "> "}
	l.Log("one")
	l.Log("two")
	fmt.Print(l.String())

	fmt.Println(Celsius(100).F(), Celsius(-40).F())
	fs := []func() string{d.Speak, d.Animal.Speak}
	d.Name = "changed"
	for _, f := range fs {
		fmt.Println(f())
	}
	var s fmt.Stringer = &c
	fmt.Println(s.String())
}
