package difftest

// The minimiser: delta debugging (ddmin, complements only) over a
// program's units, then over the statements of the units left, then over
// their top-level declarations. A candidate is kept only if the test still
// holds for it; for a difference the test is that gc compiles the
// candidate (as a standalone package main) and that gc and goro still
// differ with the same kind. The result is 1-minimal: removing any single
// unit, statement or declaration left makes the difference go away (or the
// program not compile). Candidates are tested once each (by source). For a
// difference, "the same" means the same signature: the kind and the first
// differing line, numbers masked, so that one reproducer shows one cause.

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// Minimise returns the smallest program it finds, made of p's units,
// statements and declarations, for which test holds (test(p) must hold).
func Minimise(p *Prog, test func(*Prog) bool) *Prog {
	seen := map[string]bool{}
	try := func(q *Prog) bool {
		if len(q.Units) == 0 {
			return false
		}
		key := string(q.Source("main", nil))
		ok, done := seen[key]
		if !done {
			ok = test(q)
			seen[key] = ok
		}
		return ok
	}
	p = p.Keep(ddmin(len(p.Units), func(keep []bool) bool { return try(p.Keep(keep)) }))

	// Statements, then declarations, of all the units left at once.
	for _, decls := range []bool{false, true} {
		type item struct{ u, s int }
		var items []item
		for ui, u := range p.Units {
			list := u.Body
			if decls {
				list = u.Decls
			}
			for si := range list {
				items = append(items, item{ui, si})
			}
		}
		build := func(keep []bool) *Prog {
			q := p.Clone()
			for _, u := range q.Units {
				if decls {
					u.Decls = nil
				} else {
					u.Body = nil
				}
			}
			for k, it := range items {
				if keep[k] {
					u, orig := q.Units[it.u], p.Units[it.u]
					if decls {
						u.Decls = append(u.Decls, orig.Decls[it.s])
					} else {
						u.Body = append(u.Body, orig.Body[it.s])
					}
				}
			}
			return q
		}
		if len(items) > 0 {
			p = build(ddmin(len(items), func(keep []bool) bool { return try(build(keep)) }))
		}
	}
	return p
}

// ddmin returns a mask of the n items, as few as it finds, for which test
// holds (it must hold for all of them): Zeller's ddmin, testing
// complements only.
func ddmin(n int, test func(keep []bool) bool) []bool {
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	gran := 2
	for {
		var cur []int
		for i, k := range keep {
			if k {
				cur = append(cur, i)
			}
		}
		if len(cur) <= 1 {
			return keep
		}
		gran = min(gran, len(cur))
		reduced := false
		for c := 0; c < gran && !reduced; c++ {
			lo, hi := c*len(cur)/gran, (c+1)*len(cur)/gran
			cand := append([]bool(nil), keep...)
			for _, i := range cur[lo:hi] {
				cand[i] = false
			}
			if test(cand) {
				keep = cand
				gran = max(gran-1, 2)
				reduced = true
			}
		}
		if !reduced {
			if gran >= len(cur) {
				return keep
			}
			gran = min(2*gran, len(cur))
		}
	}
}

// minimiseDiff minimises d's program, keeping its signature (its kind and
// its first differing line, digits aside). The candidates run as a batch of
// one program (package p0000, so that type names print as in the batch); the
// result records whether the standalone package main reproduces the
// difference too. It returns nil if even d's whole program, alone, does not
// show the difference.
func minimiseDiff(cfg *Config, d *Diff) *Diff {
	quiet := *cfg
	quiet.Log = io.Discard
	sig := signature(d.Kind, d.Detail)
	var last *Diff
	test := func(q *Prog) bool {
		e, ok := checkOne(&quiet, q, false)
		if ok && e != nil && signature(e.Kind, e.Detail) == sig {
			last = e
			return true
		}
		return false
	}
	if !test(d.Prog) {
		return nil
	}
	p := Minimise(d.Prog, test)
	if last == nil || last.Prog != p {
		test(p) // the last test was of another candidate
	}
	m := *last
	m.Seed, m.Orig = d.Seed, d.Orig
	m.Minimised = true
	if e, _ := checkOne(&quiet, p, true); e != nil && signature(e.Kind, e.Detail) == sig {
		m.Standalone = true
	}
	return &m
}

var (
	digitsRE = regexp.MustCompile(`[0-9]+`)
	namesRE  = regexp.MustCompile(`\b(gorodiff/)?(p[0-9]{4}|main)\.u[0-9]+[A-Za-z]*`)
)

// signature is a difference's kind and detail with the generated type
// names and the numbers masked: the differences of one root cause share it.
func signature(kind, detail string) string {
	return kind + ": " + digitsRE.ReplaceAllString(namesRE.ReplaceAllString(detail, "T"), "#")
}

// checkOne runs p under gc and goro, as a batch of one program or (if
// standalone) as package main. It returns the difference (nil if none)
// and whether gc compiled p.
func checkOne(cfg *Config, p *Prog, standalone bool) (*Diff, bool) {
	dir, err := os.MkdirTemp("", "gorodiff-min-")
	if err != nil {
		return nil, false
	}
	defer os.RemoveAll(dir)
	if standalone {
		err = writeStandalone(dir, p)
	} else {
		err = writeBatch(dir, []*Prog{p}, nil)
	}
	if err != nil {
		return nil, false
	}
	if _, err := goBuild(dir); err != nil {
		return nil, false
	}
	g := runGC(filepath.Join(dir, "bin"), 0, 2)
	if g.Timeout {
		return nil, true
	}
	r := runGoro(cfg, dir, []int{0}, []int{0}, newLayout([]*Prog{p}), nil, func(int) {})[0]
	kind, detail := compare(g, *r)
	if kind == "" {
		return nil, true
	}
	return &Diff{Seed: p.Seed, Kind: kind, Detail: detail, GC: g, Goro: *r, Prog: p}, true
}
