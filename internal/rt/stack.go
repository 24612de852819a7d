package rt

// Stacks: each G's frames live in its own slice of Values, [lo, hi). The
// executor checks stackguard0 at every function entry; crossing it calls
// Morestack, which either reports a preemption request or grows the stack
// by copying (gc's newstack/copystack). A G that parks using little of its
// stack may have it halved, again by copying (ShrinkParked).
//
// # Values in flight: the one rule for pointers into a stack
//
// This is the rule every other comment about stacks points to.
//
//  1. Nothing outside a G's own running frames holds a pointer into its
//     stack: no sudog, semaphore root, timer, channel, other G or host
//     goroutine, and no native across a park. A wake-up therefore never
//     delivers into a stack slot: what a parked G receives lands in
//     storage the G owns off its stack (the executor's Thread — recvBuf,
//     the select scratch — or the sudog itself, whose val carries a
//     blocked send's value), and the G copies it into its frame when it
//     runs again.
//  2. The executor's own references into the stack (a frame's register
//     window, a native's argument and result slices) are valid only until
//     the G next grows its stack (Morestack, at a call or a backward jump)
//     or parks; they are reloaded from gp.Stk after either.
//  3. A stack is moved — copied to a new slice, the old one dropped — only
//     by the G itself: when it grows (Morestack), and when it parks
//     (ShrinkParked, which the executor calls after the blocking operation
//     has queued the G's sudogs but before the park commits and a waker can
//     see them). Under rule 1 neither needs to adjust a pointer: gc's
//     adjustsudogs, and its parkingOnChan/activeStackChans guards against
//     shrinking while sudogs point into the stack, have nothing to do in
//     goro (the fields are kept, with gc's meaning, for the G's state).
//
// The rule is enforced in a debug mode (SetPoisonStacks, or
// GORODEBUG=poisonstacks=1 in the environment): every park moves the stack
// (ShrinkParked copies it even when it would not shrink it), a stack's old
// slots are filled with StackPoison after every move, so a stale reference
// reads poison instead of a plausible old value; the channel operations
// throw when they deliver into, or take a value from, a poisoned slot; and
// a move throws if one of the G's sudogs points into the stack it moves.

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"
)

const (
	initialStack = 32 // slots; a new G's stack is at least initialStack/2 (see StartStack)
	// minShrinkStack is the size (slots) a stack is never halved below, and
	// at or under which it is not shrunk at all. 128 slots are 3 KB, gc's
	// order of magnitude (gc never shrinks below its 2 KB minimum stack):
	// halving a smaller stack saves under 1.5 KB per G and leaves the old
	// stack as garbage, which for many Gs parking at once raises the peak
	// more than the halving saves. Measured with bench/programs/parked,
	// whose Gs park using 12 slots of stacks that grew for WaitGroup.Add:
	// shrinking 1M of them from 128 to 32 slots raised peak RSS from 4.6 to
	// 5.4 GB; with a minimum of 32 and a shrink at each G's first park
	// (from 112 slots to 56), 300k of them peaked at 1.70 GB instead of
	// 1.37 GB.
	minShrinkStack = 128
	// smallStack: a stack under it grows by a quarter (at least to what
	// the frame needs, rounded up to the host allocator's size class, a
	// step of 12.5% at most there), not twice: most goroutines' stacks
	// stay small, and doubling a 16-slot stack for a 35-slot chain of
	// calls (bench parked: a worker, WaitGroup.Done, Add, atomic's Add)
	// made 1,536 bytes where 896 hold it. From 1,024 slots (24 KB) on,
	// stacks double as gc's do (a deep recursion's copies stay
	// amortised, and its last stack is, as gc's, between half the limit
	// and the limit).
	smallStack = 1024
	// stackGuard slots are kept free above the guard. The executor checks
	// every frame it lays down (natives' argument and result slots too),
	// so none are needed.
	stackGuard = 0
	// defaultMaxStackBytes is gc's default maxstacksize on 64-bit systems
	// (1e9 bytes, not 1 GiB: runtime/proc.go), reported as gc reports it.
	defaultMaxStackBytes = 1_000_000_000
	// defaultMaxStack is that limit counted in slots.
	defaultMaxStack = defaultMaxStackBytes / SlotBytes
)

// SetMaxStack sets the largest stack a G may have, in bytes of goro's
// stack (runtime/debug.SetMaxStack), and returns the previous setting. A
// stack that would grow past it ends the program with gc's fatal error,
// which reports the setting as given.
func (r *Runtime) SetMaxStack(bytes int) int {
	r.maxstack.Store(int64(bytes / SlotBytes))
	return int(r.maxstackBytes.Swap(int64(bytes)))
}

// SlotBytes is the size of one stack slot, for reporting sizes like gc.
const SlotBytes = int(unsafe.Sizeof(Value{}))

// StackPoison is what a stack's old slots hold after the stack moved, when
// poisoning is on (SetPoisonStacks). Its R is of a type nothing else uses,
// and its N is not a small integer, so a stale read shows.
var StackPoison = Value{N: 0xdeadbeefdeadbeef, R: stackPoison{}}

// stackPoison is the type of StackPoison.R.
type stackPoison struct{}

func (stackPoison) String() string { return "<goro: slot of a moved stack>" }

// IsStackPoison reports whether v is StackPoison.
func IsStackPoison(v Value) bool {
	_, ok := v.R.(stackPoison)
	return ok
}

// poisonStacks turns on the debug mode described at the top of the file.
var poisonStacks atomic.Bool

func init() {
	for _, kv := range strings.Split(os.Getenv("GORODEBUG"), ",") {
		if kv == "poisonstacks=1" {
			poisonStacks.Store(true)
		}
	}
}

// SetPoisonStacks turns the stack-poisoning debug mode on or off for every
// Runtime of the process and returns the previous setting (for tests).
func SetPoisonStacks(on bool) (was bool) { return poisonStacks.Swap(on) }

// Morestack is called by the executor when a frame of need slots starting
// at top would pass stackguard0. It reports preempt=true if the check
// failed because of a preemption request (the stack may still need to grow:
// the executor checks again after rescheduling). Otherwise it grows the
// stack by copying to at least twice its size (more if the frame needs it)
// and returns; a stack past the maximum is gc's fatal "stack overflow".
func (r *Runtime) Morestack(gp *G, top, need int) (preempt bool) {
	if gp.stackguard0.Load() == stackPreempt {
		if r.exiting.Load() {
			return true
		}
		gp.preempt = false
		gp.stackguard0.Store(int64(gp.stack.hi - stackGuard))
		return true
	}
	if gp.Budget < 0 && top+need <= gp.stack.hi-stackGuard {
		return true // the slice of a deterministic schedule is over (det.go)
	}
	// Growing by a factor (a quarter under smallStack, twice from there)
	// keeps growth amortised; a frame that needs more gets what it needs,
	// rounded up to fill the host allocator's size class (doubling until
	// it fit once gave the 104 slots WaitGroup.Add needed on a new G's
	// 16-slot stack 128 slots, 3,072 bytes, where 112 slots fill the
	// 2,688-byte class).
	grow := len(gp.Stk) * 2
	if len(gp.Stk) < smallStack {
		grow = len(gp.Stk) * 5 / 4
	}
	newsize := stackAllocSlots(max(grow, initialStack, top+need+stackGuard))
	if int64(newsize) > r.maxstack.Load() {
		r.stackOverflow(gp)
		return true
	}
	r.copystack(gp, newsize, gp.stack.hi)
	gp.stackGrown = r.clock.nanotime()
	return false
}

// stackIdleNS is how long a stack must go without growing before a park
// may shrink it: shrinking on every park would thrash a G that parks
// between deep calls.
const stackIdleNS = int64(10 * time.Millisecond)

// copystack moves gp's stack to a new one of newsize slots, copying its
// first used slots (rule 3 at the top of the file: gp itself is moving its
// stack, and nothing else points into it).
func (r *Runtime) copystack(gp *G, newsize, used int) {
	old := gp.Stk
	if poisonStacks.Load() {
		checkNoStackPointers(gp, old)
	}
	nw := make([]Value, newsize)
	copy(nw, old[gp.stack.lo:used])
	gp.Stk = nw
	gp.stack = stack{0, newsize}
	if gp.stackguard0.Load() != stackPreempt {
		gp.stackguard0.Store(int64(newsize - stackGuard))
	}
	if poisonStacks.Load() {
		for i := range old {
			old[i] = StackPoison
		}
	}
}

// checkNoStackPointers throws if a sudog of gp points into stk (rule 1).
func checkNoStackPointers(gp *G, stk []Value) {
	if len(stk) == 0 {
		return
	}
	lo := uintptr(unsafe.Pointer(&stk[0]))
	hi := lo + uintptr(len(stk))*uintptr(SlotBytes)
	for sg := gp.waiting; sg != nil; sg = sg.waitlink {
		if p := uintptr(unsafe.Pointer(sg.elem)); sg.elem != nil && p >= lo && p < hi {
			throw("stack moved with a sudog pointing into it (see the rule in rt/stack.go)")
		}
	}
}

// checkNotPoison throws if a channel operation is about to deliver into, or
// take a value from, a slot of a moved stack. Only with poisoning on.
func checkNotPoison(p *Value) {
	if p != nil && poisonStacks.Load() && IsStackPoison(*p) {
		throw("channel value in flight through a moved stack's slot (see the rule in rt/stack.go)")
	}
}

// stackAllocSlots rounds a stack of n slots up to fill the host allocator's
// block for it: a size class up to 32 KB, whole 8 KB pages above.
func stackAllocSlots(n int) int {
	bytes := n * SlotBytes
	if bytes <= sizeClasses[len(sizeClasses)-1] {
		lo, hi := 0, len(sizeClasses)-1
		for lo < hi {
			m := (lo + hi) / 2
			if sizeClasses[m] < bytes {
				lo = m + 1
			} else {
				hi = m
			}
		}
		bytes = sizeClasses[lo]
	} else {
		bytes = (bytes + 8191) &^ 8191
	}
	return bytes / SlotBytes
}

// sizeClasses are the host Go allocator's size classes in bytes
// (runtime/sizeclasses.go).
var sizeClasses = [...]int{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768}

// StartStack makes sure gp, about to run its first frame of need slots,
// has a stack for it. A new G's stack is sized to that frame (rounded up
// to fill its allocation, at least initialStack/2), not to a fixed
// minimum: most goroutines never call deep, and 1M parked Gs then cost
// what their one frame needs.
func (r *Runtime) StartStack(gp *G, need int) {
	if need <= len(gp.Stk) {
		return
	}
	n := stackAllocSlots(max(need, initialStack/2))
	gp.Stk = make([]Value, n)
	gp.stack = stack{0, n}
	if gp.stackguard0.Load() != stackPreempt {
		gp.stackguard0.Store(int64(n - stackGuard))
	}
}

// stackOverflow is gc's fatal error for a stack past the maximum.
func (r *Runtime) stackOverflow(gp *G) {
	fmt.Fprintf(r.stderr, "runtime: goroutine stack exceeds %d-byte limit\n", r.maxstackBytes.Load())
	r.Fatal("stack overflow", gp)
}

// ShrinkParked is called by the executor as gp parks (rule 3 at the top of
// the file), with used the slots its frames occupy. It records used (for
// sysmon) and, if the stack has not grown for stackIdleNS, halves it while
// gp uses under a quarter of it, down to minShrinkStack, in one copy (gc
// shrinks at GC time; goro when a G parks).
// With poisoning on, the stack moves at every park.
func (r *Runtime) ShrinkParked(gp *G, used int) {
	gp.stackUsed = used
	moved := false
	if len(gp.Stk) > minShrinkStack && r.clock.coarseNanotime()-gp.stackGrown > stackIdleNS {
		moved = r.Shrinkstack(gp, used)
	}
	if !moved && len(gp.Stk) > 0 && poisonStacks.Load() {
		r.copystack(gp, len(gp.Stk), used)
	}
}

// Shrinkstack halves gp's stack, as many times as it stays at or over
// minShrinkStack and used stays under a quarter of it, in one copy, and
// reports whether it did. used is the slot above gp's topmost frame. Only
// gp's own executor calls it, at a synchronous safe point or as gp parks
// (rule 3 at the top of the file).
func (r *Runtime) Shrinkstack(gp *G, used int) bool {
	n := len(gp.Stk)
	for n/2 >= minShrinkStack && used < n/4 {
		n /= 2
	}
	if n == len(gp.Stk) {
		return false
	}
	r.copystack(gp, n, used)
	return true
}

// Stackguard returns gp's current stackguard0.
func (gp *G) Stackguard() int64 { return gp.stackguard0.Load() }
