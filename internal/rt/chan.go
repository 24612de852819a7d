package rt

// Channels (gc's chan.go).
//
// A Chan is gc's hchan: a lock, a ring buffer of dataqsiz Values holding
// qcount of them between recvx and sendx, and two queues of sudogs: Gs
// blocked receiving (recvq) and sending (sendq). Every field but id,
// dataqsiz and zero is protected by lock.
//
// A blocked operation is a sudog on one of the queues whose elem points at
// the Value to send (a copy in the sudog itself, or a select case's Elem) or
// at where the received Value goes (the receiver's dst). Neither is ever a
// stack slot: a parked G's stack may be moved (the rule at the top of
// stack.go; with poisoning on, send and recv check it). The G that
// completes the operation moves the data through elem while holding the
// lock, records the outcome in sudog.success, hands the sudog to the parked
// G in its param and readies it; the parked G's ...Done call then only has
// to read the outcome and free the sudog.
//
// Invariants:
//
//	At least one of c.sendq and c.recvq is empty, except for an unbuffered
//	channel with a single G blocked on it for both sending and receiving
//	using a select statement, in which case the length of c.sendq and
//	c.recvq is limited only by the size of the select statement.
//
//	For buffered channels, also:
//	  c.qcount > 0 implies that c.recvq is empty.
//	  c.qcount < c.dataqsiz implies that c.sendq is empty.
//
//	A closed channel has both queues empty.
//
// Parking follows the two-phase protocol of chan_api.go: the first call
// enqueues the sudog with the channel locked and parks with chanparkcommit
// as the unlock function, so the lock is released only once the M has
// marked the G _Gwaiting; a waker, which needs the lock to find the sudog,
// can therefore never ready a G that is still running.

import (
	"sync"
)

// Chan is a channel (gc's hchan).
type Chan struct {
	dataqsiz int   // size of the circular queue; immutable
	zero     Value // the element type's zero, delivered by a closed channel; immutable

	lock   sync.Mutex
	qcount int     // number of Values in buf
	buf    []Value // circular queue of dataqsiz Values
	sendx  int     // send index
	recvx  int     // receive index
	recvq  waitq   // blocked receivers
	sendq  waitq   // blocked senders
	closed bool
	timer  *timer  // of a timer channel (SetTimerChan): len and cap 0; immutable after
	bubble *Bubble // the synctest bubble it was made in: a wait on it is durable there; immutable
}

// waitq is a queue of sudogs blocked on a channel.
type waitq struct {
	first *sudog
	last  *sudog
}

// MakeChan makes a channel with a buffer of size elements whose element
// type's zero Value is zero. The executor has checked size (gc's
// "makechan: size out of range" panic is the executor's).
//
// Values are copied as words: an aggregate Value (a struct or array as
// []Value) that goes through the channel, including zero, is shared with
// whoever receives it, and the executor copies it before mutating it in
// place.
func MakeChan(size int, zero Value) *Chan {
	if size < 0 {
		throw("makechan: size out of range")
	}
	c := &Chan{dataqsiz: size, zero: zero}
	if size > 0 {
		c.buf = make([]Value, size)
	}
	return c
}

// MakeChanIn is MakeChan by gp: a channel made in a synctest bubble
// belongs to it (a G of the bubble blocked on it is durably blocked).
func MakeChanIn(gp *G, size int, zero Value) *Chan {
	c := MakeChan(size, zero)
	if gp != nil {
		c.bubble = gp.bubble
	}
	return c
}

// Len returns the number of elements queued in c's buffer (len(c)); 0
// for a timer channel, as gc's.
func (c *Chan) Len() int {
	if c == nil || c.timer != nil {
		return 0
	}
	c.lock.Lock()
	n := c.qcount
	c.lock.Unlock()
	return n
}

// Timer reports whether c is a timer channel (SetTimerChan).
func (c *Chan) Timer() bool { return c.timer != nil }

// Cap returns the size of c's buffer (cap(c)); 0 for a timer channel, as
// gc's.
func (c *Chan) Cap() int {
	if c == nil || c.timer != nil {
		return 0
	}
	return c.dataqsiz
}

// Chansend sends v on c for gp (c <- v). With block false it is gc's
// selectnbsend: it reports sent=false instead of blocking. It returns
// done=false when gp has been parked (see chan_api.go); ChansendDone then
// finishes the send when gp runs again. A send on a closed channel returns
// the panic value "send on closed channel" as err.
func (r *Runtime) Chansend(gp *G, c *Chan, v Value, block bool) (sent, done bool, err error) {
	if c == nil {
		if !block {
			return false, true, nil
		}
		r.gopark(gp, nil, waitReasonChanSendNilChan) // forever
		return false, false, nil
	}

	c.lock.Lock()
	if c.closed {
		c.lock.Unlock()
		return false, true, PlainError("send on closed channel")
	}

	if r.trysend(gp, c, v) {
		return true, true, nil
	}

	if !block {
		c.lock.Unlock()
		return false, true, nil
	}

	// Block: the sudog carries a copy of v until a receiver takes it.
	mysg := r.acquireSudog(gp)
	mysg.val = v
	mysg.elem = &mysg.val
	mysg.g = gp
	mysg.c = c
	gp.waiting = mysg
	gp.param = nil
	c.sendq.enqueue(mysg)
	r.chanpark(gp, c, waitReasonChanSend)
	return false, false, nil
}

// trysend sends v on the locked, open c if that needs no wait — to a
// waiting receiver (readied as from gp), or into the buffer — and then
// unlocks c. It reports whether it sent; if not, c stays locked.
func (r *Runtime) trysend(gp *G, c *Chan, v Value) bool {
	if sg := c.recvq.dequeue(); sg != nil {
		// A receiver is waiting: give it v directly, bypassing the buffer.
		c.send(sg, v)
		c.lock.Unlock()
		r.goready(sg.g, gp)
		return true
	}
	if c.qcount < c.dataqsiz {
		// Space in the buffer: queue v.
		c.buf[c.sendx] = v
		c.sendx++
		if c.sendx == c.dataqsiz {
			c.sendx = 0
		}
		c.qcount++
		c.lock.Unlock()
		return true
	}
	return false
}

// ChansendDone finishes a send that parked gp: a receiver took the value,
// or the channel was closed, and the send panics.
func (r *Runtime) ChansendDone(gp *G) error {
	mysg := gp.waiting
	if mysg == nil || gp.param != mysg {
		throw("ChansendDone: G waiting list is corrupted")
	}
	gp.waiting = nil
	gp.activeStackChans = false
	closed := !mysg.success
	gp.param = nil
	mysg.c = nil
	mysg.val = Value{}
	r.releaseSudog(gp, mysg)
	if closed {
		return PlainError("send on closed channel")
	}
	return nil
}

// send delivers v to the receiver sg dequeued from c's recvq, and hands
// sg to its G, which the caller readies after unlocking c. c must be locked.
func (c *Chan) send(sg *sudog, v Value) {
	if sg.elem != nil {
		checkNotPoison(sg.elem)
		*sg.elem = v
		sg.elem = nil
	}
	sg.success = true
	sg.g.param = sg
}

// Chanrecv receives from c into *dst for gp (<-c; dst may be nil). With
// block false it is gc's selectnbrecv: selected=false when nothing is ready.
// received is false when the value is the zero of a closed channel. It
// returns done=false when gp has been parked; ChanrecvDone then finishes.
func (r *Runtime) Chanrecv(gp *G, c *Chan, dst *Value, block bool) (selected, received, done bool) {
	if c == nil {
		if !block {
			return false, false, true
		}
		r.gopark(gp, nil, waitReasonChanReceiveNilChan) // forever
		return false, false, false
	}
	if c.timer != nil {
		r.maybeRunTimerChan(c.timer)
	}

	c.lock.Lock()
	if c.closed {
		if c.qcount == 0 {
			c.lock.Unlock()
			if dst != nil {
				*dst = c.zero
			}
			return true, false, true
		}
		// Closed with data buffered: receive it as usual.
	} else if sg := c.sendq.dequeue(); sg != nil {
		// A sender is waiting: the buffer, if any, is full. Take its value
		// (unbuffered) or the buffer's head, moving the sender's value to
		// the tail (buffered).
		c.recv(sg, dst)
		c.lock.Unlock()
		r.goready(sg.g, gp)
		return true, true, true
	}

	if c.qcount > 0 {
		c.bufrecv(dst)
		c.lock.Unlock()
		return true, true, true
	}

	if !block {
		c.lock.Unlock()
		return false, false, true
	}

	mysg := r.acquireSudog(gp)
	mysg.elem = dst
	mysg.g = gp
	mysg.c = c
	gp.waiting = mysg
	gp.param = nil
	c.recvq.enqueue(mysg)
	r.chanpark(gp, c, waitReasonChanReceive)
	return false, false, false
}

// ChanrecvDone finishes a receive that parked gp. The value is already in
// *dst; received is false when the channel was closed instead.
func (r *Runtime) ChanrecvDone(gp *G) (received bool) {
	mysg := gp.waiting
	if mysg == nil || gp.param != mysg {
		throw("ChanrecvDone: G waiting list is corrupted")
	}
	gp.waiting = nil
	gp.activeStackChans = false
	success := mysg.success
	gp.param = nil
	mysg.c = nil
	r.releaseSudog(gp, mysg)
	return success
}

// recv completes a receive into dst from the sender sg dequeued from c's
// sendq, and hands sg to its G, which the caller readies after unlocking c.
// c must be locked.
func (c *Chan) recv(sg *sudog, dst *Value) {
	checkNotPoison(sg.elem)
	checkNotPoison(dst)
	if c.dataqsiz == 0 {
		if dst != nil {
			*dst = *sg.elem
		}
	} else {
		// The queue is full (a sender waits). Take the item at the head
		// and put the sender's at the tail, which is the same slot.
		if dst != nil {
			*dst = c.buf[c.recvx]
		}
		c.buf[c.recvx] = *sg.elem
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.sendx = c.recvx
	}
	sg.elem = nil
	sg.success = true
	sg.g.param = sg
}

// bufrecv takes the head of c's buffer into dst. c must be locked and
// c.qcount > 0.
func (c *Chan) bufrecv(dst *Value) {
	if dst != nil {
		*dst = c.buf[c.recvx]
	}
	c.buf[c.recvx] = Value{} // drop the reference
	c.recvx++
	if c.recvx == c.dataqsiz {
		c.recvx = 0
	}
	c.qcount--
}

// bufsend queues v in c's buffer. c must be locked and have room.
func (c *Chan) bufsend(v Value) {
	c.buf[c.sendx] = v
	c.sendx++
	if c.sendx == c.dataqsiz {
		c.sendx = 0
	}
	c.qcount++
}

// Closechan closes c for gp (close(c)). Every blocked receiver gets the
// zero Value with received=false; every blocked sender wakes to panic.
// Closing a nil or closed channel returns the panic value as err.
func (r *Runtime) Closechan(gp *G, c *Chan) error {
	r.SyncPoint(gp)
	if c == nil {
		return PlainError("close of nil channel")
	}
	c.lock.Lock()
	if c.closed {
		c.lock.Unlock()
		return PlainError("close of closed channel")
	}
	c.closed = true

	// Collect the Gs to ready, and ready them after unlocking: a readied G
	// may run at once on another M and take c's lock.
	var glist gQueue
	for {
		sg := c.recvq.dequeue()
		if sg == nil {
			break
		}
		if sg.elem != nil {
			checkNotPoison(sg.elem)
			*sg.elem = c.zero
			sg.elem = nil
		}
		sg.success = false
		sg.g.param = sg
		glist.pushBack(sg.g)
	}
	for {
		sg := c.sendq.dequeue()
		if sg == nil {
			break
		}
		sg.elem = nil
		sg.success = false
		sg.g.param = sg
		glist.pushBack(sg.g)
	}
	c.lock.Unlock()

	for gp1 := glist.pop(); gp1 != nil; gp1 = glist.pop() {
		r.goready(gp1, gp)
	}
	return nil
}

// chanpark parks gp on c, whose lock is held, with reason; the M releases
// the lock in chanparkcommit once gp is _Gwaiting.
func (r *Runtime) chanpark(gp *G, c *Chan, reason waitReason) {
	if c.bubble != nil { // a bubble's own channel: durable (gc's)
		if reason == waitReasonChanSend {
			reason = waitReasonSynctestChanSend
		} else {
			reason = waitReasonSynctestChanReceive
		}
	}
	gp.parkChan = c
	// gc's parkingOnChan keeps its shrinker off the stack the sudog points
	// into until the park commits; goro's sudogs point into no stack (the
	// rule in stack.go), so here it only records the state.
	gp.parkingOnChan.Store(true)
	r.goparkCommit(gp, chanparkcommit, reason)
}

// chanparkcommit is the park commit of a channel wait: run by the M after
// gp is _Gwaiting. gp may run again as soon as the lock is released.
func chanparkcommit(gp *G) {
	gp.activeStackChans = true
	gp.parkingOnChan.Store(false)
	c := gp.parkChan
	gp.parkChan = nil
	c.lock.Unlock()
}

// enqueue adds sgp at the tail of q.
func (q *waitq) enqueue(sgp *sudog) {
	sgp.next = nil
	x := q.last
	if x == nil {
		sgp.prev = nil
		q.first = sgp
		q.last = sgp
		return
	}
	sgp.prev = x
	x.next = sgp
	q.last = sgp
}

// dequeue removes and returns the first sudog of q whose G can be woken,
// or nil. A select's sudog whose G another channel has already claimed
// (selectDone was set by another waker, and the G has not yet come back to
// take its sudogs off the other channels) is dropped.
func (q *waitq) dequeue() *sudog {
	for {
		sgp := q.first
		if sgp == nil {
			return nil
		}
		y := sgp.next
		if y == nil {
			q.first = nil
			q.last = nil
		} else {
			y.prev = nil
			q.first = y
			sgp.next = nil // mark as removed (see dequeueSudoG)
		}
		if sgp.isSelect && !sgp.g.selectDone.CompareAndSwap(0, 1) {
			continue // lost the race to wake this G
		}
		return sgp
	}
}

// dequeueSudoG removes sgp from q if it is still there.
func (q *waitq) dequeueSudoG(sgp *sudog) {
	x := sgp.prev
	y := sgp.next
	if x != nil {
		if y != nil { // middle of queue
			x.next = y
			y.prev = x
			sgp.next = nil
			sgp.prev = nil
			return
		}
		// end of queue
		x.next = nil
		q.last = x
		sgp.prev = nil
		return
	}
	if y != nil { // start of queue
		y.prev = nil
		q.first = y
		sgp.next = nil
		return
	}
	// x == y == nil: sgp is the only element in the queue, or it has
	// already been removed. q.first tells which.
	if q.first == sgp {
		q.first = nil
		q.last = nil
	}
}

// sudogs are cached per P (and, in batches, centrally) so that blocking
// does not allocate.
var sudogCentral struct {
	lock  sync.Mutex
	cache []*sudog
}

// acquireSudog returns a clean sudog for the running gp.
func (r *Runtime) acquireSudog(gp *G) *sudog {
	var pp *P
	if gp != nil && gp.m != nil {
		pp = gp.m.p
	}
	if pp == nil {
		return new(sudog)
	}
	if len(pp.sudogcache) == 0 {
		sudogCentral.lock.Lock()
		for len(pp.sudogcache) < cap(pp.sudogcache)/2 && len(sudogCentral.cache) > 0 {
			n := len(sudogCentral.cache) - 1
			pp.sudogcache = append(pp.sudogcache, sudogCentral.cache[n])
			sudogCentral.cache[n] = nil
			sudogCentral.cache = sudogCentral.cache[:n]
		}
		sudogCentral.lock.Unlock()
		if len(pp.sudogcache) == 0 {
			if cap(pp.sudogcache) == 0 {
				pp.sudogcache = make([]*sudog, 0, 128)
			}
			return new(sudog)
		}
	}
	n := len(pp.sudogcache) - 1
	s := pp.sudogcache[n]
	pp.sudogcache[n] = nil
	pp.sudogcache = pp.sudogcache[:n]
	return s
}

// releaseSudog returns s, which must be off every queue, to the cache.
func (r *Runtime) releaseSudog(gp *G, s *sudog) {
	if s.elem != nil {
		throw("releaseSudog: sudog with non-nil elem")
	}
	if s.isSelect {
		throw("releaseSudog: sudog with non-false isSelect")
	}
	if s.next != nil || s.prev != nil {
		throw("releaseSudog: sudog with non-nil next or prev")
	}
	if s.waitlink != nil || s.waittail != nil {
		throw("releaseSudog: sudog with non-nil waitlink")
	}
	if s.c != nil {
		throw("releaseSudog: sudog with non-nil c")
	}
	if gp.param == s {
		throw("releaseSudog: invalid param")
	}
	*s = sudog{}
	var pp *P
	if gp.m != nil {
		pp = gp.m.p
	}
	if pp == nil || cap(pp.sudogcache) == 0 {
		return
	}
	if len(pp.sudogcache) == cap(pp.sudogcache) {
		// Move half of the local cache to the central cache.
		sudogCentral.lock.Lock()
		for len(pp.sudogcache) > cap(pp.sudogcache)/2 {
			n := len(pp.sudogcache) - 1
			sudogCentral.cache = append(sudogCentral.cache, pp.sudogcache[n])
			pp.sudogcache[n] = nil
			pp.sudogcache = pp.sudogcache[:n]
		}
		sudogCentral.lock.Unlock()
	}
	pp.sudogcache = append(pp.sudogcache, s)
}
