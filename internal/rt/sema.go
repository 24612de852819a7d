package rt

// Semaphores and notify lists (gc's sema.go), for the library's sync
// package: Mutex, RWMutex, WaitGroup, Cond.
//
// As in gc these are not really semaphores but a sleep and wakeup primitive
// on a uint32 in the program's memory, such that every sleep is paired with
// a single wakeup even if, because of races, the wakeup happens before the
// sleep (Mullender and Cox, "Semaphores in Plan 9"). The count at addr is
// changed only atomically; Semrelease increments it and wakes one waiter,
// Semacquire decrements it when it is positive and sleeps otherwise.
//
// Waiters are sudogs in a table of semaRoots hashed by address. Each root
// maps an address to the first of its waiters; the others follow through
// waitlink, and the first's waittail points at the last, so that queueing
// at either end (lifo for a Mutex waiter that has waited before) and
// dequeueing are O(1). root.nwait counts a root's waiters so that
// Semrelease can skip the lock when there are none: a Semacquire adds
// itself to nwait before its last try at the count, with the root locked,
// so a Semrelease that increments the count after that try sees nwait > 0.
//
// A waiter woken by Semrelease usually competes for the count with Gs that
// did not sleep (barging), and sleeps again if it loses; with handoff, the
// releaser takes the count for it and sets its ticket, so it returns at
// once. In the two-phase protocol of chan_api.go, SemacquireDone therefore
// may park gp again (done=false), and the executor calls it again when gp
// runs.
//
// A notify list (sync.Cond) is a ticket queue: Add takes the next ticket,
// Wait sleeps until that ticket is notified, NotifyOne notifies the oldest
// unnotified ticket and NotifyAll all of them. Waiters hold their tickets
// in sudog.ticket on a list under the notify list's lock.

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// WaitReason is why a G is parked (runtime2.go's waitReason).
type WaitReason = waitReason

// Wait reasons for the library's blocking operations.
const (
	WaitMutex            = waitReasonSyncMutexLock
	WaitRWMutexRLock     = waitReasonSyncRWMutexRLock
	WaitRWMutexLock      = waitReasonSyncRWMutexLock
	WaitWaitGroup        = waitReasonSyncWaitGroupWait
	WaitWaitGroupDurable = waitReasonSynctestWaitGroupWait
	WaitCond             = waitReasonSyncCondWait
	WaitSemacquire       = waitReasonSemacquire
	WaitSleep            = waitReasonSleep
	WaitIO               = waitReasonIOWait
	WaitSelect           = waitReasonSelect
	WaitChanReceive      = waitReasonChanReceive
	WaitChanSend         = waitReasonChanSend
)

// Park parks the running gp (gc's gopark): the executor returns EvPark
// after calling it, and the M calls unlock (which may be nil) once gp is
// _Gwaiting. Whoever wakes gp calls Ready.
func (r *Runtime) Park(gp *G, reason WaitReason, unlock func()) {
	r.gopark(gp, unlock, reason)
}

// Ready makes the parked gp runnable (gc's goready). caller is the running
// G that readies it (gp goes in its P's runnext), or nil.
func (r *Runtime) Ready(gp *G, caller *G) {
	r.goready(gp, caller)
}

// semTabSize is prime, not to correlate with any user patterns.
const semTabSize = 251

// semaRoot holds the waiters on the addresses that hash to it.
type semaRoot struct {
	lock    sync.Mutex
	waiters map[*uint32]*sudog // first waiter of each address
	nwait   atomic.Uint32      // number of waiters; read without the lock
	unlockf func()             // lock.Unlock, bound on first use: the park commit
}

// semTable is a Runtime's semaphore table: waiters of one program stay in
// its own table, so a program that ends with Gs asleep leaves nothing behind
// for the next.
type semTable [semTabSize]semaRoot

func (t *semTable) rootFor(addr *uint32) *semaRoot {
	return &t[(uintptr(unsafe.Pointer(addr))>>3)%semTabSize]
}

// cansemacquire decrements *addr if it is positive.
func cansemacquire(addr *uint32) bool {
	for {
		v := atomic.LoadUint32(addr)
		if v == 0 {
			return false
		}
		if atomic.CompareAndSwapUint32(addr, v, v-1) {
			return true
		}
	}
}

// Semacquire waits until *addr > 0 and decrements it (gc's semacquire1).
// reason is the wait reason tracebacks show; lifo queues gp at the head of
// the waiters (a Mutex waiter that has already waited). It returns
// done=false when gp has been parked; SemacquireDone then finishes.
func (r *Runtime) Semacquire(gp *G, addr *uint32, reason WaitReason, lifo bool) (done bool) {
	r.SyncPoint(gp)
	// Easy case.
	if cansemacquire(addr) {
		return true
	}
	s := r.acquireSudog(gp)
	s.g = gp
	s.semaddr = addr
	s.ticket = 0
	s.semReason = reason
	s.semLifo = lifo
	gp.waiting = s
	return r.semqueue(gp, s)
}

// semqueue is the harder case: count gp as a waiter, try once more, then
// queue s and park. It reports whether gp got the count without parking.
func (r *Runtime) semqueue(gp *G, s *sudog) bool {
	addr := s.semaddr
	root := r.semtable.rootFor(addr)
	root.lock.Lock()
	// Add ourselves to nwait to disable the easy case in Semrelease.
	root.nwait.Add(1)
	// Check cansemacquire to avoid a missed wakeup.
	if cansemacquire(addr) {
		root.nwait.Add(^uint32(0))
		root.lock.Unlock()
		r.semdone(gp, s)
		return true
	}
	// Any Semrelease after the cansemacquire knows we are waiting (we set
	// nwait above), so go to sleep.
	root.queue(addr, s, s.semLifo)
	if root.unlockf == nil {
		root.unlockf = root.lock.Unlock
	}
	r.gopark(gp, root.unlockf, s.semReason)
	return false
}

// SemacquireDone finishes a Semacquire that parked gp. If another G took
// the count first, gp waits again: it returns done=false with gp parked,
// and the executor calls SemacquireDone again when gp runs.
func (r *Runtime) SemacquireDone(gp *G) (done bool) {
	s := gp.waiting
	if s == nil || s.semaddr == nil {
		throw("SemacquireDone: no semaphore wait in progress")
	}
	if s.ticket != 0 || cansemacquire(s.semaddr) {
		r.semdone(gp, s)
		return true
	}
	return r.semqueue(gp, s)
}

func (r *Runtime) semdone(gp *G, s *sudog) {
	gp.waiting = nil
	s.semaddr = nil
	s.ticket = 0
	s.g = nil
	r.releaseSudog(gp, s)
}

// Semrelease increments *addr and wakes a waiter, if any (gc's
// semrelease1). With handoff, the count goes straight to the waiter, which
// then cannot lose it to a barging G (sync.Mutex in starvation mode).
func (r *Runtime) Semrelease(gp *G, addr *uint32, handoff bool) {
	r.SyncPoint(gp)
	root := r.semtable.rootFor(addr)
	atomic.AddUint32(addr, 1)

	// Easy case: no waiters? This check must happen after the add, to
	// avoid a missed wakeup (see semqueue).
	if root.nwait.Load() == 0 {
		return
	}

	// Harder case: search for a waiter and wake it.
	root.lock.Lock()
	if root.nwait.Load() == 0 {
		// The count is already consumed by another G, so no need to wake
		// up another G.
		root.lock.Unlock()
		return
	}
	s := root.dequeue(addr)
	if s != nil {
		root.nwait.Add(^uint32(0))
	}
	root.lock.Unlock()
	if s != nil {
		if s.ticket != 0 {
			throw("corrupted semaphore ticket")
		}
		if handoff && cansemacquire(addr) {
			s.ticket = 1
		}
		r.goready(s.g, gp)
		// gc's releaser then yields (goyield) so that the waiter runs at
		// once on this P; here the waiter is in runnext and runs when gp
		// next parks, yields or is preempted.
	}
}

// queue adds s, a waiter on addr, at the tail (or, with lifo, the head) of
// addr's waiters. root.lock must be held.
func (root *semaRoot) queue(addr *uint32, s *sudog, lifo bool) {
	s.waitlink = nil
	s.waittail = nil
	if root.waiters == nil {
		root.waiters = make(map[*uint32]*sudog)
	}
	first := root.waiters[addr]
	switch {
	case first == nil:
		s.waittail = s
		root.waiters[addr] = s
	case lifo:
		// s becomes the first waiter and takes over the tail.
		s.waitlink = first
		s.waittail = first.waittail
		first.waittail = nil
		root.waiters[addr] = s
	default:
		first.waittail.waitlink = s
		first.waittail = s
	}
}

// dequeue removes and returns the first waiter on addr, or nil.
// root.lock must be held.
func (root *semaRoot) dequeue(addr *uint32) *sudog {
	s := root.waiters[addr]
	if s == nil {
		return nil
	}
	if t := s.waitlink; t != nil {
		t.waittail = s.waittail
		root.waiters[addr] = t
	} else {
		delete(root.waiters, addr)
	}
	s.waitlink = nil
	s.waittail = nil
	return s
}

// NotifyList is the runtime half of a sync.Cond (gc's notifyList). Its
// zero value is ready to use.
type NotifyList struct {
	// wait is the ticket of the next waiter; it is atomically incremented
	// outside the lock.
	wait atomic.Uint32

	// notify is the ticket of the next waiter to be notified. It can be
	// read outside the lock, but is only written with the lock held.
	// Both wait and notify can wrap around, and such cases are handled
	// correctly as long as their "unwrapped" difference is bounded by
	// 2^31.
	notify atomic.Uint32

	lock       sync.Mutex
	unlockf    func() // lock.Unlock, bound on first use
	head, tail *sudog // waiters
}

// less reports whether ticket a comes before b, with wrap-around.
func less(a, b uint32) bool { return int32(a-b) < 0 }

// NotifyListAdd takes a ticket on l (sync.Cond.Wait, before unlocking the
// Cond's lock); NotifyListWait then waits for it.
func (r *Runtime) NotifyListAdd(l *NotifyList) uint32 {
	return l.wait.Add(1) - 1
}

// NotifyListWait waits until ticket t of l has been notified. It returns
// done=true at once if it already has been; otherwise gp is parked
// (reason sync.Cond.Wait) and the executor calls NotifyListWaitDone when gp
// runs again.
func (r *Runtime) NotifyListWait(gp *G, l *NotifyList, t uint32) (done bool) {
	r.SyncPoint(gp)
	l.lock.Lock()
	// Return right away if this ticket has already been notified.
	if less(t, l.notify.Load()) {
		l.lock.Unlock()
		return true
	}
	if l.unlockf == nil {
		l.unlockf = l.lock.Unlock
	}
	s := r.acquireSudog(gp)
	s.g = gp
	s.ticket = t
	gp.waiting = s
	if l.tail == nil {
		l.head = s
	} else {
		l.tail.waitlink = s
	}
	l.tail = s
	r.gopark(gp, l.unlockf, waitReasonSyncCondWait)
	return false
}

// NotifyListWaitDone finishes a NotifyListWait that parked gp.
func (r *Runtime) NotifyListWaitDone(gp *G) {
	s := gp.waiting
	if s == nil {
		throw("NotifyListWaitDone: no wait in progress")
	}
	gp.waiting = nil
	s.g = nil
	s.ticket = 0
	r.releaseSudog(gp, s)
}

// NotifyListNotifyAll notifies every waiter on l (sync.Cond.Broadcast).
func (r *Runtime) NotifyListNotifyAll(gp *G, l *NotifyList) {
	r.SyncPoint(gp)
	// Fast path: no new waiters since the last notification.
	if l.wait.Load() == l.notify.Load() {
		return
	}
	// Pull the list out; ready the waiters outside the lock.
	l.lock.Lock()
	s := l.head
	l.head = nil
	l.tail = nil
	// Every ticket handed out so far is notified: earlier waiters are on
	// the list, or will see that they are notified when they try to wait.
	l.notify.Store(l.wait.Load())
	l.lock.Unlock()

	for s != nil {
		next := s.waitlink
		s.waitlink = nil
		r.goready(s.g, gp)
		s = next
	}
}

// NotifyListNotifyOne notifies the oldest unnotified waiter on l
// (sync.Cond.Signal).
func (r *Runtime) NotifyListNotifyOne(gp *G, l *NotifyList) {
	r.SyncPoint(gp)
	// Fast path: no new waiters since the last notification.
	if l.wait.Load() == l.notify.Load() {
		return
	}
	l.lock.Lock()
	t := l.notify.Load()
	if t == l.wait.Load() {
		l.lock.Unlock()
		return
	}
	l.notify.Store(t + 1)

	// Find the G with ticket t. If it has not reached the list yet it
	// will see the new notify number and not park. The list is nearly in
	// ticket order, so the scan stops quickly.
	for p, s := (*sudog)(nil), l.head; s != nil; p, s = s, s.waitlink {
		if s.ticket == t {
			n := s.waitlink
			if p != nil {
				p.waitlink = n
			} else {
				l.head = n
			}
			if n == nil {
				l.tail = p
			}
			l.lock.Unlock()
			s.waitlink = nil
			r.goready(s.g, gp)
			return
		}
	}
	l.lock.Unlock()
}
