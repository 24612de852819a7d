package rt

// Run queues: the per-P lock-free ring with runnext, the global queue, and
// work stealing (gc's runqput, runqget, runqgrab, runqsteal, globrunqget).

import "sync/atomic"

// runqempty reports whether pp has no Gs on its local run queue.
func runqempty(pp *P) bool {
	for {
		head := pp.runqhead.Load()
		tail := pp.runqtail.Load()
		runnext := pp.runnext.Load()
		if tail == pp.runqtail.Load() {
			return head == tail && runnext == nil
		}
	}
}

// runqput puts gp on pp's local queue. If next, gp goes in runnext and the
// G that was there is kicked to the tail. If the ring is full, half of it
// moves to the global queue. Executed only by the owner P.
func (r *Runtime) runqput(pp *P, gp *G, next bool) {
	if r.det != nil {
		r.det.put(gp)
		return
	}
	if next {
		for {
			old := pp.runnext.Load()
			if pp.runnext.CompareAndSwap(old, gp) {
				if old == nil {
					return
				}
				gp = old
				break
			}
		}
	}
	for {
		h := pp.runqhead.Load() // load-acquire, synchronize with consumers
		t := pp.runqtail.Load()
		if t-h < uint32(len(pp.runq)) {
			pp.runq[t%uint32(len(pp.runq))].Store(gp)
			pp.runqtail.Store(t + 1) // store-release, makes the item available
			return
		}
		if r.runqputslow(pp, gp, h, t) {
			return
		}
		// the queue is not full, now the put above must succeed
	}
}

// runqputslow moves gp and half of pp's ring to the global queue.
func (r *Runtime) runqputslow(pp *P, gp *G, h, t uint32) bool {
	var batch [len(pp.runq)/2 + 1]*G
	n := t - h
	n = n / 2
	if n != uint32(len(pp.runq)/2) {
		throw("runqputslow: queue is not full")
	}
	for i := uint32(0); i < n; i++ {
		batch[i] = pp.runq[(h+i)%uint32(len(pp.runq))].Load()
	}
	if !pp.runqhead.CompareAndSwap(h, h+n) { // cas-release, commits consume
		return false
	}
	batch[n] = gp
	r.sched.lock.Lock()
	for i := uint32(0); i <= n; i++ {
		r.globrunqput(batch[i])
	}
	r.sched.lock.Unlock()
	return true
}

// runqget takes a G from pp's local queue; inheritTime says it came from
// runnext. Executed only by the owner P.
func (r *Runtime) runqget(pp *P) (gp *G, inheritTime bool) {
	next := pp.runnext.Load()
	if next != nil && pp.runnext.CompareAndSwap(next, nil) {
		return next, true
	}
	for {
		h := pp.runqhead.Load()
		t := pp.runqtail.Load()
		if t == h {
			return nil, false
		}
		gp := pp.runq[h%uint32(len(pp.runq))].Load()
		if pp.runqhead.CompareAndSwap(h, h+1) {
			return gp, false
		}
	}
}

// runqgrab takes up to half of pp's Gs into batch[batchHead:], stealing
// runnext too if stealRunNext. It returns the number taken.
func runqgrab(pp *P, batch *[256]atomic.Pointer[G], batchHead uint32, stealRunNext bool) uint32 {
	for {
		h := pp.runqhead.Load()
		t := pp.runqtail.Load()
		n := t - h
		n = n - n/2
		if n == 0 {
			if stealRunNext {
				if next := pp.runnext.Load(); next != nil {
					if !pp.runnext.CompareAndSwap(next, nil) {
						continue
					}
					batch[batchHead%uint32(len(batch))].Store(next)
					return 1
				}
			}
			return 0
		}
		if n > uint32(len(pp.runq)/2) { // read inconsistent h and t
			continue
		}
		for i := uint32(0); i < n; i++ {
			g := pp.runq[(h+i)%uint32(len(pp.runq))].Load()
			batch[(batchHead+i)%uint32(len(batch))].Store(g)
		}
		if pp.runqhead.CompareAndSwap(h, h+n) { // cas-release, commits consume
			return n
		}
	}
}

// runqsteal steals half of p2's Gs into pp's queue and returns one of them.
func (r *Runtime) runqsteal(pp, p2 *P, stealRunNext bool) *G {
	t := pp.runqtail.Load()
	n := runqgrab(p2, &pp.runq, t, stealRunNext)
	if n == 0 {
		return nil
	}
	n--
	gp := pp.runq[(t+n)%uint32(len(pp.runq))].Load()
	if n == 0 {
		return gp
	}
	h := pp.runqhead.Load()
	if t-h+n >= uint32(len(pp.runq)) {
		throw("runqsteal: runq overflow")
	}
	pp.runqtail.Store(t + n) // store-release, makes the item available
	return gp
}

// globrunqput puts gp on the global queue. sched.lock must be held.
func (r *Runtime) globrunqput(gp *G) {
	if r.det != nil {
		r.det.put(gp)
		return
	}
	r.sched.runq.pushBack(gp)
	atomic.AddInt32(&r.sched.runqsize, 1)
}

// globrunqget takes a batch of Gs from the global queue into pp's local
// queue and returns one. max limits the batch (0: no limit beyond fairness).
// sched.lock must be held.
func (r *Runtime) globrunqget(pp *P, max int32) *G {
	sz := atomic.LoadInt32(&r.sched.runqsize)
	if sz == 0 {
		return nil
	}
	gmp := atomic.LoadInt32(&r.gomaxprocs)
	n := sz/gmp + 1
	if n > sz {
		n = sz
	}
	if max > 0 && n > max {
		n = max
	}
	if n > int32(len(pp.runq))/2 {
		n = int32(len(pp.runq)) / 2
	}
	atomic.AddInt32(&r.sched.runqsize, -n)
	gp := r.sched.runq.pop()
	n--
	for ; n > 0; n-- {
		g1 := r.sched.runq.pop()
		r.runqput(pp, g1, false)
	}
	return gp
}
