package rt

// Coroutines (gc's coro.go): the goroutine switch behind iter.Pull. A coro
// holds the one G of the pair that is not running; coroswitch exchanges
// the running G with it, so exactly one of them runs at a time.

import "sync"

// Coro is a coroutine.
type Coro struct {
	mu sync.Mutex
	gp *G // the G blocked in the coroutine (the other side)
}

// NewCoro creates a coroutine whose G will run fn(args...) when first
// switched to (gc's newcoro). parent created it at site.
func (r *Runtime) NewCoro(parent *G, site FrameSite, start FuncInfo, fn Value, args []Value) *Coro {
	gp := r.newproc1(parent, site, start, fn, args)
	c := &Coro{gp: gp}
	gp.x().coro = c
	gp.waitreason = waitReasonCoroutine
	gp.waitsince = r.clock.coarseNanotime()
	casgstatus(gp, _Grunnable, _Gwaiting)
	if r.trace.on.Load() {
		r.traceGoCreate(parent, gp, true)
	}
	return c
}

// Coroswitch parks gp in c and runs the G that was waiting there (gc's
// coroswitch). The executor returns EvPark after it; when gp runs again,
// the other side has switched back (or its function has returned).
func (r *Runtime) Coroswitch(gp *G, c *Coro) {
	c.mu.Lock()
	next := c.gp
	c.gp = gp
	c.mu.Unlock()
	r.gopark(gp, func() {
		if next != nil {
			r.goready(next, nil)
		}
	}, waitReasonCoroutine)
}

// coroexit is called when a coroutine's G exits: the G waiting in its coro
// runs again (gc's coroexit).
func (r *Runtime) coroexit(gp *G) {
	c := gp.rare.coro
	gp.rare.coro = nil
	c.mu.Lock()
	next := c.gp
	c.gp = nil
	c.mu.Unlock()
	if next != nil && next != gp {
		r.goready(next, nil)
	}
}
