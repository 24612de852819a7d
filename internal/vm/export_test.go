package vm

// Test hooks exported to package vm_test (compile_test.go).

import (
	"fmt"
	"sync"
)

// CheckCode checks the code of the functions whose names match against
// the instruction set's contract (Func.checkCode), compiling them.
func (m *Machine) CheckCode(match func(name string) bool) error {
	for _, f := range m.funcsMatching(match) {
		f.ensure()
		if err := f.checkCode(); err != nil {
			return err
		}
	}
	return nil
}

// Ops returns the op names of the code of function name ("main.f").
func (m *Machine) Ops(name string) []string {
	fs := m.funcsMatching(func(n string) bool { return n == name })
	if len(fs) != 1 {
		return nil
	}
	f := fs[0]
	f.ensure()
	var ops []string
	for _, in := range f.code {
		ops = append(ops, in.op.String())
	}
	return ops
}

// LiveAt returns the slots of function name (not its constants) live
// before instruction pc, or after it with after (liveness.go).
func (m *Machine) LiveAt(name string, pc int, after bool) []int {
	fs := m.funcsMatching(func(n string) bool { return n == name })
	if len(fs) != 1 {
		return nil
	}
	f := fs[0]
	f.ensure()
	live := f.liveSlots().liveAt(f, pc, after)
	var slots []int
	for s := len(f.consts); s < f.nslots; s++ {
		if live[s/64]&(1<<(uint(s)%64)) != 0 {
			slots = append(slots, s)
		}
	}
	return slots
}

// ImmediateForms returns the names of each op with an immediate form and
// of that form (frame.go's kForm).
func ImmediateForms() [][2]string {
	var names [][2]string
	for o := op(0); o < opCount; o++ {
		if k := kForm(o); k != opNop {
			names = append(names, [2]string{o.String(), k.String()})
		}
	}
	return names
}

// CheckFrameLayouts makes every function compiled until done is called
// check its frame layout (frame.go) against the liveness of its code
// before renaming: no two slots live at once share a slot, and an op that
// may not (sharesDst) does not write an operand's slot. done returns the
// violations found.
func CheckFrameLayouts() (done func() []string) {
	var mu sync.Mutex
	var bad []string
	checkLayout = func(f *Func, n, nc int32, slot []int32) {
		if len(f.code) > 4000 {
			return // (liveAt walks its block for every pc)
		}
		old := &Func{m: f.m, name: f.name, code: f.code, nslots: int(n), consts: f.consts[:nc:nc],
			recoverPC: f.recoverPC, freeBase: f.freeBase, nfree: f.nfree, nparams: f.nparams}
		l := old.liveSlots()
		report := func(pc int, what string, s1, s2 int32) {
			mu.Lock()
			bad = append(bad, fmt.Sprintf("%s pc %d (%v): %s: s%d and s%d both in s%d", f.name, pc, f.code[pc].op, what, s1, s2, slot[s1]))
			mu.Unlock()
		}
		for pc := range old.code {
			in := &old.code[pc]
			for _, after := range []bool{false, true} {
				owner := map[int32]int32{}
				live := l.liveAt(old, pc, after)
				for s := nc; s < n; s++ {
					if live[s/64]&(1<<(uint(s)%64)) == 0 {
						continue
					}
					if o, ok := owner[slot[s]]; ok {
						report(pc, fmt.Sprintf("both live (after %v)", after), o, s)
					}
					owner[slot[s]] = s
				}
				if !after || !writes(in) || in.a < nc {
					continue
				}
				if o, ok := owner[slot[in.a]]; ok && o != in.a {
					report(pc, "the result over a slot live after", in.a, o)
				}
				if !sharesDst(in) {
					slotUses(in, func(s int32) {
						if s >= nc && s != in.a && slot[s] == slot[in.a] {
							report(pc, "the result over an operand (not sharesDst)", in.a, s)
						}
					})
				}
			}
		}
	}
	return func() []string {
		checkLayout = nil
		mu.Lock()
		defer mu.Unlock()
		return bad
	}
}
