// reflect.Type's OverflowInt/Uint/Float and CanSeq/CanSeq2 (Go 1.23), as gc answers them.
package main

import (
	"fmt"
	"iter"
	"math"
	"reflect"
)

func main() {
	fmt.Println(reflect.TypeOf(int8(0)).OverflowInt(200), reflect.TypeOf(int16(0)).OverflowInt(200))
	fmt.Println(reflect.TypeOf(uint8(0)).OverflowUint(256), reflect.TypeOf(uint(0)).OverflowUint(math.MaxUint64))
	fmt.Println(reflect.TypeOf(float32(0)).OverflowFloat(1e39), reflect.TypeOf(float64(0)).OverflowFloat(1e300))
	var seq iter.Seq[int]
	var seq2 iter.Seq2[int, string]
	var arr *[3]int
	for _, v := range []any{1, "s", []int{}, map[int]int{}, seq, seq2, arr, struct{}{}, func() {}, make(chan int), 1.5} {
		t := reflect.TypeOf(v)
		fmt.Println(t, t.CanSeq(), t.CanSeq2())
	}
	defer func() { fmt.Println(recover()) }()
	reflect.TypeOf("").OverflowInt(1)
}
