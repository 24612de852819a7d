// Struct values returned from value methods and stored through pointer
// receivers, with an interface call per step (issue 7). The live heap after
// many steps must be what it was after a few: scalar slots written by the
// executor's fast paths once kept stale references of earlier frames, and
// every struct built from them kept the one before it alive.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) scale(s float64) vec { return vec{a.x * s, a.y * s, a.z * s} }

type particle struct {
	pos, vel vec
	mass     float64
}

type force interface{ at(p vec) vec }

type spring struct{ k float64 }

func (s spring) at(p vec) vec { return p.scale(-s.k) }

func (p *particle) step(f force, dt float64) {
	a := f.at(p.pos).scale(1 / p.mass)
	p.vel = p.vel.add(a.scale(dt))
	p.pos = p.pos.add(p.vel.scale(dt))
}

func run(ps []particle, f force, steps int) {
	for s := 0; s < steps; s++ {
		for i := range ps {
			ps[i].step(f, 0.001)
		}
	}
}

func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func main() {
	steps, _ := strconv.Atoi(os.Args[1])
	ps := make([]particle, 1000)
	for i := range ps {
		ps[i] = particle{pos: vec{1, 2, 3}, mass: 1}
	}
	var f force = spring{0.5}
	run(ps, f, 10)
	before := liveHeap()
	run(ps, f, steps)
	after := liveHeap()
	fmt.Printf("%.6f\n", ps[0].pos.x)
	// 1000 particles hold about 200 KB; a leak of one struct per call
	// grows by more than 50 MB over 400 steps.
	if grew := int64(after) - int64(before); grew > 8<<20 {
		fmt.Printf("live heap grew by %d bytes over %d steps\n", grew, steps)
		os.Exit(1)
	}
}
