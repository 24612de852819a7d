package lib

// package time: interpreted from GOROOT source, like the library around
// it; the natives here are its runtime hooks, as gc's runtime provides
// them: the clock (now, runtimeNow, runtimeNano) on rt's clock, so that a
// seed's virtual time is every reading's; Sleep; the timers (newTimer,
// stopTimer, resetTimer) on rt's timers, with Go 1.23's timer channels;
// and the zoneinfo files, read from the host (open, read, closefd,
// preadn).
//
// A timer is the cell of a time.Timer (or a Ticker: the same layout) that
// newTimer makes, its rt timer kept beside it in a CellTable. When it
// fires, it does what time's function for it (sendTime, goFunc) does:
// send the time it was due on its channel, or start the AfterFunc's
// goroutine.

import (
	"errors"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

func init() {
	vm.RegisterNatives(timeNatives)
	vm.RegisterInit(func(m *vm.Machine) {
		// time's tests take it from the runtime (a linkname): Linux's
		// sleeps are high-resolution.
		if c := m.Global("time_test", "haveHighResSleep"); c != nil {
			*c = boolV(true)
		}
	})
}

// timeNatives binds these functions by their ssa names (sorted).
var timeNatives = map[string]vm.NativeFunc{
	"syscall.Getenv":        syscall_Getenv,
	"time.Sleep":            time_Sleep,
	"time.closefd":          time_closefd,
	"time.newTimer":         time_newTimer,
	"time.now":              time_now,
	"time.open":             time_open,
	"time.preadn":           time_preadn,
	"time.read":             time_read,
	"time.resetTimer":       time_resetTimer,
	"time.runtimeIsBubbled": time_runtimeIsBubbled,
	"time.runtimeNano":      time_runtimeNano,
	"time.runtimeNow":       time_now,
	"time.stopTimer":        time_stopTimer,
	"time.syncTimer":        time_syncTimer,

	"time/tzdata.registerLoadFromEmbeddedTZData": time_tzdata_registerLoadFromEmbeddedTZData,
}

// time/tzdata.registerLoadFromEmbeddedTZData: func registerLoadFromEmbeddedTZData(func(string) (string, error))
// — linknamed to time's, which keeps f in loadFromEmbeddedTZData.
func time_tzdata_registerLoadFromEmbeddedTZData(t *vm.Thread, a, r []rt.Value) {
	if c := t.Machine().Global("time", "loadFromEmbeddedTZData"); c != nil {
		*c = a[0]
	}
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

// time.now: func now() (sec int64, nsec int32, mono int64) — and
// runtimeNow, the same: the wall clock and rt's monotonic clock.
func time_now(t *vm.Thread, a, r []rt.Value) {
	mono, wall := t.Machine().RT.Now(t.G()) // a synctest bubble's clock in a bubble
	r[0], r[1], r[2] = rt.Value{N: uint64(wall.Unix())}, rt.Value{N: uint64(wall.Nanosecond())}, rt.Value{N: uint64(mono)}
}

// time.runtimeNano: func runtimeNano() int64
func time_runtimeNano(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{N: uint64(t.Machine().RT.NanotimeOf(t.G()))}
}

// time.runtimeIsBubbled: func runtimeIsBubbled() bool
func time_runtimeIsBubbled(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(t.G().InBubble() != nil) }

// Time values, encoded as time.Now and time.Unix encode them (time.go).
const (
	hasMonotonic   = 1 << 63
	nsecShift      = 30
	unixToInternal = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400
	wallToInternal = (1884*365 + 1884/4 - 1884/100 + 1884/400) * 86400
)

// timeValue makes the time.Time of Unix time sec, nsec in time.Local, with
// the monotonic reading mono (rt's clock) if it is not 0, as time.Now
// does; without, as time.Unix does.
func timeValue(m *vm.Machine, sec int64, nsec int32, mono int64) rt.Value {
	g := timeGlobalsOf(m)
	var loc rt.Value
	if g.local != nil {
		loc = *g.local
	}
	wall, ext := uint64(nsec), sec+unixToInternal
	if mono != 0 {
		if g.startNano != nil {
			mono -= int64(g.startNano.N)
		}
		if s := sec + unixToInternal - wallToInternal; uint64(s)>>33 == 0 {
			wall, ext = hasMonotonic|uint64(s)<<nsecShift|uint64(nsec), mono
		}
	}
	return rt.Value{R: []rt.Value{{N: wall}, {N: uint64(ext)}, loc}}
}

// timeGlobals are the cells of time's variables that timeValue reads,
// looked up once per program (a timer's every firing makes a Time).
type timeGlobals struct{ local, startNano *rt.Value }

type timeGlobalsKey struct{}

func timeGlobalsOf(m *vm.Machine) *timeGlobals {
	if v, ok := m.LibState.Load(timeGlobalsKey{}); ok {
		return v.(*timeGlobals)
	}
	v, _ := m.LibState.LoadOrStore(timeGlobalsKey{}, &timeGlobals{m.Global("time", "Local"), m.Global("time", "startNano")})
	return v.(*timeGlobals)
}

// hostTimeOf is the host time of a time.Time value (time.go's sec and
// nsec); the zero Time is the host's zero Time.
func hostTimeOf(v rt.Value) time.Time {
	fs, _ := v.R.([]rt.Value)
	if len(fs) < 2 {
		return time.Time{}
	}
	wall, ext := fs[0].N, int64(fs[1].N)
	sec := ext
	if wall&hasMonotonic != 0 {
		sec = wallToInternal + int64(wall<<1>>(nsecShift+1))
	}
	if sec == 0 && wall&(1<<nsecShift-1) == 0 {
		return time.Time{}
	}
	return time.Unix(sec-unixToInternal, int64(wall&(1<<nsecShift-1)))
}

// hostTimeValue is timeValue of a host time without a monotonic reading
// (a file's modification time).
func hostTimeValue(m *vm.Machine, ht time.Time) rt.Value {
	return timeValue(m, ht.Unix(), int32(ht.Nanosecond()), 0)
}

// timerState is a time.Timer's (or Ticker's) rt side.
type timerState struct {
	rt *rt.Timer
	c  *rt.Chan // time.sendTime's channel
	fn rt.Value // time.goFunc's func (AfterFunc)
	// Any other function of time's (its tests'), called with arg in a
	// goroutine of its own: goro runs no program code outside a G.
	f, arg rt.Value
}

type timerKey struct{}

func timersOf(m *vm.Machine) *vm.CellTable[*timerState] {
	v, _ := m.LibState.LoadOrStore(timerKey{}, new(vm.CellTable[*timerState]))
	return v.(*vm.CellTable[*timerState])
}

// time.syncTimer: func syncTimer(c chan Time) unsafe.Pointer — c, unless
// GODEBUG=asynctimerchan=1 asks for the channels before Go 1.23.
func time_syncTimer(t *vm.Thread, a, r []rt.Value) {
	if godebugValue("asynctimerchan") == "1" {
		nonDefaultCount(t.Machine(), "asynctimerchan").Add(1)
		r[0] = rt.Value{}
		return
	}
	r[0] = a[0]
}

// time.newTimer: func newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer) *Timer
func time_newTimer(t *vm.Thread, a, r []rt.Value) {
	m := t.Machine()
	cell := new(rt.Value)
	*cell = m.LookupType("time", "Timer").Zero()
	cell.R.([]rt.Value)[1] = boolV(true) // initTimer
	ts := &timerState{}
	iv, _ := a[3].R.(vm.Iface)
	switch cl, _ := a[2].R.(*vm.Closure); {
	case cl != nil && cl.Fn.Name() == "time.sendTime":
		ts.c, _ = iv.V.R.(*rt.Chan)
	case cl != nil && cl.Fn.Name() == "time.goFunc":
		ts.fn = iv.V
	default:
		ts.f, ts.arg = a[2], a[3]
	}
	ts.rt = rt.NewTimer(func(arg any, seq uint64, delay int64) {
		ts := arg.(*timerState)
		switch {
		case ts.fn.R != nil:
			m.GoFromTimer(ts.rt, goFuncSite(), ts.fn, nil)
			return
		case ts.c == nil:
			m.GoFromTimer(ts.rt, rt.FrameSite{}, ts.f, []rt.Value{ts.arg, {N: seq}, {N: uint64(delay)}})
			return
		}
		// sendTime: the time it was due (on its bubble's clock, if any).
		mono, wall := m.RT.TimerNow(ts.rt, delay)
		v := timeValue(m, wall.Unix(), int32(wall.Nanosecond()), mono)
		if ts.c.Timer() {
			m.RT.TimerSend(ts.rt, seq, v)
		} else {
			m.RT.Chansend(nil, ts.c, v, false)
		}
	}, ts)
	if cp, _ := a[4].R.(*rt.Chan); cp != nil && godebugValue("asynctimerchan") != "2" {
		// (asynctimerchan=2: the channels before Go 1.23, made by the
		// runtime — as rt's plain sends make them.)
		m.RT.SetTimerChan(ts.rt, cp)
	}
	m.RT.BindTimer(ts.rt, t.G()) // made in a synctest bubble: on its clock
	timersOf(m).Store(cell, ts)
	m.RT.ResetTimer(ts.rt, int64(a[0].N), int64(a[1].N))
	r[0] = rt.Value{R: cell}
}

// timerOf returns the rt timer of a *time.Timer newTimer made.
func timerOf(t *vm.Thread, v rt.Value) *timerState {
	p := cellOf(t, v)
	if p == nil {
		return nil
	}
	ts, ok := timersOf(t.Machine()).Load(p)
	if !ok {
		t.Unsupported("a time.Timer that time.newTimer did not make")
		return nil
	}
	return ts
}

// time.stopTimer: func stopTimer(*Timer) bool
func time_stopTimer(t *vm.Thread, a, r []rt.Value) {
	if ts := timerOf(t, a[0]); ts != nil {
		r[0] = boolV(t.Machine().RT.StopTimer(ts.rt))
	}
}

// time.resetTimer: func resetTimer(t *Timer, when, period int64) bool
func time_resetTimer(t *vm.Thread, a, r []rt.Value) {
	if ts := timerOf(t, a[0]); ts != nil {
		r[0] = boolV(t.Machine().RT.ResetTimer(ts.rt, int64(a[1].N), int64(a[2].N)))
	}
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

// The zoneinfo files (sys_unix.go's functions over the host's system
// calls): a file descriptor is the host's.

// time.open: func open(name string) (uintptr, error)
func time_open(t *vm.Thread, a, r []rt.Value) {
	fd, err := syscall.Open(vm.Str(a[0]), syscall.O_RDONLY, 0)
	if err != nil {
		r[0], r[1] = rt.Value{}, errnoValue(t, err)
		return
	}
	r[0], r[1] = rt.Value{N: uint64(fd)}, rt.Value{}
}

// time.read: func read(fd uintptr, buf []byte) (int, error)
func time_read(t *vm.Thread, a, r []rt.Value) {
	buf, _ := a[1].R.([]rt.Value)
	b := make([]byte, len(buf))
	n, err := syscall.Read(int(a[0].N), b)
	for i := 0; i < n; i++ {
		buf[i] = rt.Value{N: uint64(b[i])}
	}
	r[0], r[1] = rt.Value{N: uint64(max(n, 0))}, errnoValue(t, err)
	if err == nil {
		r[1] = rt.Value{}
	}
}

// time.closefd: func closefd(fd uintptr)
func time_closefd(t *vm.Thread, a, r []rt.Value) { syscall.Close(int(a[0].N)) }

// time.preadn: func preadn(fd uintptr, buf []byte, off int) error — all
// of buf from off (from the end if off < 0), as time's.
func time_preadn(t *vm.Thread, a, r []rt.Value) {
	buf, _ := a[1].R.([]rt.Value)
	fd, off, whence := int(a[0].N), int64(a[2].N), 0
	if off < 0 {
		whence = 2
	}
	if _, err := syscall.Seek(fd, off, whence); err != nil {
		r[0] = errnoValue(t, err)
		return
	}
	b := make([]byte, len(buf))
	for read := 0; read < len(b); {
		n, err := syscall.Read(fd, b[read:])
		if n <= 0 {
			if err == nil {
				err = errors.New("short read")
			}
			r[0] = errnoValue(t, err)
			return
		}
		read += n
	}
	for i := range b {
		buf[i] = rt.Value{N: uint64(b[i])}
	}
	r[0] = rt.Value{}
}

// syscall.Getenv: func Getenv(key string) (value string, found bool)
func syscall_Getenv(t *vm.Thread, a, r []rt.Value) {
	v, ok := os.LookupEnv(vm.Str(a[0]))
	r[0], r[1] = rt.Value{R: v}, boolV(ok)
}
