// Constants: iota patterns, typed and untyped constants, big constant arithmetic, Stringer enums.
package main

import (
	"fmt"
	"math"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

const (
	A, B = iota, iota * 10
	C, D
)

const huge = 1 << 100
const typed int32 = 1 << 30

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func main() {
	fmt.Println(Sunday, Tuesday, Monday+1)
	fmt.Printf("%d %v\n", Tuesday, Weekday(1))
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, C, D)
	fmt.Println(huge>>98, huge/(1<<90))
	fmt.Println(typed, math.MaxInt64, uint64(math.MaxUint64))
	f := FlagA | FlagC
	fmt.Println(f, f&FlagB != 0, f&FlagC != 0, f&^FlagA)
	const pi = 3.14159265358979323846264338327950288419716939937510582097494459
	fmt.Println(pi, float32(pi))
	const s = "const" + "ant"
	fmt.Println(s, len(s))
	var x uint8 = 200
	fmt.Println(x + 100)
	fmt.Printf("%T %T %T %T\n", 1, 1.0, 'a', 1i)
}
