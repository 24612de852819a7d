package lib

// package time: the clock, sleeping and timers on rt; formatting through the
// host's time package.
//
// A time.Time value is {wall, ext, loc}: goro keeps 1 in wall when the value
// carries a monotonic reading, the Unix nanoseconds in ext, and in loc the
// host's time.Time (R: it has the location and the full range) with the
// reading of rt's monotonic clock (N). Only natives read these fields. A
// *time.Location is a cell: time.UTC, time.Local, or one per other host
// location the program has seen (FixedZone, LoadLocation, a parsed offset).

import (
	"go/types"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
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
type locations struct {
	utc, local *rt.Value
	mu         sync.Mutex
	cells      map[*time.Location]*rt.Value // the other locations the program has seen
	hosts      map[*rt.Value]*time.Location
}

func locsOf(m *vm.Machine) *locations {
	v, _ := m.LibState.Load(timeKey{})
	l, _ := v.(*locations)
	return l
}

// hostLoc maps a *time.Location value to the host's.
func hostLoc(t *vm.Thread, v rt.Value) *time.Location {
	if l := locsOf(t.Machine()); l != nil {
		p, _ := v.R.(*rt.Value)
		if p == l.utc {
			return time.UTC
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		if h := l.hosts[p]; h != nil {
			return h
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
	switch loc {
	case time.UTC:
		return rt.Value{R: l.utc}
	case time.Local:
		return rt.Value{R: l.local}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if c := l.cells[loc]; c != nil {
		return rt.Value{R: c}
	}
	c := new(rt.Value)
	*c = t.Machine().LookupType("time", "Location").Zero() // its methods are natives: the fields stay zero
	if l.cells == nil {
		l.cells, l.hosts = map[*time.Location]*rt.Value{}, map[*rt.Value]*time.Location{}
	}
	l.cells[loc], l.hosts[c] = c, loc
	return rt.Value{R: c}
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
	vm.RegisterNatives(timeNatives)
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
}

// timeNatives binds these functions by their ssa names (sorted).
var timeNatives = map[string]vm.NativeFunc{
	"(*time.Location).String":      time_Location_String,
	"(*time.Ticker).Reset":         time_Ticker_Reset,
	"(*time.Ticker).Stop":          time_Timer_Stop,
	"(*time.Timer).Reset":          time_Timer_Reset,
	"(*time.Timer).Stop":           time_Timer_Stop,
	"(*time.Time).UnmarshalJSON":   time_Time_UnmarshalJSON,
	"(*time.Time).UnmarshalText":   time_Time_UnmarshalText,
	"(time.Duration).Abs":          time_Duration_Abs,
	"(time.Duration).Hours":        time_Duration_Hours,
	"(time.Duration).Microseconds": time_Duration_Microseconds,
	"(time.Duration).Milliseconds": time_Duration_Milliseconds,
	"(time.Duration).Minutes":      time_Duration_Minutes,
	"(time.Duration).Nanoseconds":  time_Duration_Nanoseconds,
	"(time.Duration).Round":        time_Duration_Round,
	"(time.Duration).Seconds":      time_Duration_Seconds,
	"(time.Duration).String":       time_Duration_String,
	"(time.Duration).Truncate":     time_Duration_Truncate,
	"(time.Month).String":          time_Month_String,
	"(time.Time).Add":              time_Time_Add,
	"(time.Time).AddDate":          time_Time_AddDate,
	"(time.Time).After":            time_Time_After,
	"(time.Time).AppendFormat":     time_Time_AppendFormat,
	"(time.Time).Before":           time_Time_Before,
	"(time.Time).Clock":            time_Time_Clock,
	"(time.Time).Compare":          time_Time_Compare,
	"(time.Time).Date":             time_Time_Date,
	"(time.Time).Day":              time_Time_Day,
	"(time.Time).Equal":            time_Time_Equal,
	"(time.Time).Format":           time_Time_Format,
	"(time.Time).Hour":             time_Time_Hour,
	"(time.Time).ISOWeek":          time_Time_ISOWeek,
	"(time.Time).In":               time_Time_In,
	"(time.Time).IsZero":           time_Time_IsZero,
	"(time.Time).Local":            time_Time_Local,
	"(time.Time).Location":         time_Time_Location,
	"(time.Time).MarshalJSON":      time_Time_MarshalJSON,
	"(time.Time).MarshalText":      time_Time_MarshalText,
	"(time.Time).Minute":           time_Time_Minute,
	"(time.Time).Month":            time_Time_Month,
	"(time.Time).Nanosecond":       time_Time_Nanosecond,
	"(time.Time).Round":            time_Time_Round,
	"(time.Time).Second":           time_Time_Second,
	"(time.Time).String":           time_Time_String,
	"(time.Time).Sub":              time_Time_Sub,
	"(time.Time).Truncate":         time_Time_Truncate,
	"(time.Time).UTC":              time_Time_UTC,
	"(time.Time).Unix":             time_Time_Unix,
	"(time.Time).UnixMicro":        time_Time_UnixMicro,
	"(time.Time).UnixMilli":        time_Time_UnixMilli,
	"(time.Time).UnixNano":         time_Time_UnixNano,
	"(time.Time).Weekday":          time_Time_Weekday,
	"(time.Time).Zone":             time_Time_Zone,
	"(time.Time).Year":             time_Time_Year,
	"(time.Time).YearDay":          time_Time_YearDay,
	"(time.Weekday).String":        time_Weekday_String,
	"time.After":                   time_After,
	"time.AfterFunc":               time_AfterFunc,
	"time.Date":                    time_Date,
	"time.FixedZone":               time_FixedZone,
	"time.LoadLocation":            time_LoadLocation,
	"time.NewTicker":               time_NewTicker,
	"time.NewTimer":                time_NewTimer,
	"time.Now":                     time_Now,
	"time.Parse":                   time_Parse,
	"time.ParseDuration":           time_ParseDuration,
	"time.Since":                   time_Since,
	"time.Sleep":                   time_Sleep,
	"time.Tick":                    time_Tick,
	"time.Unix":                    time_Unix,
	"time.UnixMilli":               time_UnixMilli,
	"time.Until":                   time_Until,
}

// time.Sleep: func Sleep(d Duration)
func time_Sleep(t *vm.Thread, a, r []rt.Value) {
	if t.Resuming() {
		return
	}
	if t.Machine().RT.TimeSleep(t.G(), int64(a[0].N)) {
		t.Parked()
	}
}

// time.Now: func Now() Time
func time_Now(t *vm.Thread, a, r []rt.Value) { r[0] = now(t) }

// time.Since: func Since(t Time) Duration
func time_Since(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(now(t), a[0]))} }

// time.Until: func Until(t Time) Duration
func time_Until(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(a[0], now(t)))} }

// (time.Time).Sub: func (t Time) Sub(u Time) Duration
func time_Time_Sub(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(sub(a[0], a[1]))} }

// (time.Time).Unix: func (t Time) Unix() int64
func time_Time_Unix(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, time.Time.Unix)
}

// (time.Time).UnixNano: func (t Time) UnixNano() int64
func time_Time_UnixNano(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, time.Time.UnixNano)
}

// (time.Time).UnixMilli: func (t Time) UnixMilli() int64
func time_Time_UnixMilli(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, time.Time.UnixMilli)
}

// (time.Time).UnixMicro: func (t Time) UnixMicro() int64
func time_Time_UnixMicro(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, time.Time.UnixMicro)
}

// (time.Time).Year: func (t Time) Year() int
func time_Time_Year(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Year()) })
}

// (time.Time).Month: func (t Time) Month() Month
func time_Time_Month(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Month()) })
}

// (time.Time).Day: func (t Time) Day() int
func time_Time_Day(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Day()) })
}

// (time.Time).Hour: func (t Time) Hour() int
func time_Time_Hour(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Hour()) })
}

// (time.Time).Minute: func (t Time) Minute() int
func time_Time_Minute(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Minute()) })
}

// (time.Time).Second: func (t Time) Second() int
func time_Time_Second(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Second()) })
}

// (time.Time).Nanosecond: func (t Time) Nanosecond() int
func time_Time_Nanosecond(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Nanosecond()) })
}

// (time.Time).Weekday: func (t Time) Weekday() Weekday
func time_Time_Weekday(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.Weekday()) })
}

// (time.Time).YearDay: func (t Time) YearDay() int
func time_Time_YearDay(t *vm.Thread, a, r []rt.Value) {
	timeNum(t, a, r, func(h time.Time) int64 { return int64(h.YearDay()) })
}

// (time.Time).Date: func (t Time) Date() (year int, month Month, day int)
func time_Time_Date(t *vm.Thread, a, r []rt.Value) {
	y, mo, d := hostTime(a[0]).Date()
	r[0], r[1], r[2] = rt.Value{N: uint64(y)}, rt.Value{N: uint64(mo)}, rt.Value{N: uint64(d)}
}

// (time.Time).Clock: func (t Time) Clock() (hour, min, sec int)
func time_Time_Clock(t *vm.Thread, a, r []rt.Value) {
	h, mi, sec := hostTime(a[0]).Clock()
	r[0], r[1], r[2] = rt.Value{N: uint64(h)}, rt.Value{N: uint64(mi)}, rt.Value{N: uint64(sec)}
}

// (time.Time).IsZero: func (t Time) IsZero() bool
func time_Time_IsZero(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(hostTime(a[0]).IsZero()) }

// (time.Time).Before: func (t Time) Before(u Time) bool
func time_Time_Before(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) < 0) }

// (time.Time).After: func (t Time) After(u Time) bool
func time_Time_After(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) > 0) }

// (time.Time).Equal: func (t Time) Equal(u Time) bool
func time_Time_Equal(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(sub(a[0], a[1]) == 0) }

// (time.Time).Compare: func (t Time) Compare(u Time) int
func time_Time_Compare(t *vm.Thread, a, r []rt.Value) {
	d := sub(a[0], a[1])
	r[0] = rt.Value{N: uint64(int64(min(max(d, -1), 1)))}
}

// (time.Time).Add: func (t Time) Add(d Duration) Time
func time_Time_Add(t *vm.Thread, a, r []rt.Value) {
	mono, has := timeFields(a[0])
	d := time.Duration(int64(a[1].N))
	r[0] = mkTime(hostTime(a[0]).Add(d), mono+int64(d), has)
}

// (time.Time).AddDate: func (t Time) AddDate(years int, months int, days int) Time
func time_Time_AddDate(t *vm.Thread, a, r []rt.Value) {
	r[0] = mkTime(hostTime(a[0]).AddDate(int(int64(a[1].N)), int(int64(a[2].N)), int(int64(a[3].N))), 0, false)
}

// (time.Time).UTC: func (t Time) UTC() Time
func time_Time_UTC(t *vm.Thread, a, r []rt.Value) {
	timeConv(t, a, r, func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.UTC() })
}

// (time.Time).Local: func (t Time) Local() Time
func time_Time_Local(t *vm.Thread, a, r []rt.Value) {
	timeConv(t, a, r, func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Local() })
}

// (time.Time).In: func (t Time) In(loc *Location) Time
func time_Time_In(t *vm.Thread, a, r []rt.Value) {
	timeConv(t, a, r, func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.In(hostLoc(t, a[1])) })
}

// (time.Time).Truncate: func (t Time) Truncate(d Duration) Time
func time_Time_Truncate(t *vm.Thread, a, r []rt.Value) {
	timeConv(t, a, r, func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Truncate(time.Duration(a[1].N)) })
}

// (time.Time).Round: func (t Time) Round(d Duration) Time
func time_Time_Round(t *vm.Thread, a, r []rt.Value) {
	timeConv(t, a, r, func(t *vm.Thread, h time.Time, a []rt.Value) time.Time { return h.Round(time.Duration(a[1].N)) })
}

// (time.Time).Location: func (t Time) Location() *Location
func time_Time_Location(t *vm.Thread, a, r []rt.Value) { r[0] = locValue(t, hostTime(a[0]).Location()) }

// (time.Time).String: func (t Time) String() string
func time_Time_String(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{R: hostTime(a[0]).String()} }

// (time.Time).Format: func (t Time) Format(layout string) string
func time_Time_Format(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: hostTime(a[0]).Format(vm.Str(a[1]))}
}

// (time.Time).AppendFormat: func (t Time) AppendFormat(b []byte, layout string) []byte
func time_Time_AppendFormat(t *vm.Thread, a, r []rt.Value) {
	b := hostTime(a[0]).AppendFormat(vm.ValuesToBytes(a[1]), vm.Str(a[2]))
	r[0] = vm.BytesToValues(b)
}

// time.Unix: func Unix(sec int64, nsec int64) Time
func time_Unix(t *vm.Thread, a, r []rt.Value) {
	r[0] = mkTime(time.Unix(int64(a[0].N), int64(a[1].N)), 0, false)
}

// time.UnixMilli: func UnixMilli(msec int64) Time
func time_UnixMilli(t *vm.Thread, a, r []rt.Value) {
	r[0] = mkTime(time.UnixMilli(int64(a[0].N)), 0, false)
}

// time.Date: func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time
func time_Date(t *vm.Thread, a, r []rt.Value) {
	if a[7].R == nil {
		t.Panic(rt.Value{R: vm.Iface{T: t.Machine().TypeOf(types.Typ[types.String]), V: rt.Value{R: "time: missing Location in call to Date"}}})
		return
	}
	i := func(k int) int { return int(int64(a[k].N)) }
	r[0] = mkTime(time.Date(i(0), time.Month(i(1)), i(2), i(3), i(4), i(5), i(6), hostLoc(t, a[7])), 0, false)
}

// time.Parse: func Parse(layout, value string) (Time, error)
func time_Parse(t *vm.Thread, a, r []rt.Value) {
	h, err := time.Parse(vm.Str(a[0]), vm.Str(a[1]))
	r[0], r[1] = mkTime(h, 0, false), errorValue(t, err)
}

// (time.Month).String: func (m Month) String() string
func time_Month_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: time.Month(a[0].N).String()}
}

// (time.Weekday).String: func (d Weekday) String() string
func time_Weekday_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: time.Weekday(a[0].N).String()}
}

// (*time.Location).String: func (l *Location) String() string
func time_Location_String(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: hostLoc(t, a[0]).String()}
}

// (time.Duration).String: func (d Duration) String() string
func time_Duration_String(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return rt.Value{R: d.String()} })
}

// (time.Duration).Seconds: func (d Duration) Seconds() float64
func time_Duration_Seconds(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return vm.Float64(d.Seconds()) })
}

// (time.Duration).Minutes: func (d Duration) Minutes() float64
func time_Duration_Minutes(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return vm.Float64(d.Minutes()) })
}

// (time.Duration).Hours: func (d Duration) Hours() float64
func time_Duration_Hours(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return vm.Float64(d.Hours()) })
}

// (time.Duration).Milliseconds: func (d Duration) Milliseconds() int64
func time_Duration_Milliseconds(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Milliseconds())} })
}

// (time.Duration).Microseconds: func (d Duration) Microseconds() int64
func time_Duration_Microseconds(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Microseconds())} })
}

// (time.Duration).Nanoseconds: func (d Duration) Nanoseconds() int64
func time_Duration_Nanoseconds(t *vm.Thread, a, r []rt.Value) {
	durationOp(t, a, r, func(d time.Duration) rt.Value { return rt.Value{N: uint64(d.Nanoseconds())} })
}

// time.ParseDuration: func ParseDuration(s string) (Duration, error)
func time_ParseDuration(t *vm.Thread, a, r []rt.Value) {
	d, err := time.ParseDuration(vm.Str(a[0]))
	r[0] = rt.Value{N: uint64(d)}
	r[1] = errorValue(t, err)
}

// time.NewTimer: func NewTimer(d Duration) *Timer
func time_NewTimer(t *vm.Thread, a, r []rt.Value) {
	r[0], _ = newTimer(t, "Timer", int64(a[0].N), 0, rt.Value{})
}

// time.AfterFunc: func AfterFunc(d Duration, f func()) *Timer
func time_AfterFunc(t *vm.Thread, a, r []rt.Value) {
	r[0], _ = newTimer(t, "Timer", int64(a[0].N), 0, a[1])
}

// time.After: func After(d Duration) <-chan Time
func time_After(t *vm.Thread, a, r []rt.Value) {
	_, ts := newTimer(t, "Timer", int64(a[0].N), 0, rt.Value{})
	r[0] = rt.Value{R: ts.c}
}

// time.NewTicker: func NewTicker(d Duration) *Ticker
func time_NewTicker(t *vm.Thread, a, r []rt.Value) {
	d := int64(a[0].N)
	if tickErr(t, d) {
		return
	}
	r[0], _ = newTimer(t, "Ticker", d, d, rt.Value{})
}

// time.Tick: func Tick(d Duration) <-chan Time
func time_Tick(t *vm.Thread, a, r []rt.Value) {
	d := int64(a[0].N)
	if d <= 0 {
		r[0] = rt.Value{}
		return
	}
	_, ts := newTimer(t, "Ticker", d, d, rt.Value{})
	r[0] = rt.Value{R: ts.c}
}

// (*time.Timer).Reset: func (t *Timer) Reset(d Duration) bool
func time_Timer_Reset(t *vm.Thread, a, r []rt.Value) {
	ts := stateOf(a[0])
	rtm := t.Machine().RT
	r[0] = boolV(rtm.ResetTimer(ts.rt, rtm.Nanotime()+int64(a[1].N), 0))
}

// (*time.Ticker).Reset: func (t *Ticker) Reset(d Duration)
func time_Ticker_Reset(t *vm.Thread, a, r []rt.Value) {
	ts := stateOf(a[0])
	rtm := t.Machine().RT
	d := int64(a[1].N)
	rtm.ResetTimer(ts.rt, rtm.Nanotime()+d, d)
}

// durationOp is a Duration method computed by the host: f.
func durationOp(t *vm.Thread, a, r []rt.Value, f func(time.Duration) rt.Value) {
	r[0] = f(time.Duration(int64(a[0].N)))
}

// timeConv is a Time method returning a Time computed by the host: f.
func timeConv(t *vm.Thread, a, r []rt.Value, f func(t *vm.Thread, h time.Time, a []rt.Value) time.Time) {
	r[0] = mkTime(f(t, hostTime(a[0]), a), 0, false)
}

// timeNum is a Time method computed by the host on the host's time.Time.
func timeNum(t *vm.Thread, a, r []rt.Value, f func(time.Time) int64) {
	r[0] = rt.Value{N: uint64(f(hostTime(a[0])))}
}

// (*time.Timer).Stop: func (t *Timer) Stop() bool
//
// Also (*time.Ticker).Stop: func (t *Ticker) Stop()
func time_Timer_Stop(t *vm.Thread, a, r []rt.Value) {
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

// tickErr panics as NewTicker and Reset do for d <= 0.
func tickErr(t *vm.Thread, d int64) bool {
	if d <= 0 {
		t.Panic(errorValue(t, errString("non-positive interval for NewTicker")))
		return true
	}
	return false
}

// stateOf reads a *time.Timer or *time.Ticker.
func stateOf(v rt.Value) *timerState {
	p, _ := v.R.(*rt.Value)
	if p == nil {
		return nil
	}
	ts, _ := p.R.([]rt.Value)[1].R.(*timerState)
	return ts
}

// newTimer makes a Timer or Ticker (typeName) on rt's timers.
func newTimer(t *vm.Thread, typeName string, d, period int64, fn rt.Value) (rt.Value, *timerState) {
	m := t.Machine()
	tt := m.LookupType("time", typeName)
	cell := new(rt.Value)
	*cell = tt.Zero()
	fs := cell.R.([]rt.Value)
	ts := &timerState{fn: fn, per: period}
	async := godebugValue("asynctimerchan") == "1"
	ts.rt = rt.NewTimer(func(arg any, seq uint64, delay int64) {
		ts := arg.(*timerState)
		if ts.fn.R != nil {
			m.GoFrom(goFuncSite(), ts.fn, nil)
			return
		}
		// The time it was due, as gc's sendTime.
		v := mkTime(m.RT.Walltime().Add(-time.Duration(delay)), m.RT.Nanotime()-delay, true)
		if async {
			m.RT.Chansend(nil, ts.c, v, false)
		} else {
			m.RT.TimerSend(ts.rt, seq, v)
		}
	}, ts)
	if fn.R == nil {
		ts.c = rt.MakeChan(1, m.LookupType("time", "Time").Zero())
		fs[0] = rt.Value{R: ts.c}
		if !async {
			m.RT.SetTimerChan(ts.rt, ts.c)
		}
	}
	fs[1] = rt.Value{R: ts}
	m.RT.ResetTimer(ts.rt, m.RT.Nanotime()+d, period)
	return rt.Value{R: cell}, ts
}

// (time.Time).ISOWeek: func (t Time) ISOWeek() (year, week int)
func time_Time_ISOWeek(t *vm.Thread, a, r []rt.Value) {
	y, w := hostTime(a[0]).ISOWeek()
	r[0], r[1] = rt.Value{N: uint64(y)}, rt.Value{N: uint64(w)}
}

// (time.Time).MarshalJSON: func (t Time) MarshalJSON() ([]byte, error)
func time_Time_MarshalJSON(t *vm.Thread, a, r []rt.Value) {
	b, err := hostTime(a[0]).MarshalJSON()
	r[0], r[1] = vm.BytesToValues(b), errorValue(t, err)
}

// (time.Time).MarshalText: func (t Time) MarshalText() ([]byte, error)
func time_Time_MarshalText(t *vm.Thread, a, r []rt.Value) {
	b, err := hostTime(a[0]).MarshalText()
	r[0], r[1] = vm.BytesToValues(b), errorValue(t, err)
}

// (*time.Time).UnmarshalJSON: func (t *Time) UnmarshalJSON(data []byte) error
func time_Time_UnmarshalJSON(t *vm.Thread, a, r []rt.Value) {
	timeUnmarshal(t, a, r, (*time.Time).UnmarshalJSON)
}

// (*time.Time).UnmarshalText: func (t *Time) UnmarshalText(data []byte) error
func time_Time_UnmarshalText(t *vm.Thread, a, r []rt.Value) {
	timeUnmarshal(t, a, r, (*time.Time).UnmarshalText)
}

// timeUnmarshal parses a[1] into the time a[0] points to with the host's
// method. As gc's: JSON null leaves the time alone (even through a nil
// pointer), and a failed parse stores the zero Time. (The error is a plain
// error with gc's text, not a *time.ParseError.)
func timeUnmarshal(t *vm.Thread, a, r []rt.Value, parse func(*time.Time, []byte) error) {
	data := vm.ValuesToBytes(a[1])
	if string(data) == "null" {
		var ht time.Time
		if parse(&ht, data) == nil { // UnmarshalJSON: a no-op
			r[0] = rt.Value{}
			return
		}
	}
	p := cellOf(t, a[0])
	if p == nil {
		return
	}
	var ht time.Time
	err := parse(&ht, data)
	vm.StoreDeep(t.Machine().LookupType("time", "Time"), p, mkTime(ht, 0, false))
	r[0] = errorValue(t, err)
}

// (time.Duration).Round: func (d Duration) Round(m Duration) Duration
func time_Duration_Round(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(time.Duration(a[0].N).Round(time.Duration(a[1].N)))}
}

// (time.Duration).Truncate: func (d Duration) Truncate(m Duration) Duration
func time_Duration_Truncate(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(time.Duration(a[0].N).Truncate(time.Duration(a[1].N)))}
}

// (time.Duration).Abs: func (d Duration) Abs() Duration
func time_Duration_Abs(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(time.Duration(a[0].N).Abs())}
}

// time.FixedZone: func FixedZone(name string, offset int) *Location
func time_FixedZone(t *vm.Thread, a, r []rt.Value) {
	r[0] = locValue(t, time.FixedZone(vm.Str(a[0]), int(int64(a[1].N))))
}

// time.LoadLocation: func LoadLocation(name string) (*Location, error)
func time_LoadLocation(t *vm.Thread, a, r []rt.Value) {
	loc, err := time.LoadLocation(vm.Str(a[0]))
	if err != nil {
		r[0], r[1] = rt.Value{}, errorValue(t, err)
		return
	}
	r[0], r[1] = locValue(t, loc), rt.Value{}
}

// (time.Time).Zone: func (t Time) Zone() (name string, offset int)
func time_Time_Zone(t *vm.Thread, a, r []rt.Value) {
	name, off := hostTime(a[0]).Zone()
	r[0], r[1] = rt.Value{R: name}, rt.Value{N: uint64(int64(off))}
}

// goFuncSite is where gc creates an AfterFunc's goroutine: the go
// statement of time.goFunc (the timer's function), which tracebacks show
// as "created by time.goFunc" with no parent goroutine. Its line is read
// once from GOROOT's time/sleep.go; none if it cannot be found.
var goFuncSite = sync.OnceValue(func() rt.FrameSite {
	file := filepath.Join(goruntime.GOROOT(), "src", "time", "sleep.go")
	data, err := os.ReadFile(file)
	if err != nil {
		return rt.FrameSite{}
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "go arg.(func())()" {
			return rt.FrameSite{Fn: staticFunc{"time.goFunc", file, i + 1}}
		}
	}
	return rt.FrameSite{}
})

// staticFunc is a function of gc's that goro does not run, as a creation
// site names it.
type staticFunc struct {
	name, file string
	line       int
}

func (f staticFunc) Name() string               { return f.name }
func (f staticFunc) FileLine(int) (string, int) { return f.file, f.line }
