// package time: the clock, sleeping and timers on rt; formatting through the
// host's time package.
//
// A time.Time value is {wall, ext, loc}: goro keeps Unix nanoseconds in ext,
// a monotonic reading of rt's clock in the N of loc (whose pointer stays
// nil, i.e. UTC), and 1 in wall when the monotonic reading is present.
package lib

import (
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func mkTime(unixNano int64, mono int64, hasMono bool) rt.Value {
	fs := []rt.Value{{N: 0}, {N: uint64(unixNano)}, {N: uint64(mono)}}
	if hasMono {
		fs[0].N = 1
	}
	return rt.Value{R: fs}
}

func timeFields(v rt.Value) (unixNano, mono int64, hasMono bool) {
	fs, _ := v.R.([]rt.Value)
	if fs == nil {
		return 0, 0, false
	}
	return int64(fs[1].N), int64(fs[2].N), fs[0].N == 1
}

// zeroUnix is the Unix time of the zero time.Time (January 1, year 1 UTC),
// which goro's zero Time value (ext = 0) would otherwise misstate.
func hostTime(v rt.Value) time.Time {
	fs, _ := v.R.([]rt.Value)
	if fs == nil || (fs[0].N == 0 && fs[1].N == 0) {
		return time.Time{}
	}
	ns, _, _ := timeFields(v)
	return time.Unix(0, ns)
}

func now(t *vm.Thread) rt.Value {
	r := t.Machine().RT
	w := r.Walltime()
	return mkTime(w.UnixNano(), r.Nanotime(), true)
}

func sub(a, b rt.Value) int64 {
	_, am, ah := timeFields(a)
	_, bm, bh := timeFields(b)
	if ah && bh {
		return am - bm
	}
	return int64(hostTime(a).Sub(hostTime(b)))
}

// timerState is the host side of a time.Timer or Ticker: kept in the R of
// the struct's second (unexported) field.
type timerState struct {
	rt  *rt.Timer
	c   *rt.Chan
	fn  rt.Value // AfterFunc's function
	per int64
}

func init() {
	reg := vm.RegisterNative
	reg("time.Sleep", func(t *vm.Thread, a, r []rt.Value) {
		if t.Resuming() {
			return
		}
		if t.Machine().RT.TimeSleep(t.G(), int64(a[0].N)) {
			t.Parked()
		}
	})
	reg("time.Now", func(t *vm.Thread, a, r []rt.Value) { r[0] = now(t) })
	reg("time.Since", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(now(t), a[0]))} })
	reg("time.Until", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(a[0], now(t)))} })
	reg("(time.Time).Sub", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(a[0], a[1]))} })
	reg("(time.Time).Unix", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(hostTime(a[0]).Unix())} })
	reg("(time.Time).UnixNano", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(hostTime(a[0]).UnixNano())} })
	reg("(time.Time).UnixMilli", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(hostTime(a[0]).UnixMilli())} })
	reg("(time.Time).IsZero", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(hostTime(a[0]).IsZero()) })
	reg("(time.Time).Before", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) < 0) })
	reg("(time.Time).After", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) > 0) })
	reg("(time.Time).Equal", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) == 0) })
	reg("(time.Time).Add", func(t *vm.Thread, a, r []rt.Value) {
		ns, mono, has := timeFields(a[0])
		d := int64(a[1].N)
		r[0] = mkTime(ns+d, mono+d, has)
	})
	reg("(time.Time).String", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: hostTime(a[0]).String()} })
	reg("(time.Time).Format", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: hostTime(a[0]).Format(vm.Str(a[1]))}
	})
	reg("time.Unix", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = mkTime(time.Unix(int64(a[0].N), int64(a[1].N)).UnixNano(), 0, false)
	})
	dur := func(name string, f func(time.Duration) rt.Value) {
		reg("(time.Duration)."+name, func(t *vm.Thread, a, r []rt.Value) { r[0] = f(time.Duration(int64(a[0].N))) })
	}
	dur("String", func(d time.Duration) rt.Value { return rt.Value{R: d.String()} })
	dur("Seconds", func(d time.Duration) rt.Value { return vm.Float64(d.Seconds()) })
	dur("Minutes", func(d time.Duration) rt.Value { return vm.Float64(d.Minutes()) })
	dur("Hours", func(d time.Duration) rt.Value { return vm.Float64(d.Hours()) })
	dur("Milliseconds", func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Milliseconds())} })
	dur("Microseconds", func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Microseconds())} })
	dur("Nanoseconds", func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Nanoseconds())} })
	reg("time.ParseDuration", func(t *vm.Thread, a, r []rt.Value) {
		d, err := time.ParseDuration(vm.Str(a[0]))
		r[0] = rt.Value{N: uint64(d)}
		r[1] = errorValue(t, err)
	})

	// Timers.
	newTimer := func(t *vm.Thread, typeName string, d, period int64, fn rt.Value) (rt.Value, *timerState) {
		m := t.Machine()
		tt := m.LookupType("time", typeName)
		cell := new(rt.Value)
		*cell = tt.Zero()
		fs := cell.R.([]rt.Value)
		ts := &timerState{fn: fn, per: period}
		if fn.R == nil {
			ts.c = rt.MakeChan(1, mkTime(0, 0, false))
			fs[0] = rt.Value{R: ts.c}
		}
		ts.rt = rt.NewTimer(func(arg any, nowNS int64) {
			ts := arg.(*timerState)
			if ts.fn.R != nil {
				m.Go(ts.fn, nil)
				return
			}
			w := m.RT.Walltime()
			m.RT.Chansend(nil, ts.c, mkTime(w.UnixNano(), nowNS, true), false)
		}, ts)
		fs[1] = rt.Value{R: ts}
		m.RT.ResetTimer(ts.rt, m.RT.Nanotime()+d, period)
		return rt.Value{R: cell}, ts
	}
	stateOf := func(v rt.Value) *timerState {
		p, _ := v.R.(*rt.Value)
		if p == nil {
			return nil
		}
		ts, _ := p.R.([]rt.Value)[1].R.(*timerState)
		return ts
	}
	reg("time.NewTimer", func(t *vm.Thread, a, r []rt.Value) {
		r[0], _ = newTimer(t, "Timer", int64(a[0].N), 0, rt.Value{})
	})
	reg("time.AfterFunc", func(t *vm.Thread, a, r []rt.Value) {
		r[0], _ = newTimer(t, "Timer", int64(a[0].N), 0, a[1])
	})
	reg("time.After", func(t *vm.Thread, a, r []rt.Value) {
		_, ts := newTimer(t, "Timer", int64(a[0].N), 0, rt.Value{})
		r[0] = rt.Value{R: ts.c}
	})
	tickErr := func(t *vm.Thread, d int64) bool {
		if d <= 0 {
			t.Panic(errorValue(t, errString("non-positive interval for NewTicker")))
			return true
		}
		return false
	}
	reg("time.NewTicker", func(t *vm.Thread, a, r []rt.Value) {
		d := int64(a[0].N)
		if tickErr(t, d) {
			return
		}
		r[0], _ = newTimer(t, "Ticker", d, d, rt.Value{})
	})
	reg("time.Tick", func(t *vm.Thread, a, r []rt.Value) {
		d := int64(a[0].N)
		if d <= 0 {
			r[0] = rt.Value{}
			return
		}
		_, ts := newTimer(t, "Ticker", d, d, rt.Value{})
		r[0] = rt.Value{R: ts.c}
	})
	stop := func(t *vm.Thread, a, r []rt.Value) {
		ts := stateOf(a[0])
		if ts == nil {
			t.PanicRuntime("invalid memory address or nil pointer dereference")
			return
		}
		ok := t.Machine().RT.StopTimer(ts.rt)
		if len(r) > 0 {
			r[0] = boolV(ok)
		}
	}
	reg("(*time.Timer).Stop", stop)
	reg("(*time.Ticker).Stop", stop)
	reg("(*time.Timer).Reset", func(t *vm.Thread, a, r []rt.Value) {
		ts := stateOf(a[0])
		rtm := t.Machine().RT
		r[0] = boolV(rtm.ResetTimer(ts.rt, rtm.Nanotime()+int64(a[1].N), 0))
	})
	reg("(*time.Ticker).Reset", func(t *vm.Thread, a, r []rt.Value) {
		ts := stateOf(a[0])
		rtm := t.Machine().RT
		d := int64(a[1].N)
		rtm.ResetTimer(ts.rt, rtm.Nanotime()+d, d)
	})
}
