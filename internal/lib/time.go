// package time: the clock, sleeping and timers on rt; formatting through the
// host's time package.
//
// A time.Time value is {wall, ext, loc}: goro keeps 1 in wall when the value
// carries a monotonic reading, the Unix nanoseconds in ext, and in loc the
// host's time.Time (R: it has the location and the full range) with the
// reading of rt's monotonic clock (N). Only natives read these fields. A
// *time.Location is one of two cells, time.UTC and time.Local.
package lib

import (
	"go/types"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func mkTime(ht time.Time, mono int64, hasMono bool) rt.Value {
	fs := []rt.Value{{}, {N: uint64(ht.UnixNano())}, {N: uint64(mono), R: ht}}
	if hasMono {
		fs[0].N = 1
	}
	return rt.Value{R: fs}
}

func timeFields(v rt.Value) (mono int64, hasMono bool) {
	fs, _ := v.R.([]rt.Value)
	if fs == nil {
		return 0, false
	}
	return int64(fs[2].N), fs[0].N == 1
}

// hostTime returns the host time.Time of a time.Time value (the zero Time
// for goro's zero value).
func hostTime(v rt.Value) time.Time {
	fs, _ := v.R.([]rt.Value)
	if fs == nil {
		return time.Time{}
	}
	ht, _ := fs[2].R.(time.Time)
	return ht
}

type timeKey struct{}

// locations are the cells of time.UTC and time.Local.
type locations struct{ utc, local *rt.Value }

func locsOf(m *vm.Machine) *locations {
	v, _ := m.LibState.Load(timeKey{})
	l, _ := v.(*locations)
	return l
}

// hostLoc maps a *time.Location value to the host's.
func hostLoc(t *vm.Thread, v rt.Value) *time.Location {
	if l := locsOf(t.Machine()); l != nil {
		if p, _ := v.R.(*rt.Value); p == l.utc {
			return time.UTC
		}
	}
	return time.Local
}

// locValue maps a host location to the program's *time.Location.
func locValue(t *vm.Thread, loc *time.Location) rt.Value {
	l := locsOf(t.Machine())
	if l == nil {
		return rt.Value{}
	}
	if loc == time.UTC {
		return rt.Value{R: l.utc}
	}
	return rt.Value{R: l.local}
}

func now(t *vm.Thread) rt.Value {
	r := t.Machine().RT
	return mkTime(r.Walltime(), r.Nanotime(), true)
}

func sub(a, b rt.Value) int64 {
	am, ah := timeFields(a)
	bm, bh := timeFields(b)
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
	vm.RegisterInit(func(m *vm.Machine) {
		l := &locations{utc: new(rt.Value), local: new(rt.Value)}
		if lt := m.LookupType("time", "Location"); lt != nil {
			*l.utc, *l.local = lt.Zero(), lt.Zero()
		}
		m.LibState.Store(timeKey{}, l)
		if c := m.Global("time", "UTC"); c != nil {
			*c = rt.Value{R: l.utc}
		}
		if c := m.Global("time", "Local"); c != nil {
			*c = rt.Value{R: l.local}
		}
	})
	// Methods computed by the host on the host's time.Time.
	num := func(name string, f func(time.Time) int64) {
		reg("(time.Time)."+name, func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(f(hostTime(a[0])))} })
	}
	num("Unix", time.Time.Unix)
	num("UnixNano", time.Time.UnixNano)
	num("UnixMilli", time.Time.UnixMilli)
	num("UnixMicro", time.Time.UnixMicro)
	num("Year", func(h time.Time) int64 { return int64(h.Year()) })
	num("Month", func(h time.Time) int64 { return int64(h.Month()) })
	num("Day", func(h time.Time) int64 { return int64(h.Day()) })
	num("Hour", func(h time.Time) int64 { return int64(h.Hour()) })
	num("Minute", func(h time.Time) int64 { return int64(h.Minute()) })
	num("Second", func(h time.Time) int64 { return int64(h.Second()) })
	num("Nanosecond", func(h time.Time) int64 { return int64(h.Nanosecond()) })
	num("Weekday", func(h time.Time) int64 { return int64(h.Weekday()) })
	num("YearDay", func(h time.Time) int64 { return int64(h.YearDay()) })
	reg("(time.Time).Date", func(t *vm.Thread, a, r []rt.Value) {
		y, mo, d := hostTime(a[0]).Date()
		r[0], r[1], r[2] = rt.Value{N: uint64(y)}, rt.Value{N: uint64(mo)}, rt.Value{N: uint64(d)}
	})
	reg("(time.Time).Clock", func(t *vm.Thread, a, r []rt.Value) {
		h, mi, sec := hostTime(a[0]).Clock()
		r[0], r[1], r[2] = rt.Value{N: uint64(h)}, rt.Value{N: uint64(mi)}, rt.Value{N: uint64(sec)}
	})
	reg("(time.Time).IsZero", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(hostTime(a[0]).IsZero()) })
	reg("(time.Time).Before", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) < 0) })
	reg("(time.Time).After", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) > 0) })
	reg("(time.Time).Equal", func(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) == 0) })
	reg("(time.Time).Compare", func(t *vm.Thread, a, r []rt.Value) {
		d := sub(a[0], a[1])
		r[0] = rt.Value{N: uint64(int64(min(max(d, -1), 1)))}
	})
	reg("(time.Time).Add", func(t *vm.Thread, a, r []rt.Value) {
		mono, has := timeFields(a[0])
		d := time.Duration(int64(a[1].N))
		r[0] = mkTime(hostTime(a[0]).Add(d), mono+int64(d), has)
	})
	reg("(time.Time).AddDate", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = mkTime(hostTime(a[0]).AddDate(int(int64(a[1].N)), int(int64(a[2].N)), int(int64(a[3].N))), 0, false)
	})
	conv := func(name string, f func(t *vm.Thread, h time.Time, a []rt.Value) time.Time) {
		reg("(time.Time)."+name, func(t *vm.Thread, a, r []rt.Value) { r[0] = mkTime(f(t, hostTime(a[0]), a), 0, false) })
	}
	conv("UTC", func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.UTC() })
	conv("Local", func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Local() })
	conv("In", func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.In(hostLoc(t, a[1])) })
	conv("Truncate", func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Truncate(time.Duration(a[1].N)) })
	conv("Round", func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Round(time.Duration(a[1].N)) })
	reg("(time.Time).Location", func(t *vm.Thread, a, r []rt.Value) { r[0] = locValue(t, hostTime(a[0]).Location()) })
	reg("(time.Time).String", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: hostTime(a[0]).String()} })
	reg("(time.Time).Format", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = rt.Value{R: hostTime(a[0]).Format(vm.Str(a[1]))}
	})
	reg("(time.Time).AppendFormat", func(t *vm.Thread, a, r []rt.Value) {
		b := hostTime(a[0]).AppendFormat(vm.ValuesToBytes(a[1]), vm.Str(a[2]))
		r[0] = vm.BytesToValues(b)
	})
	reg("time.Unix", func(t *vm.Thread, a, r []rt.Value) {
		r[0] = mkTime(time.Unix(int64(a[0].N), int64(a[1].N)), 0, false)
	})
	reg("time.UnixMilli", func(t *vm.Thread, a, r []rt.Value) { r[0] = mkTime(time.UnixMilli(int64(a[0].N)), 0, false) })
	reg("time.Date", func(t *vm.Thread, a, r []rt.Value) {
		if a[7].R == nil {
			t.Panic(rt.Value{R: vm.Iface{T: t.Machine().TypeOf(types.Typ[types.String]), V: rt.Value{R: "time: missing Location in call to Date"}}})
			return
		}
		i := func(k int) int { return int(int64(a[k].N)) }
		r[0] = mkTime(time.Date(i(0), time.Month(i(1)), i(2), i(3), i(4), i(5), i(6), hostLoc(t, a[7])), 0, false)
	})
	reg("time.Parse", func(t *vm.Thread, a, r []rt.Value) {
		h, err := time.Parse(vm.Str(a[0]), vm.Str(a[1]))
		r[0], r[1] = mkTime(h, 0, false), errorValue(t, err)
	})
	reg("(time.Month).String", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: time.Month(a[0].N).String()} })
	reg("(time.Weekday).String", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: time.Weekday(a[0].N).String()} })
	reg("(*time.Location).String", func(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: hostLoc(t, a[0]).String()} })
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
			ts.c = rt.MakeChan(1, m.LookupType("time", "Time").Zero())
			fs[0] = rt.Value{R: ts.c}
		}
		ts.rt = rt.NewTimer(func(arg any, nowNS int64) {
			ts := arg.(*timerState)
			if ts.fn.R != nil {
				m.Go(ts.fn, nil)
				return
			}
			m.RT.Chansend(nil, ts.c, mkTime(m.RT.Walltime(), nowNS, true), false)
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
