// The print and println builtins write to stderr in the runtime's own format.
package main

import "fmt"

type S struct{ a int }

func main() {
	fmt.Println("stdout line")
	println("hello", 42, true, -7)
	println(3.5, 1e100, float32(0.1))
	print("no", "spaces", 1, 2, "\n")
	println(int8(-1), uint64(1<<63), 'x', "")
	var p *S
	println(p == nil, nil == p)
	var e error
	println(e == nil)
	println(complex(1, -2))
	println()
	print("end\n")
	fmt.Println("stdout again")
}
