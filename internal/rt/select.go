package rt

// Select (gc's select.go).
//
// Selectgo runs a select statement in gc's three passes:
//
//  1. With every case's channel locked (in lock order), poll the cases in a
//     uniformly random order and complete the first that can proceed: a
//     waiting partner, buffer data or room, or a closed channel.
//  2. If none can and the select blocks, enqueue one sudog per case on its
//     channel (isSelect set, all on gp.waiting in lock order) and park.
//  3. When a waker has completed one of the sudogs (SelectDone): lock the
//     channels again, take the other sudogs off their queues, and report
//     the case whose sudog the waker handed over in gp.param.
//
// Several wakers may find gp's sudogs at once (one per channel). Only one
// may wake it: waitq.dequeue claims gp by CASing gp.selectDone from 0 to 1,
// and a waker that fails drops the sudog. gp resets selectDone in pass 3,
// holding every lock, once no other waker can see its sudogs.
//
// Lock order is by channel address, so that two selects over the same
// channels cannot deadlock; a channel that appears in
// several cases is locked once. Cases with a nil channel take part in
// neither order: they are never ready. The poll order comes from the
// runtime's seeded source (Rand), never from the host.
//
// The poll and lock orders live in gp.selOrder between Selectgo and
// SelectDone, and the executor passes the same cases slice to both, so
// selects allocate nothing once gp's scratch has grown.

import "unsafe"

// Selectgo runs a select with cases for gp; block is false when the
// select has a default. It returns the index in cases of the case that
// proceeded, with recvOK false for a receive from a closed channel; chosen
// is -1 (with done) when nothing was ready and block is false. A send on a
// closed channel returns the panic value as err. It returns done=false when
// gp has been parked; SelectDone then finishes.
func (r *Runtime) Selectgo(gp *G, cases []Scase, block bool) (chosen int, recvOK bool, done bool, err error) {
	if len(cases) == 0 {
		if !block {
			return -1, false, true, nil
		}
		r.gopark(gp, nil, waitReasonSelectNoCases) // forever
		return -1, false, false, nil
	}
	if len(cases) > 1<<16 {
		throw("select: too many cases")
	}

	// Generate the permuted poll order (an inside-out Fisher-Yates
	// shuffle) over the cases with a channel.
	x := gp.x()
	if cap(x.selOrder) < 2*len(cases) {
		x.selOrder = make([]uint16, 2*len(cases))
	}
	order := x.selOrder[:2*len(cases)]
	pollorder := order[:len(cases)]
	norder := 0
	for i := range cases {
		if cases[i].C == nil {
			continue
		}
		if t := cases[i].C.timer; t != nil {
			r.maybeRunTimerChan(t)
		}
		j := randn(r.Rand(gp), norder+1)
		pollorder[norder] = pollorder[j]
		pollorder[j] = uint16(i)
		norder++
	}
	pollorder = pollorder[:norder]
	lockorder := order[len(cases) : len(cases)+norder]
	copy(lockorder, pollorder)
	sortLockorder(cases, lockorder)
	x.selNorder = norder

	sellock(cases, lockorder)

	// Pass 1: look for something already waiting.
	for _, ci := range pollorder {
		cas := &cases[ci]
		c := cas.C
		switch cas.Dir {
		case SelectRecv:
			if sg := c.sendq.dequeue(); sg != nil {
				c.recv(sg, cas.Elem)
				selunlock(cases, lockorder)
				r.goready(sg.g, gp)
				return int(ci), true, true, nil
			}
			if c.qcount > 0 {
				c.bufrecv(cas.Elem)
				selunlock(cases, lockorder)
				return int(ci), true, true, nil
			}
			if c.closed {
				selunlock(cases, lockorder)
				if cas.Elem != nil {
					*cas.Elem = c.zero
				}
				return int(ci), false, true, nil
			}
		case SelectSend:
			if c.closed {
				selunlock(cases, lockorder)
				return int(ci), false, true, PlainError("send on closed channel")
			}
			if sg := c.recvq.dequeue(); sg != nil {
				c.send(sg, *cas.Elem)
				selunlock(cases, lockorder)
				r.goready(sg.g, gp)
				return int(ci), false, true, nil
			}
			if c.qcount < c.dataqsiz {
				c.bufsend(*cas.Elem)
				selunlock(cases, lockorder)
				return int(ci), false, true, nil
			}
		default:
			throw("select: bad case direction")
		}
	}

	if !block {
		selunlock(cases, lockorder)
		return -1, false, true, nil
	}

	// Pass 2: enqueue on every channel, in lock order.
	nextp := &gp.waiting
	for _, ci := range lockorder {
		cas := &cases[ci]
		c := cas.C
		sg := r.acquireSudog(gp)
		sg.g = gp
		sg.isSelect = true
		// Elem is off every stack (the rule in stack.go), so a stack move
		// while the select waits leaves it valid.
		sg.elem = cas.Elem
		sg.c = c
		// Construct the waiting list in lock order.
		*nextp = sg
		nextp = &sg.waitlink
		if cas.Dir == SelectRecv {
			c.recvq.enqueue(sg)
		} else {
			c.sendq.enqueue(sg)
		}
	}

	// Wait to be woken by a waker on one of the channels (or never, when
	// every case's channel is nil).
	gp.param = nil
	gp.parkingOnChan.Store(true)
	reason := waitReasonSelect
	if gp.bubble != nil {
		// Durable when every channel selected on is the bubble's (gc's).
		reason = waitReasonSynctestSelect
		for i := range cases {
			if c := cases[i].C; c != nil && c.bubble == nil {
				reason = waitReasonSelect
				break
			}
		}
	}
	r.goparkCommit(gp, selparkcommit, reason)
	return -1, false, false, nil
}

// SelectDone finishes a select that parked gp (pass 3); cases is the slice
// given to Selectgo.
func (r *Runtime) SelectDone(gp *G, cases []Scase) (chosen int, recvOK bool, err error) {
	x := gp.x()
	norder := x.selNorder
	if len(x.selOrder) < 2*len(cases) || norder > len(cases) {
		throw("SelectDone: no select in progress")
	}
	lockorder := x.selOrder[len(cases) : len(cases)+norder]

	gp.activeStackChans = false
	sellock(cases, lockorder)

	gp.selectDone.Store(0)
	sg, _ := gp.param.(*sudog)
	gp.param = nil

	// Pass 3: dequeue from the unsuccessful channels. Otherwise they stack
	// up on quiet channels. Record the successful case, if any. sudogs are
	// in lock order on gp.waiting.
	casi := -1
	caseSuccess := false
	sglist := gp.waiting
	// Clear all elem before unlinking from gp.waiting.
	for sg1 := gp.waiting; sg1 != nil; sg1 = sg1.waitlink {
		sg1.isSelect = false
		sg1.elem = nil
		sg1.c = nil
	}
	gp.waiting = nil

	for _, ci := range lockorder {
		k := &cases[ci]
		if sglist == nil {
			throw("SelectDone: waiting list shorter than lock order")
		}
		if sg == sglist {
			// sg has already been dequeued by the G that woke us.
			casi = int(ci)
			caseSuccess = sglist.success
		} else if k.Dir == SelectRecv {
			k.C.recvq.dequeueSudoG(sglist)
		} else {
			k.C.sendq.dequeueSudoG(sglist)
		}
		sgnext := sglist.waitlink
		sglist.waitlink = nil
		r.releaseSudog(gp, sglist)
		sglist = sgnext
	}
	selunlock(cases, lockorder)

	if casi < 0 {
		// We can wake up with gp.param == nil only if a waker readied gp
		// without completing a case, which nobody does.
		throw("SelectDone: bad wakeup")
	}
	if cases[casi].Dir == SelectSend {
		if !caseSuccess {
			return casi, false, PlainError("send on closed channel")
		}
		return casi, false, nil
	}
	return casi, caseSuccess, nil
}

// selparkcommit is the park commit of a select: run by the M after gp is
// _Gwaiting, it unlocks every channel gp waits on. gp may run again (and
// lock them all in SelectDone) as soon as the first is unlocked, so it
// must not look at gp's select beyond the waiting list, which gp cannot
// change before it holds every lock: it reads the next sudog while the
// previous channel is still locked.
func selparkcommit(gp *G) {
	gp.activeStackChans = true
	gp.parkingOnChan.Store(false)
	var lastc *Chan
	for sg := gp.waiting; sg != nil; sg = sg.waitlink {
		// A channel may appear several times in a row (several cases on
		// it); unlock it once, after its last sudog.
		if sg.c != lastc && lastc != nil {
			lastc.lock.Unlock()
		}
		lastc = sg.c
	}
	if lastc != nil {
		lastc.lock.Unlock()
	}
}

// sellock locks the channels of cases in lockorder, each once.
func sellock(cases []Scase, lockorder []uint16) {
	var c *Chan
	for _, o := range lockorder {
		c0 := cases[o].C
		if c0 != c {
			c = c0
			c.lock.Lock()
		}
	}
}

// selunlock unlocks the channels of cases in reverse lockorder, each once.
func selunlock(cases []Scase, lockorder []uint16) {
	for i := len(lockorder) - 1; i >= 0; i-- {
		c := cases[lockorder[i]].C
		if i > 0 && c == cases[lockorder[i-1]].C {
			continue // unlock it at its first occurrence
		}
		c.lock.Unlock()
	}
}

// sortLockorder sorts lockorder by channel address (gc's sortkey; the host
// heap does not move objects): small selects (the select statements of
// programs) by insertion, large ones (reflect.Select) with a heap sort (no
// allocation, n log n). The address is read without touching the channel,
// whose cache line other Ms are busy writing.
func sortLockorder(cases []Scase, lockorder []uint16) {
	n := len(lockorder)
	if n <= 8 {
		for i := 1; i < n; i++ {
			for j := i; j > 0 && sortkey(cases[lockorder[j]].C) < sortkey(cases[lockorder[j-1]].C); j-- {
				lockorder[j], lockorder[j-1] = lockorder[j-1], lockorder[j]
			}
		}
		return
	}
	key := func(i int) uintptr { return sortkey(cases[lockorder[i]].C) }
	siftDown := func(root, end int) {
		for {
			child := 2*root + 1
			if child >= end {
				return
			}
			if child+1 < end && key(child) < key(child+1) {
				child++
			}
			if key(root) >= key(child) {
				return
			}
			lockorder[root], lockorder[child] = lockorder[child], lockorder[root]
			root = child
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(i, n)
	}
	for end := n - 1; end > 0; end-- {
		lockorder[0], lockorder[end] = lockorder[end], lockorder[0]
		siftDown(0, end)
	}
}

func sortkey(c *Chan) uintptr { return uintptr(unsafe.Pointer(c)) }

// randn maps the random x to [0, n) (Lemire's multiply-shift; gc's
// cheaprandn).
func randn(x uint64, n int) int {
	return int((uint64(uint32(x>>32)) * uint64(n)) >> 32)
}
