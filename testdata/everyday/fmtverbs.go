// fmtverbs is a tour of fmt: the common verbs, flags, widths and precisions,
// custom Stringer/GoStringer/Formatter types, and scanning with Sscanf.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type Point struct {
	X, Y int
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Secret string

func (s Secret) String() string   { return "******" }
func (s Secret) GoString() string { return `Secret("redacted")` }

// Money implements fmt.Formatter to support %v, %s, %d and a '+' flag.
type Money struct {
	Cents    int64
	Currency string
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'd':
		fmt.Fprintf(f, "%d", m.Cents)
	case 'v', 's':
		sign := ""
		if f.Flag('+') && m.Cents >= 0 {
			sign = "+"
		}
		s := fmt.Sprintf("%s%d.%02d %s", sign, m.Cents/100, abs(m.Cents%100), m.Currency)
		if w, ok := f.Width(); ok && len(s) < w {
			pad := strings.Repeat(" ", w-len(s))
			if f.Flag('-') {
				s += pad
			} else {
				s = pad + s
			}
		}
		f.Write([]byte(s))
	default:
		fmt.Fprintf(f, "%%!%c(Money=%d)", verb, m.Cents)
	}
}

func abs(n int64) int64 { return max(n, -n) }

type Inventory struct {
	Name  string
	Tags  []string
	Price *Money
	Temp  Celsius
	meta  map[string]int
}

func main() {
	p := Point{3, -4}
	fmt.Printf("%%v=%v %%+v=%+v %%#v=%#v %%T=%T\n", p, p, p, p)
	pp := &p
	fmt.Printf("pointer: %v %+v\n", pp, pp)

	inv := Inventory{Name: "kettle", Tags: []string{"kitchen", "steel"}, Price: &Money{2599, "EUR"}, Temp: 98.6, meta: map[string]int{"b": 2, "a": 1}}
	fmt.Printf("%v\n%+v\n", inv, inv)
	fmt.Printf("%#v\n", inv.Tags)
	fmt.Printf("%#v %#v\n", map[string]int{"z": 26, "a": 1}, []any{1, "x", nil, 2.5})

	// Strings and quoting.
	fmt.Printf("[%s] [%q] [%x] [% X] [%10s] [%-10s] [%.3s] [%+q]\n", "héllo", "héllo", "hi", "hi", "right", "left", "truncate", "héllo")
	fmt.Printf("[%c] [%U] [%#U] [%q] [%d]\n", 'G', 'é', '⌘', 'x', 'A')

	// Integers.
	n := 255
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%+d] [%x] [%X] [%#x] [%o] [%O] [%b] [%#b]\n", n, n, n, n, n, n, n, n, n, n, n, n)
	fmt.Printf("[%*d] [%-*d] [%.*f]\n", 6, 42, 6, 42, 2, 3.14159)
	fmt.Printf("[%x] [% x] [%08b]\n", -255, []byte{1, 171, 255}, byte(5))

	// Floats.
	f := 1234.5678
	fmt.Printf("[%f] [%.2f] [%08.3f] [%-12.1f] [%+.1e] [%E] [%g] [%G] [%10.4g]\n", f, f, f, f, f, f, f, 1e-7, f)
	fmt.Printf("[%v] [%v] [%.3v] [%x]\n", 1e21, 100.0, 3.14159, 1.0)
	fmt.Printf("[%v] [%.2f] [%8.3v]\n", complex(1.5, -2), complex(0.25, 4), 2+3i)

	// Booleans, pointers to nil, errors, and bad verbs.
	var nilMap map[string]int
	var nilPtr *Point
	fmt.Printf("[%t] [%v] [%v] [%v] [%d]\n", true, nilMap, nilPtr, nil, []int(nil))
	// Mistakes fmt reports inline instead of panicking.
	mistakes := []struct {
		format string
		args   []any
	}{
		{"[%d] [%s] [%!] [%z]", []any{"str", 42, 1}},
		{"[%d %d]", []any{1}},
		{"[%d]", []any{1, 2}},
		{"[%.2s]", []any{[]string{"abc", "de"}}},
	}
	for _, m := range mistakes {
		fmt.Printf(m.format, m.args...)
		fmt.Println()
	}
	fmt.Println(fmt.Errorf("wrapped: %w", errors.New("inner")))

	// Custom types.
	temp := Celsius(-3.25)
	sec := Secret("hunter2")
	fmt.Printf("%v %s %d | %v %s %#v\n", temp, temp, 7, sec, sec, sec)
	m := Money{-1250, "USD"}
	fmt.Printf("[%v] [%+v] [%15v] [%-15v] [%d] [%x]\n", m, Money{99, "JPY"}, m, m, m, m)
	fmt.Println(Money{100000, "GBP"}, []Celsius{1, 2.5})
	fmt.Printf("%v\n", map[Point]Celsius{{1, 2}: 20, {0, 0}: -5})

	// Sprint spacing rules and Fprint.
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, true))
	fmt.Println(fmt.Sprintln("x", 1) == "x 1\n")
	fmt.Fprintf(os.Stdout, "%[2]d %[1]d %[2]d\n", 10, 20)
	s := fmt.Appendf([]byte("log: "), "%s=%d", "retries", 3)
	fmt.Println(string(s))

	// Scanning.
	var name string
	var age int
	var height float64
	cnt, err := fmt.Sscanf("alice 30 1.68", "%s %d %f", &name, &age, &height)
	fmt.Println("Sscanf:", cnt, err, name, age, height)
	var hx, oct int
	cnt, err = fmt.Sscanf("ff-17", "%x-%o", &hx, &oct)
	fmt.Println("hex/oct:", cnt, err, hx, oct)
	var a, b int
	cnt, err = fmt.Sscan("7\n 8", &a, &b)
	fmt.Println("Sscan:", cnt, err, a, b)
	cnt, err = fmt.Sscanf("x=abc", "x=%d", &a)
	fmt.Println("scan error:", cnt, err)
	var word string
	var r rune
	fmt.Sscanf("Z go", "%c %s", &r, &word)
	fmt.Printf("rune %q word %q\n", r, word)
}
