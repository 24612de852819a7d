package rt

// Goroutine profiles and the records behind them (gc's mprof.go): a
// consistent snapshot of every live G — taken with the world stopped, so
// no G moves while it is read (gc's goroutineProfiled serves the same end
// by letting each G record itself before it runs again) — and the
// creation stacks GODEBUG=tracebackancestors keeps (gc's saveAncestors).

// GoroutineRecord is one G of a goroutine profile.
type GoroutineRecord struct {
	Goid   uint64
	Frames []Frame // outermost first, as G.Frames
	Labels *Labels
	Main   bool // the main goroutine
}

// GoroutineProfile returns every live G, gp (the caller, running) first,
// then the others in creation order, as gc's goroutine profile lists
// them. With leaked, only Gs blocked for good after the program's end
// (see Leaked) are listed; goro finds them when the program has ended, so
// a leak profile taken while it runs is empty. gp's frames must be synced.
func (r *Runtime) GoroutineProfile(gp *G, leaked bool) []GoroutineRecord {
	if leaked {
		return nil
	}
	r.StopTheWorld(gp)
	defer r.StartTheWorld()
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	recs := []GoroutineRecord{r.record(gp)}
	for _, g := range r.sched.allgs {
		if g == gp {
			continue
		}
		if s := readgstatus(g) &^ _Gscan; s == _Gdead || s == _Gidle {
			continue
		}
		recs = append(recs, r.record(g))
	}
	return recs
}

// AllocStats returns how many allocations the program has made and their
// bytes, in its own terms (G.Allocated at the VM's allocation sites: gc's
// MemStats.Mallocs and TotalAlloc, not the host's, whose count the
// interpreter's own allocations would swamp), read with the world
// stopped as gc's ReadMemStats reads them. gp is the caller, running.
func (r *Runtime) AllocStats(gp *G) (count, bytes int64) {
	r.StopTheWorld(gp)
	defer r.StartTheWorld()
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	count, bytes = r.metrics.allocs.Load(), r.metrics.allocBytes.Load()
	for _, g := range r.sched.allgs {
		if s := readgstatus(g) &^ _Gscan; s != _Gdead && s != _Gidle {
			count += g.allocCount
			bytes += g.allocBytes
		}
	}
	return count, bytes
}

// MainG returns the main goroutine.
func (r *Runtime) MainG() *G { return r.mainG }

func (r *Runtime) record(gp *G) GoroutineRecord {
	return GoroutineRecord{Goid: gp.goid, Frames: append([]Frame(nil), gp.framesShown()...), Labels: gp.labels, Main: gp == r.mainG}
}

// saveAncestors returns the ancestors a G that parent starts keeps:
// parent's own stack (innermost first, at most tracebackInnerFrames) and
// parent's ancestors, at most GODEBUG=tracebackancestors of them. parent's
// frames must be synced (the executor syncs them before a go statement).
func (r *Runtime) saveAncestors(parent *G) []ancestorInfo {
	n := r.debug.tracebackancestors
	if n <= 0 {
		return nil
	}
	a := ancestorInfo{goid: parent.goid, gopc: parent.gopc}
	fr := parent.sched.frames
	for i := len(fr) - 1; i >= 0 && len(a.frames) < tracebackInnerFrames; i-- {
		if fr[i].Fn != nil && fr[i].Fn.Name() != "" {
			a.frames = append(a.frames, FrameSite{Fn: fr[i].Fn, PC: fr[i].PC})
		}
	}
	out := append([]ancestorInfo{a}, parent.ancestors()...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// GoroutineInfo is one goroutine of a Snapshot.
type GoroutineInfo struct {
	Goid, ParentGoid uint64
	Status           string // as a traceback header names it: "running", "chan receive", ...
	WaitNanos        int64  // how long it has been waiting; 0 if it is not
	Frames           []Frame
	Created          FrameSite // its go statement (Fn nil: the main goroutine)
	Labels           *Labels
	CPUNanos         int64 // sampled CPU time (sysmon charges the Gs it finds running)
	AllocBytes       int64 // bytes allocated (G.Allocated)
	LockedToThread   bool
}

// Snapshot returns every live goroutine in goid order, read with the
// world stopped. The host calls it (no G of the program).
func (r *Runtime) Snapshot() []GoroutineInfo {
	if r.exiting.Load() || !r.started.Load() {
		return nil
	}
	r.StopTheWorld(nil)
	defer r.StartTheWorld()
	var out []GoroutineInfo
	for _, gp := range r.liveGs() {
		out = append(out, GoroutineInfo{
			Goid:           gp.goid,
			ParentGoid:     gp.parentGoid,
			Status:         gstatusText(gp),
			WaitNanos:      r.waitNanos(gp),
			Frames:         append([]Frame(nil), gp.framesShown()...),
			Created:        gp.gopc,
			Labels:         gp.labels,
			CPUNanos:       gp.cpuNanos.Load(),
			AllocBytes:     gp.allocBytes,
			LockedToThread: gp.lockedM() != nil,
		})
	}
	return out
}
