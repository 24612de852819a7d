// Stacks: each G's frames live in its own slice of Values, [lo, hi). The
// executor checks stackguard0 at every function entry; crossing it calls
// Morestack, which either reports a preemption request or grows the stack
// to twice its size by copying (gc's newstack/copystack). Since nothing
// outside the G points into its stack except sudogs of a G that is parked
// (and a parked G's stack is never moved), copying needs no pointer
// adjustment.
package rt

import (
	"fmt"
	"time"
)

const (
	initialStack = 32 // slots in a new G's stack (768 bytes)
	// stackGuard slots are kept free above the guard. The executor checks
	// every frame it lays down (natives' argument and result slots too),
	// so none are needed.
	stackGuard = 0
	// defaultMaxStack is 1 GB of stack (gc's default maxstacksize) counted
	// in 24-byte slots.
	defaultMaxStack = 1 << 30 / 24
)

// SlotBytes is the size of one stack slot, for reporting sizes like gc.
const SlotBytes = 24

// Morestack is called by the executor when a frame of need slots starting
// at top would pass stackguard0. It reports preempt=true if the check
// failed because of a preemption request (the stack may still need to grow:
// the executor checks again after rescheduling). Otherwise it grows the
// stack by copying until top+need fits and returns the new stack; a stack
// past the maximum is gc's fatal "stack overflow".
func (r *Runtime) Morestack(gp *G, top, need int) (preempt bool) {
	if gp.stackguard0.Load() == stackPreempt {
		if r.exiting.Load() {
			return true
		}
		gp.preempt = false
		gp.stackguard0.Store(int64(gp.stack.hi - stackGuard))
		return true
	}
	newsize := max(len(gp.Stk)*2, initialStack)
	for top+need+stackGuard > newsize {
		newsize *= 2
	}
	if newsize > r.maxstack {
		r.stackOverflow(gp, newsize)
		return true
	}
	r.copystack(gp, newsize)
	gp.stackGrown = r.clock.nanotime()
	return false
}

// stackIdleNS is how long a stack must go without growing before a park
// may shrink it: shrinking on every park would thrash a G that parks
// between deep calls.
const stackIdleNS = int64(10 * time.Millisecond)

// StackIdle reports whether gp's stack has not grown for a while.
func (r *Runtime) StackIdle(gp *G) bool {
	return r.clock.coarseNanotime()-gp.stackGrown > stackIdleNS
}

// copystack moves gp's stack to a new one of newsize slots.
func (r *Runtime) copystack(gp *G, newsize int) {
	old := gp.Stk
	nw := make([]Value, newsize)
	copy(nw, old[gp.stack.lo:gp.stack.hi])
	gp.Stk = nw
	gp.stack = stack{0, newsize}
	gp.stackguard0.Store(int64(newsize - stackGuard))
}

// StartStack makes sure gp, about to run its first frame of need slots,
// has a stack for it. A new G's stack is sized to that frame (rounded up
// to 8 slots, at least initialStack/2), not to a fixed minimum: most
// goroutines never call deep, and 1M parked Gs then cost what their one
// frame needs.
func (r *Runtime) StartStack(gp *G, need int) {
	if need <= len(gp.Stk) {
		return
	}
	n := max((need+7)&^7, initialStack/2)
	gp.Stk = make([]Value, n)
	gp.stack = stack{0, n}
	if gp.stackguard0.Load() != stackPreempt {
		gp.stackguard0.Store(int64(n - stackGuard))
	}
}

// stackOverflow is gc's fatal error for a stack past the maximum.
func (r *Runtime) stackOverflow(gp *G, newsize int) {
	fmt.Fprintf(r.stderr, "runtime: goroutine stack exceeds %d-byte limit\n", r.maxstack*SlotBytes)
	r.Fatal("stack overflow", gp)
}

// Shrinkstack halves gp's stack if it uses less than a quarter of it; the
// executor calls it at synchronous safe points. top is the slot above the
// topmost frame.
func (r *Runtime) Shrinkstack(gp *G, top int) {
	if len(gp.Stk) <= initialStack {
		return
	}
	if top >= len(gp.Stk)/4 {
		return
	}
	nw := make([]Value, len(gp.Stk)/2)
	copy(nw, gp.Stk[:top])
	gp.Stk = nw
	gp.stack = stack{0, len(nw)}
	if gp.stackguard0.Load() != stackPreempt {
		gp.stackguard0.Store(int64(len(nw) - stackGuard))
	}
}

// Stackguard returns gp's current stackguard0.
func (gp *G) Stackguard() int64 { return gp.stackguard0.Load() }
