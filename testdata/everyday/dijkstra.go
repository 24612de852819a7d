// dijkstra finds shortest routes between towns with a container/heap
// priority queue, reconstructing paths and supporting decrease-key via Fix.
package main

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"strings"
)

type Edge struct {
	To     string
	Weight int
}

type Graph map[string][]Edge

func (g Graph) AddRoad(a, b string, w int) {
	g[a] = append(g[a], Edge{b, w})
	g[b] = append(g[b], Edge{a, w})
}

type Item struct {
	node  string
	dist  int
	index int
}

type PQ []*Item

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].dist != pq[j].dist {
		return pq[i].dist < pq[j].dist
	}
	return pq[i].node < pq[j].node
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	it := x.(*Item)
	it.index = len(*pq)
	*pq = append(*pq, it)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*pq = old[:n-1]
	return it
}

func shortest(g Graph, src string) (map[string]int, map[string]string, []string) {
	dist := map[string]int{}
	prev := map[string]string{}
	items := map[string]*Item{}
	pq := PQ{}
	nodes := make([]string, 0, len(g))
	for n := range g {
		nodes = append(nodes, n)
	}
	slices.Sort(nodes)
	for _, n := range nodes {
		d := math.MaxInt
		if n == src {
			d = 0
		}
		dist[n] = d
		it := &Item{node: n, dist: d}
		items[n] = it
		pq = append(pq, it)
		it.index = len(pq) - 1
	}
	heap.Init(&pq)
	var order []string
	for pq.Len() > 0 {
		u := heap.Pop(&pq).(*Item)
		if u.dist == math.MaxInt {
			break
		}
		order = append(order, u.node)
		for _, e := range g[u.node] {
			v := items[e.To]
			if v.index < 0 {
				continue
			}
			if nd := u.dist + e.Weight; nd < v.dist {
				v.dist = nd
				dist[e.To] = nd
				prev[e.To] = u.node
				heap.Fix(&pq, v.index)
			}
		}
	}
	return dist, prev, order
}

func path(prev map[string]string, src, dst string) []string {
	var p []string
	for at := dst; at != ""; at = prev[at] {
		p = append(p, at)
		if at == src {
			slices.Reverse(p)
			return p
		}
	}
	return nil
}

func main() {
	g := Graph{}
	g.AddRoad("Arden", "Brook", 7)
	g.AddRoad("Arden", "Cliff", 9)
	g.AddRoad("Arden", "Fenwick", 14)
	g.AddRoad("Brook", "Cliff", 10)
	g.AddRoad("Brook", "Dale", 15)
	g.AddRoad("Cliff", "Dale", 11)
	g.AddRoad("Cliff", "Fenwick", 2)
	g.AddRoad("Dale", "Eston", 6)
	g.AddRoad("Eston", "Fenwick", 9)
	g.AddRoad("Glen", "Hollow", 3) // disconnected island

	for _, src := range []string{"Arden", "Eston"} {
		dist, prev, order := shortest(g, src)
		fmt.Printf("from %s (settled: %s)\n", src, strings.Join(order, " "))
		targets := slices.Sorted(func(yield func(string) bool) {
			for n := range dist {
				if !yield(n) {
					return
				}
			}
		})
		for _, dst := range targets {
			if dist[dst] == math.MaxInt {
				fmt.Printf("  %-8s unreachable\n", dst)
				continue
			}
			fmt.Printf("  %-8s %3d  %s\n", dst, dist[dst], strings.Join(path(prev, src, dst), " -> "))
		}
	}
}
