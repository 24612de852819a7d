// The standard library as a program never run before sees it: loaded against the
// standard-library image (internal/vm/image.go), its types are the image's, its functions
// and methods the image's code, and slices, maps and iter come from source for their
// generics; the generic code of sync, sync/atomic and errors is added to their image
// packages from source. TestStdImage checks that this program takes that path.
package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

// logWriter embeds an image type: its promoted methods are wrappers over the image's.
type logWriter struct {
	strings.Builder
	lines int
}

func (w *logWriter) Write(p []byte) (int, error) {
	w.lines++
	return w.Builder.Write(p)
}

type notFound struct{ name string }

func (e *notFound) Error() string { return e.name + ": not found" }

func find(name string) error {
	return fmt.Errorf("find: %w", &notFound{name})
}

type config struct {
	Name    string
	Timeout time.Duration
	Tags    []string
}

func main() {
	fmt.Println(point{1, 2}, []fmt.Stringer{point{3, 4}})

	var w logWriter
	fmt.Fprintf(&w, "a=%d\n", 1)
	fmt.Fprintln(&w, "b")
	write := w.WriteString // a method value of an image method
	write("c\n")
	fmt.Printf("%q %d\n", w.String(), w.lines)

	words := slices.Collect(strings.SplitSeq("pear,apple,fig", ","))
	slices.Sort(words)
	fmt.Println(words, slices.Index(words, "fig"))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	people := []point{{3, 1}, {1, 2}, {2, 0}}
	sort.Slice(people, func(i, j int) bool { return people[i].x < people[j].x })
	fmt.Println(people)

	err := find("x")
	var nf *notFound
	fmt.Println(err, errors.As(err, &nf), nf.name, errors.Is(err, os.ErrNotExist))

	var out io.Writer = os.Stdout
	if f, ok := out.(*os.File); ok {
		fmt.Println("stdout is a file:", f.Name())
	}
	fmt.Println(math.MaxInt64, math.Pi, time.Second*90, 1e300*1e300 > math.MaxFloat64)

	c := config{"svc", 1500 * time.Millisecond, []string{"x"}}
	t := reflect.TypeOf(c)
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, reflect.ValueOf(c).Field(i))
	}

	var cur atomic.Pointer[config]
	fmt.Println(cur.Load() == nil)
	cur.Store(&c)
	prev := cur.Swap(&config{Name: "next"})
	fmt.Println(prev.Name, cur.Load().Name, cur.CompareAndSwap(prev, nil))
	answer := sync.OnceValue(func() int { fmt.Println("computing"); return 42 })
	fmt.Println(answer(), answer())
	if e, ok := errors.AsType[*notFound](err); ok {
		fmt.Println("AsType:", e.name)
	}

	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := range 10 {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("total", total)

	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(strings.Repeat("ab", -1)) // a panic inside the image's code
	}()
	var p *point
	fmt.Println(p.x)
}
