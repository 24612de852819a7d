// lrucache implements a fixed-capacity LRU cache with container/list and a
// map, used as a memo for an "expensive" lookup, printing evictions.
package main

import (
	"container/list"
	"fmt"
	"strings"
)

type entry struct {
	key   string
	value int
}

type LRU struct {
	cap     int
	ll      *list.List
	items   map[string]*list.Element
	OnEvict func(key string, value int)
	hits    int
	misses  int
}

func NewLRU(capacity int) *LRU {
	return &LRU{cap: capacity, ll: list.New(), items: make(map[string]*list.Element)}
}

func (c *LRU) Get(key string) (int, bool) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		return el.Value.(*entry).value, true
	}
	c.misses++
	return 0, false
}

func (c *LRU) Put(key string, value int) {
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&entry{key, value})
	if c.ll.Len() > c.cap {
		c.removeElement(c.ll.Back())
	}
}

func (c *LRU) Remove(key string) bool {
	if el, ok := c.items[key]; ok {
		c.removeElement(el)
		return true
	}
	return false
}

func (c *LRU) removeElement(el *list.Element) {
	e := c.ll.Remove(el).(*entry)
	delete(c.items, e.key)
	if c.OnEvict != nil {
		c.OnEvict(e.key, e.value)
	}
}

// Keys returns keys from most to least recently used.
func (c *LRU) Keys() []string {
	keys := make([]string, 0, c.ll.Len())
	for el := c.ll.Front(); el != nil; el = el.Next() {
		keys = append(keys, el.Value.(*entry).key)
	}
	return keys
}

func (c *LRU) Resize(n int) {
	c.cap = n
	for c.ll.Len() > c.cap {
		c.removeElement(c.ll.Back())
	}
}

func expensiveLength(s string) int {
	return len(strings.Repeat(s, 3)) // stand-in for a slow computation
}

func main() {
	cache := NewLRU(3)
	cache.OnEvict = func(k string, v int) { fmt.Printf("  evict %s=%d\n", k, v) }

	lookup := func(key string) int {
		if v, ok := cache.Get(key); ok {
			fmt.Printf("hit  %-7s -> %2d  %v\n", key, v, cache.Keys())
			return v
		}
		v := expensiveLength(key)
		cache.Put(key, v)
		fmt.Printf("miss %-7s -> %2d  %v\n", key, v, cache.Keys())
		return v
	}

	for _, k := range []string{"alpha", "beta", "gamma", "alpha", "delta", "beta", "epsilon", "alpha", "gamma", "alpha"} {
		lookup(k)
	}
	fmt.Printf("hits=%d misses=%d\n", cache.hits, cache.misses)

	cache.Put("alpha", 100)
	fmt.Println("updated alpha:", cache.Keys())
	fmt.Println("remove gamma:", cache.Remove("gamma"), "remove zeta:", cache.Remove("zeta"))
	fmt.Println("resize to 1:")
	cache.Resize(1)
	fmt.Println("left:", cache.Keys())

	// list operations used directly.
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.PushBack(5)
	other := list.New()
	other.PushBack(6)
	other.PushBack(7)
	l.PushBackList(other)
	l.MoveToBack(e1)
	l.MoveAfter(e4, l.Front())
	var parts []string
	for e := l.Front(); e != nil; e = e.Next() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	fmt.Println("list:", strings.Join(parts, " "), "len", l.Len())
	parts = parts[:0]
	for e := l.Back(); e != nil; e = e.Prev() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	fmt.Println("reversed:", strings.Join(parts, " "))
}
