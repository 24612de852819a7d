// One cell seen as another type (goro's views): an integer as the other
// integer of its size or as its low bytes, a word as a struct of one sized field (sync/atomic's
// types over plain words, as sync/atomic's own tests use them) and back,
// and unsafe.Pointers that hold integers rather than addresses.
package main

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

type wrap struct {
	_ struct{}
	n int32
}

func (w wrap) double() int32 { return 2 * w.n }

type flags uint16

func main() {
	// An integer as the other integer of its size: loads read the type
	// seen, stores keep the cell's own.
	u := uint32(0xFFFFFFFF)
	p := (*int32)(unsafe.Pointer(&u))
	fmt.Println(*p, u)
	*p = -2
	fmt.Println(*p, u, u == 0xFFFFFFFE)
	fmt.Println(atomic.AddInt32(p, 1), u)
	fmt.Println(atomic.CompareAndSwapInt32(p, -1, -7), atomic.LoadInt32(p), u)
	old := atomic.SwapInt32(p, 3)
	fmt.Println(old, u)
	old = atomic.AndInt32(p, 1)
	fmt.Println(old, u)
	old = atomic.OrInt32(p, -8)
	fmt.Println(old, u)

	s := []int32{0, 5}
	q := (*uint32)(unsafe.Pointer(&s[0]))
	*q = 0xFFFFFFFF
	fmt.Println(s, s[0] == -1, *q)
	m := map[int32]bool{-1: true}
	fmt.Println(m[s[0]], s[0]+1, fmt.Sprint(s[0]))

	f := flags(0x8001)
	i16 := (*int16)(unsafe.Pointer(&f))
	fmt.Println(*i16)
	*i16 >>= 1
	fmt.Printf("%#x %d\n", f, *i16)

	// A narrower integer is the word's low bytes (little-endian here, as
	// encoding/binary's native-endian check finds).
	x := uint32(0x01020304)
	lo := (*uint8)(unsafe.Pointer(&x))
	fmt.Println(*lo, *(*int16)(unsafe.Pointer(&x)))
	*lo = 0xFF
	fmt.Printf("%#x\n", x)
	neg := int64(-1)
	*(*uint16)(unsafe.Pointer(&neg)) = 0
	fmt.Println(neg, *(*int32)(unsafe.Pointer(&neg)))

	// A word as sync/atomic's types, and the other way.
	var w32 uint32
	a := (*atomic.Int32)(unsafe.Pointer(&w32))
	a.Add(-1)
	fmt.Println(w32, a.Load())
	b := (*atomic.Uint32)(unsafe.Pointer(&w32))
	fmt.Println(b.CompareAndSwap(0xFFFFFFFF, 7), w32, b.Load())

	var w64 uint64
	i64 := (*atomic.Int64)(unsafe.Pointer(&w64))
	i64.Store(-5)
	fmt.Println(w64, i64.Load())

	var up unsafe.Pointer
	ap := (*atomic.Pointer[int])(unsafe.Pointer(&up))
	v := 7
	ap.Store(&v)
	fmt.Println(*(*int)(up), *ap.Load(), up == unsafe.Pointer(&v))

	var au atomic.Uint32
	pu := (*uint32)(unsafe.Pointer(&au))
	*pu = 9
	fmt.Println(au.Load())
	*(*int32)(unsafe.Pointer(&au)) = -1
	fmt.Println(au.Load())

	// A struct of one sized field, loaded and stored whole.
	u2 := uint32(5)
	wp := (*wrap)(unsafe.Pointer(&u2))
	c := *wp
	fmt.Println(c.n, wp.double(), wp.n)
	*wp = wrap{n: -1}
	fmt.Println(u2, wp.n)
	wp.n++
	fmt.Println(u2)

	// Views compare as the cell they see.
	p2 := (*int32)(unsafe.Pointer(&u))
	fmt.Println(p == p2, unsafe.Pointer(p) == unsafe.Pointer(&u), uintptr(unsafe.Pointer(p)) == uintptr(unsafe.Pointer(&u)))
	seen := map[unsafe.Pointer]int{unsafe.Pointer(&u): 1}
	seen[unsafe.Pointer(p)]++
	fmt.Println(len(seen), seen[unsafe.Pointer(p2)])

	// Atomics through views from many goroutines.
	var total uint32
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := (*atomic.Int32)(unsafe.Pointer(&total))
			for k := 0; k < 1000; k++ {
				t.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)

	// An unsafe.Pointer holding an integer: it is the number.
	var slot unsafe.Pointer
	for k := 0; k < 3; k++ {
		n := uintptr(atomic.LoadPointer(&slot))
		atomic.StorePointer(&slot, unsafe.Pointer(n+1+1<<16))
	}
	fmt.Printf("%#x %v %v\n", uintptr(slot), slot != nil, slot == unsafe.Pointer(uintptr(0x30003)))
	println(slot)
	rp := rawWord(0x1000)
	rq := (*int32)(unsafe.Pointer(rp))
	fmt.Println(rq == nil, uintptr(unsafe.Pointer(rq)), uintptr(unsafe.Pointer(rp)) == 0x1000)

	// reflect.DeepEqual compares what views see.
	u1, u2, i1 := uint32(1), uint32(2), int32(1)
	v1, v2 := (*int32)(unsafe.Pointer(&u1)), (*int32)(unsafe.Pointer(&u2))
	fmt.Println(reflect.DeepEqual(v1, v2), reflect.DeepEqual(v1, &i1), reflect.DeepEqual(v1, v1))
}

//go:noinline
func rawWord(n uintptr) *uint32 { return (*uint32)(unsafe.Pointer(n)) }
