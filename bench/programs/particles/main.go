// Particles: a struct-heavy simulation as users write it — small struct values returned from
// value methods, stored through pointer receivers into a slice of structs, and one interface
// call per particle and step. Usage: particles [steps] (default 2000; 1000 particles).
package main

import (
	"fmt"
	"os"
	"strconv"
)

type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) sub(b vec) vec       { return vec{a.x - b.x, a.y - b.y, a.z - b.z} }
func (a vec) scale(s float64) vec { return vec{a.x * s, a.y * s, a.z * s} }
func (a vec) dot(b vec) float64   { return a.x*b.x + a.y*b.y + a.z*b.z }

type particle struct {
	pos, vel vec
	mass     float64
}

// A force field: the particle's acceleration is f.at(pos) / mass.
type field interface {
	at(p vec) vec
}

type spring struct {
	centre vec
	k      float64
}

func (s spring) at(p vec) vec { return s.centre.sub(p).scale(s.k) }

type drag struct {
	inner field
	c     float64
}

func (d *drag) at(p vec) vec { return d.inner.at(p).scale(1 - d.c) }

func (p *particle) step(f field, dt float64) {
	a := f.at(p.pos).scale(1 / p.mass)
	p.vel = p.vel.add(a.scale(dt))
	p.pos = p.pos.add(p.vel.scale(dt))
}

func energy(ps []particle) float64 {
	e := 0.0
	for i := range ps {
		e += 0.5 * ps[i].mass * ps[i].vel.dot(ps[i].vel)
	}
	return e
}

func main() {
	steps := 2000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: particles [steps]")
			os.Exit(2)
		}
		steps = v
	}
	ps := make([]particle, 1000)
	for i := range ps {
		f := float64(i)
		ps[i] = particle{pos: vec{f, 2 * f, -f}, vel: vec{0, 1, 0}, mass: 1 + f/1000}
	}
	var f field = &drag{inner: spring{centre: vec{500, 0, 0}, k: 0.5}, c: 0.001}
	for s := 0; s < steps; s++ {
		for i := range ps {
			ps[i].step(f, 0.001)
		}
	}
	fmt.Printf("%.6e %.6f\n", energy(ps), ps[999].pos.x)
}
