// atomiccounters tracks server statistics from 8 worker goroutines with the
// typed atomics, a CAS-based max tracker and an atomically swapped snapshot.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Snapshot struct {
	Version int
	Routes  []string
}

type Stats struct {
	requests  atomic.Int64
	bytes     atomic.Uint64
	errors    atomic.Uint32
	maxLat    atomic.Int64
	draining  atomic.Bool
	active    atomic.Int32
	peak      atomic.Int32
	routes    atomic.Pointer[Snapshot]
	lastError atomic.Value // string
}

// observeMax raises m to v with a compare-and-swap loop.
func observeMax(m *atomic.Int64, v int64) {
	for {
		cur := m.Load()
		if v <= cur || m.CompareAndSwap(cur, v) {
			return
		}
	}
}

func (s *Stats) enter() {
	n := s.active.Add(1)
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

func main() {
	var st Stats
	st.routes.Store(&Snapshot{Version: 1, Routes: []string{"/"}})
	st.lastError.Store("")

	var wg sync.WaitGroup
	var swaps atomic.Int32
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				st.enter()
				st.requests.Add(1)
				st.bytes.Add(uint64(100 + (w*i)%50))
				lat := int64((w*131 + i*17) % 997)
				observeMax(&st.maxLat, lat)
				if (w+i)%97 == 0 {
					st.errors.Add(1)
					st.lastError.Store(fmt.Sprintf("worker error code %d", 500+w%4))
				}
				// Publish a new routing table on some iterations; readers always
				// see a consistent snapshot.
				if i%250 == 0 {
					for {
						old := st.routes.Load()
						next := &Snapshot{Version: old.Version + 1, Routes: append(append([]string{}, old.Routes...), fmt.Sprintf("/w%d/%d", w, i))}
						if st.routes.CompareAndSwap(old, next) {
							swaps.Add(1)
							break
						}
					}
				}
				snap := st.routes.Load()
				if len(snap.Routes) != snap.Version {
					panic("torn snapshot")
				}
				st.active.Add(-1)
			}
		}()
	}
	wg.Wait()

	fmt.Println("requests:", st.requests.Load())
	fmt.Println("bytes:", st.bytes.Load())
	fmt.Println("errors:", st.errors.Load())
	fmt.Println("max latency:", st.maxLat.Load())
	fmt.Println("active now:", st.active.Load(), "peak within [1,8]:", st.peak.Load() >= 1 && st.peak.Load() <= 8)
	snap := st.routes.Load()
	fmt.Println("route table version:", snap.Version, "routes:", len(snap.Routes), "swaps:", swaps.Load())
	last := st.lastError.Load().(string)
	fmt.Println("last error recorded:", len(last) > 0)

	// Draining flag flipped exactly once even when many goroutines try.
	var flipped atomic.Int32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st.draining.CompareAndSwap(false, true) {
				flipped.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("draining:", st.draining.Load(), "flipped by:", flipped.Load(), "goroutine(s)")

	// Swap returns the old value.
	old := st.requests.Swap(0)
	fmt.Println("reset requests, old:", old, "new:", st.requests.Load())
	prevSnap := st.routes.Swap(&Snapshot{Version: 0})
	fmt.Println("swapped out snapshot version:", prevSnap.Version)
	fmt.Println("uint32 wraparound:", func() uint32 { var u atomic.Uint32; u.Add(^uint32(0)); return u.Add(2) }())

	// Package-level functions on plain integers.
	var hits int64
	var flags uint32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, int64(i))
			for {
				f := atomic.LoadUint32(&flags)
				if atomic.CompareAndSwapUint32(&flags, f, f|1<<i) {
					break
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("hits=%d flags=%08b\n", atomic.LoadInt64(&hits), atomic.LoadUint32(&flags))

	var v atomic.Value
	defer func() { fmt.Println("recovered:", recover()) }()
	v.Store(1)
	v.Store("inconsistent type")
}
