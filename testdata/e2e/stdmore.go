// More of the standard library as users reach for it: encoding/xml and encoding/gob (gob clones
// maps through the runtime), text and html templates, iterators with generics, tabwriter,
// math/rand with a seed, time zones (FixedZone, offsets kept by Parse), unique handles.
package main

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"encoding/xml"
	"fmt"
	htmltemplate "html/template"
	"iter"
	"maps"
	"math/rand"
	"os"
	"slices"
	"text/tabwriter"
	"text/template"
	"time"
	"unique"
)

type Person struct {
	XMLName xml.Name `xml:"person"`
	Name    string   `xml:"name,attr"`
	Age     int      `xml:"age"`
	Tags    []string `xml:"tag"`
}

type pair[K cmp.Ordered, V any] struct {
	k K
	v V
}

func sorted[K cmp.Ordered, V any](m map[K]V) iter.Seq[pair[K, V]] {
	return func(yield func(pair[K, V]) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(pair[K, V]{k, m[k]}) {
				return
			}
		}
	}
}

func main() {
	b, err := xml.MarshalIndent(Person{Name: "Ann", Age: 30, Tags: []string{"a", "b"}}, "", " ")
	fmt.Println(string(b), err)
	var p Person
	fmt.Println(xml.Unmarshal(b, &p), p.Name, p.Age, p.Tags)

	var buf bytes.Buffer
	fmt.Println(gob.NewEncoder(&buf).Encode(map[string][]int{"x": {1, 2}, "y": nil}))
	var m map[string][]int
	fmt.Println(gob.NewDecoder(&buf).Decode(&m), m)
	c := maps.Clone(map[string]int{"a": 1})
	c["b"] = 2
	fmt.Println(len(c))

	t := template.Must(template.New("t").Parse("{{range $i, $x := .}}{{if $i}}, {{end}}{{$x | printf \"%03d\"}}{{end}}\n"))
	t.Execute(os.Stdout, []int{7, 42})
	h := htmltemplate.Must(htmltemplate.New("h").Parse(`<a href="/q?x={{.}}">{{.}}</a>` + "\n"))
	h.Execute(os.Stdout, "a b&<c>")

	for kv := range sorted(map[string]int{"b": 2, "a": 1, "c": 3}) {
		fmt.Print(kv.k, "=", kv.v, " ")
	}
	fmt.Println()
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "a\tbb\tccc\t")
	fmt.Fprintln(w, "dddd\te\tf\t")
	w.Flush()

	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(100), r.Perm(5))

	loc := time.FixedZone("UTC+1", 3600)
	at := time.Date(2020, 1, 1, 12, 0, 0, 0, loc)
	fmt.Println(at, at.Location(), at.UTC())
	name, off := at.Zone()
	fmt.Println(name, off)
	parsed, err := time.Parse(time.RFC3339, "2024-02-29T12:30:00+02:00")
	_, off = parsed.Zone()
	fmt.Println(parsed, off, err, parsed.Equal(parsed.UTC()))

	h1, h2 := unique.Make("go"), unique.Make("g"+"o")
	fmt.Println(h1 == h2, h1.Value(), unique.Make(3) == unique.Make(4))
}
