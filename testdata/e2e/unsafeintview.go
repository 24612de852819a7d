// unsafeintview: a 16- or 32-bit integer seen through a pointer to the other
// integer type of its size (sync/atomic's hammer tests do this): each view reads gc's
// bits, through loads and through sync/atomic.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"
)

func main() {
	var u uint32 = 0xFFFFFFFF
	p := (*int32)(unsafe.Pointer(&u))
	fmt.Println(*p, *p < 0, int64(*p))
	*p = -2
	fmt.Println(u, u > 1<<31)
	fmt.Println(atomic.AddInt32(p, 1), u, atomic.LoadUint32(&u), atomic.LoadInt32(p))
	fmt.Println(atomic.CompareAndSwapInt32(p, -1, -7), u)
	fmt.Println(atomic.CompareAndSwapUint32(&u, 0xFFFFFFF9, 3), *p)
	fmt.Println(atomic.SwapInt32(p, -3), atomic.SwapUint32(&u, 9), *p)

	var h uint16 = 0x8001
	q := (*int16)(unsafe.Pointer(&h))
	fmt.Println(*q, *q < 0)
	*q = -1
	fmt.Println(h)

	// Goroutines adding through both views of one counter.
	var n uint32
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				if i%2 == 0 {
					atomic.AddInt32((*int32)(unsafe.Pointer(&n)), -1)
				} else {
					atomic.AddUint32(&n, ^uint32(0)) // minus one
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(n, *(*int32)(unsafe.Pointer(&n)))
}
