// gobround saves and restores an application snapshot with encoding/gob:
// nested structs, maps, slices, pointers and interface values whose concrete
// types are registered with gob.Register.
package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"log"
	"maps"
	"slices"
)

type Shape interface {
	Area() float64
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R } // integer-friendly pi for stable output
func (c Circle) Name() string  { return "circle" }
func (r *Rect) Area() float64  { return r.W * r.H }
func (r *Rect) Name() string   { return "rect" }

type Point struct{ X, Y int }

type Layer struct {
	Name    string
	Visible bool
	Shapes  []Shape
	Anchors map[string]Point
	Parent  *Layer
}

type Document struct {
	Title    string
	Version  uint
	Layers   []Layer
	Tags     map[string][]string
	Metadata map[string]any
	Thumb    []byte
	private  int
}

func init() {
	gob.Register(Circle{})
	gob.Register(&Rect{})
	gob.Register(map[string]int{})
}

func main() {
	base := &Layer{Name: "background", Visible: true}
	doc := Document{
		Title:   "floor plan",
		Version: 3,
		Layers: []Layer{
			*base,
			{Name: "furniture", Visible: true, Parent: base,
				Shapes:  []Shape{Circle{R: 2}, &Rect{W: 3, H: 4}, Circle{R: 0.5}},
				Anchors: map[string]Point{"door": {0, 5}, "window": {10, 2}}},
			{Name: "notes", Shapes: []Shape{}},
		},
		Tags:     map[string][]string{"rooms": {"kitchen", "hall"}, "empty": nil},
		Metadata: map[string]any{"author": "kim", "rev": 12, "scale": 0.25, "counts": map[string]int{"chairs": 4}},
		Thumb:    []byte{0x89, 'P', 'N', 'G'},
		private:  99,
	}

	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(doc); err != nil {
		log.Fatal(err)
	}
	fmt.Println("encoded bytes > 0:", buf.Len() > 0)

	var got Document
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("title=%q version=%d private=%d thumb=%x\n", got.Title, got.Version, got.private, got.Thumb)
	for _, l := range got.Layers {
		parent := "<none>"
		if l.Parent != nil {
			parent = l.Parent.Name
		}
		fmt.Printf("layer %-10s visible=%-5v parent=%-10s shapes=%d (nil=%v)\n", l.Name, l.Visible, parent, len(l.Shapes), l.Shapes == nil)
		total := 0.0
		for _, s := range l.Shapes {
			fmt.Printf("   %-6s %T area=%.2f\n", s.Name(), s, s.Area())
			total += s.Area()
		}
		for _, n := range slices.Sorted(maps.Keys(l.Anchors)) {
			fmt.Printf("   anchor %s at %+v\n", n, l.Anchors[n])
		}
		if total > 0 {
			fmt.Printf("   total area %.2f\n", total)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got.Tags)) {
		fmt.Printf("tag %s = %q\n", k, got.Tags[k])
	}
	for _, k := range slices.Sorted(maps.Keys(got.Metadata)) {
		fmt.Printf("meta %s = %v (%T)\n", k, got.Metadata[k], got.Metadata[k])
	}

	// Streams of values: several Encode calls on one encoder share type info.
	var stream bytes.Buffer
	enc := gob.NewEncoder(&stream)
	for i := 1; i <= 3; i++ {
		enc.Encode(Point{i, i * i})
	}
	dec := gob.NewDecoder(&stream)
	for {
		var p Point
		if err := dec.Decode(&p); err != nil {
			fmt.Println("stream end:", err)
			break
		}
		fmt.Println("point", p)
	}

	// Decoding into a struct with a subset of fields (and a type mismatch).
	type Summary struct {
		Title   string
		Version uint
	}
	buf.Reset()
	gob.NewEncoder(&buf).Encode(doc)
	var s Summary
	err := gob.NewDecoder(&buf).Decode(&s)
	fmt.Printf("summary: %+v err=%v\n", s, err)

	type Wrong struct{ Title int }
	buf.Reset()
	gob.NewEncoder(&buf).Encode(doc)
	var w Wrong
	err = gob.NewDecoder(&buf).Decode(&w)
	fmt.Println("mismatch:", err)
}
