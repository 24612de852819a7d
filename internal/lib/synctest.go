package lib

// testing/synctest: internal/synctest's runtime hooks (gc's
// runtime/synctest.go) on rt's bubbles (rt/synctest.go). testing and
// testing/synctest run from source.

import (
	"sync"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(synctestNatives)
}

// synctestNatives binds these functions by their ssa names (sorted).
var synctestNatives = map[string]vm.NativeFunc{
	"internal/synctest.IsInBubble":   internal_synctest_IsInBubble,
	"internal/synctest.Run":          internal_synctest_Run,
	"internal/synctest.Wait":         internal_synctest_Wait,
	"internal/synctest.acquire":      internal_synctest_acquire,
	"internal/synctest.associate":    internal_synctest_associate,
	"internal/synctest.disassociate": internal_synctest_disassociate,
	"internal/synctest.inBubble":     internal_synctest_inBubble,
	"internal/synctest.isAssociated": internal_synctest_isAssociated,
	"internal/synctest.release":      internal_synctest_release,
}

// internal/synctest.Run: func Run(f func())
func internal_synctest_Run(t *vm.Thread, a, r []rt.Value) {
	if godebugValue("asynctimerchan") == "1" {
		t.PanicPlain("synctest.Run not supported with asynctimerchan!=0")
		return
	}
	rtm := t.Machine().RT
	parked, msg, b := rtm.SynctestRun(t.G(), t.Resuming(), func() *rt.G { return t.Go(a[0], nil) })
	switch {
	case parked:
		t.Parked()
	case msg != "":
		v := t.Machine().NewError(msg)
		rtm.NoteBubbleDeadlock(t.G(), v, b)
		t.Panic(v)
	}
}

// internal/synctest.Wait: func Wait()
func internal_synctest_Wait(t *vm.Thread, a, r []rt.Value) {
	rtm := t.Machine().RT
	if t.Resuming() {
		rtm.SynctestWaitDone(t.G())
		return
	}
	parked, msg := rtm.SynctestWait(t.G())
	switch {
	case parked:
		t.Parked()
	case msg != "":
		t.PanicPlain(msg)
	}
}

// internal/synctest.IsInBubble: func IsInBubble() bool
func internal_synctest_IsInBubble(t *vm.Thread, a, r []rt.Value) {
	r[0] = boolV(t.G().InBubble() != nil)
}

// bubbleBox is a bubble as internal/synctest holds it (an any).
type bubbleBox struct{ b *rt.Bubble }

// internal/synctest.acquire: func acquire() any
func internal_synctest_acquire(t *vm.Thread, a, r []rt.Value) {
	if b := t.G().InBubble(); b != nil {
		b.Acquire()
		r[0] = rt.Value{R: vm.Iface{T: hostAnyType(t), V: rt.Value{R: &bubbleBox{b}}}}
	}
}

// internal/synctest.release: func release(any)
func internal_synctest_release(t *vm.Thread, a, r []rt.Value) {
	if bb := bubbleArg(a[0]); bb != nil {
		bb.b.Release()
	}
}

// internal/synctest.inBubble: func inBubble(any, func())
func internal_synctest_inBubble(t *vm.Thread, a, r []rt.Value) {
	gp := t.G()
	bb := bubbleArg(a[0])
	if t.Resuming() || bb == nil {
		gp.SetBubble(nil)
		return
	}
	if gp.InBubble() != nil {
		t.PanicPlain("goroutine is already bubbled")
		return
	}
	gp.SetBubble(bb.b)
	t.CallThen(a[1], nil, func(t *vm.Thread, res, out []rt.Value) { t.G().SetBubble(nil) })
}

func bubbleArg(v rt.Value) *bubbleBox {
	iv, _ := v.R.(vm.Iface)
	bb, _ := iv.V.R.(*bubbleBox)
	return bb
}

// hostAnyType is the type a host value is boxed as in an interface the
// program only passes back (a *runtime.synctestBubble in gc).
func hostAnyType(t *vm.Thread) *vm.Type {
	return t.Machine().LookupType("internal/synctest", "Bubble")
}

// Associations of objects (WaitGroups) with bubbles: gc keeps them as
// specials of the object's span; goro, by the object's cell.
type bubbleAssoc struct {
	mu sync.Mutex
	id uint64
}

var bubbleAssocs vm.CellTable[*bubbleAssoc]

// Association results, as internal/synctest's.
const (
	unbubbled = iota
	currentBubble
	otherBubble
)

// internal/synctest.associate: func associate(p unsafe.Pointer) int
func internal_synctest_associate(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	b := t.G().InBubble()
	if p == nil || b == nil {
		r[0] = rt.Value{N: unbubbled}
		return
	}
	as := bubbleAssocs.LoadOrMake(p, func() *bubbleAssoc { return &bubbleAssoc{} })
	as.mu.Lock()
	defer as.mu.Unlock()
	switch as.id {
	case 0:
		as.id = b.ID()
		r[0] = rt.Value{N: currentBubble}
	case b.ID():
		r[0] = rt.Value{N: currentBubble}
	default:
		r[0] = rt.Value{N: otherBubble}
	}
}

// internal/synctest.disassociate: func disassociate(b unsafe.Pointer)
func internal_synctest_disassociate(t *vm.Thread, a, r []rt.Value) {
	if p, _ := a[0].R.(*rt.Value); p != nil {
		if as, ok := bubbleAssocs.Load(p); ok {
			as.mu.Lock()
			as.id = 0
			as.mu.Unlock()
		}
	}
}

// internal/synctest.isAssociated: func isAssociated(p unsafe.Pointer) bool
func internal_synctest_isAssociated(t *vm.Thread, a, r []rt.Value) {
	p, _ := a[0].R.(*rt.Value)
	b := t.G().InBubble()
	if p == nil || b == nil {
		r[0] = boolV(false)
		return
	}
	as, ok := bubbleAssocs.Load(p)
	if !ok {
		r[0] = boolV(false)
		return
	}
	as.mu.Lock()
	defer as.mu.Unlock()
	r[0] = boolV(as.id == b.ID())
}
