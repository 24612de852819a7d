package vm

// Test hooks exported to package vm_test (compile_test.go).

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
