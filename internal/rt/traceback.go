package rt

// Tracebacks in gc's format:
//
//	goroutine 7 [chan receive, 2 minutes]:
//	main.worker(...)
//		/path/to/main.go:12 +0x0
//	created by main.main in goroutine 1
//		/path/to/main.go:20 +0x0
//
// Frame arguments print as (...) when the function has parameters (gc
// prints their words in hex) and pc offsets as +0x0.

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// ParamsInfo is implemented by FuncInfos that know whether they take
// parameters, for the argument list of a traceback frame.
type ParamsInfo interface{ HasParams() bool }

func frameName(fn FuncInfo) string {
	if a, ok := fn.(interface{ ArgsText() string }); ok && a.ArgsText() != "" {
		return fn.Name() + a.ArgsText()
	}
	args := "()"
	if p, ok := fn.(ParamsInfo); ok && p.HasParams() {
		args = "(...)"
	}
	return fn.Name() + args
}

// header is "goroutine N [status]:".
func (r *Runtime) header(gp *G, running bool) string {
	status := "running"
	if !running {
		status = gstatusText(gp)
		if gp.bubble != nil && readgstatus(gp)&^_Gscan == _Gwaiting && gp.waitreason.isIdleInSynctest() && !strings.HasSuffix(status, "(durable)") {
			status += " (durable)"
		}
		if mins := r.waitNanos(gp) / 60e9; mins >= 1 {
			status += fmt.Sprintf(", %d minutes", mins)
		}
	}
	if r.debug.gorocpu {
		status += fmt.Sprintf(", cpu %v", time.Duration(gp.cpuNanos.Load()))
	}
	if r.debug.goroalloc {
		status += fmt.Sprintf(", alloc %d bytes", gp.allocBytes)
	}
	if gp.lockedM() != nil {
		status += ", locked to thread"
	}
	if b := gp.bubble; b != nil {
		status += fmt.Sprintf(", synctest bubble %d", b.id)
	}
	if l := gp.labels; l != nil && len(l.List) > 0 && r.debug.tracebacklabels {
		status += " labels:{"
		for i, kv := range l.List {
			if i > 0 {
				status += ", "
			}
			status += quoted(kv.Key) + ": " + quoted(kv.Value)
		}
		status += "}"
	}
	return fmt.Sprintf("goroutine %d [%s]:", gp.goid, status)
}

// gstatusText is gp's state as a traceback header names it: its wait
// reason when it waits, else runnable, syscall, running...
func gstatusText(gp *G) string {
	if gp.stwRunning && readgstatus(gp)&^_Gscan == _Grunnable {
		return "running" // preempted by the stop of the world it is read in
	}
	switch readgstatus(gp) &^ _Gscan {
	case _Gwaiting:
		return gp.waitreason.String()
	case _Grunnable:
		return "runnable"
	case _Gsyscall:
		return "syscall"
	case _Grunning:
		return "running"
	case _Gpreempted:
		return "preempted"
	}
	return statusString(readgstatus(gp))
}

// waitNanos is how long gp has been waiting (0 if it is not).
func (r *Runtime) waitNanos(gp *G) int64 {
	if gp.waitsince == 0 || readgstatus(gp)&^_Gscan != _Gwaiting {
		return 0
	}
	return max(r.clock.nanotime()-gp.waitsince, 0)
}

// quoted is s as gc's runtime prints a quoted string (printquoted): only
// printable ASCII as it is, \n \r \t \\ \" escaped, other runes as
// \xXX, \uXXXX or \UXXXXXXXX.
func quoted(s string) string {
	b := []byte{'"'}
	for _, c := range s {
		switch {
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c == '\\' || c == '"':
			b = append(b, '\\', byte(c))
		case c >= ' ' && c <= '~':
			b = append(b, byte(c))
		case c < 127:
			b = fmt.Appendf(b, `\x%02x`, c)
		case c < 0x10000:
			b = fmt.Appendf(b, `\u%04x`, c)
		default:
			b = fmt.Appendf(b, `\U%08x`, c)
		}
	}
	return string(append(b, '"'))
}

// ElideWrapper reports whether the wrapper at frames[i] (outermost first)
// is left out of a traceback or Callers, as gc leaves its wrappers out
// (elideWrapperCalling) unless one is where a panic began: the innermost
// frame, or the one below gopanic's while deferred calls run — and there
// not when it stands at a call of a native, which has no frame of its own
// and is where the panic began.
func ElideWrapper(frames []Frame, i int) bool {
	if i < len(frames)-1 && frames[i+1].Fn != nil && frames[i+1].Fn.Name() != "panic" {
		return true
	}
	p, ok := frames[i].Fn.(interface{ CallsNative(pc int) bool })
	return ok && p.CallsNative(frames[i].PC)
}

// framesShown is gp's frames, outermost first, with the frame of the
// native it is parked in (parkFrame) innermost; for a G that has not run
// yet, the frames gc shows for it (its function at its first line, or the
// wrapper gc runs the go statement's call through: UnstartedFrames).
func (gp *G) framesShown() []Frame {
	if len(gp.sched.frames) == 0 && readgstatus(gp)&^_Gscan == _Grunnable && gp.gopc.Fn != nil {
		if u, ok := gp.gopc.Fn.(interface {
			UnstartedFrames(pc int, start FuncInfo) []Frame
		}); ok {
			return u.UnstartedFrames(gp.gopc.PC, gp.startpc)
		}
	}
	if gp.parkFrame == nil || readgstatus(gp)&^_Gscan != _Gwaiting {
		return gp.sched.frames
	}
	return append(gp.sched.frames[:len(gp.sched.frames):len(gp.sched.frames)], Frame{Fn: gp.parkFrame})
}

// gc prints at most the innermost tracebackInnerFrames and the outermost
// tracebackOuterFrames frames of a stack, and how many it left out between.
const (
	tracebackInnerFrames = 50
	tracebackOuterFrames = 50
)

// tracebackG prints gp's header, frames and creation site.
func (r *Runtime) tracebackG(w io.Writer, gp *G, running bool) {
	fmt.Fprintln(w, r.header(gp, running))
	r.frames(w, gp)
}

// frames prints gp's frames and creation site.
func (r *Runtime) frames(w io.Writer, gp *G) {
	frames := gp.framesShown()
	shown := 0 // frames printed or elided so far, innermost first
	total := -1
	for i := len(frames) - 1; i >= 0; i-- {
		f := frames[i]
		if f.Fn == nil || f.Fn.Name() == "" {
			continue // the executor's own frames (runtime.main) are hidden
		}
		if w, ok := f.Fn.(interface{ Wrapper() bool }); ok && w.Wrapper() && ElideWrapper(frames, i) {
			continue
		}
		if shown == tracebackInnerFrames && total < 0 {
			total = shown
			for _, f := range frames[:i+1] {
				if f.Fn != nil && f.Fn.Name() != "" {
					total++
				}
			}
			if elide := total - tracebackInnerFrames - tracebackOuterFrames; elide > 0 {
				fmt.Fprintf(w, "...%d frames elided...\n", elide)
			}
		}
		shown++
		if total >= 0 && total-shown >= tracebackOuterFrames {
			continue
		}
		file, line := f.Fn.FileLine(f.PC)
		fmt.Fprintf(w, "%s\n\t%s:%d +0x0\n", frameName(f.Fn), file, line)
	}
	if gp.gopc.Fn != nil {
		file, line := gp.gopc.Fn.FileLine(gp.gopc.PC)
		in := ""
		if gp.parentGoid != 0 {
			in = fmt.Sprintf(" in goroutine %d", gp.parentGoid) // none for a timer's (time.goFunc)
		}
		fmt.Fprintf(w, "created by %s%s\n\t%s:%d +0x0\n", gp.gopc.Fn.Name(), in, file, line)
	}
	for _, a := range gp.ancestors() {
		fmt.Fprintf(w, "[originating from goroutine %d]:\n", a.goid)
		for _, f := range a.frames {
			// gc keeps return addresses and prints the line each falls
			// on: that of the code after the call (or go statement).
			file, line := f.Fn.FileLine(f.PC)
			if rl, ok := f.Fn.(interface{ ReturnLine(int) (string, int) }); ok {
				file, line = rl.ReturnLine(f.PC)
			}
			fmt.Fprintf(w, "%s(...)\n\t%s:%d +0x0\n", f.Fn.Name(), file, line)
		}
		if len(a.frames) == tracebackInnerFrames {
			fmt.Fprintln(w, "...additional frames elided...")
		}
		if a.gopc.Fn != nil && a.goid != 1 {
			file, line := a.gopc.Fn.FileLine(a.gopc.PC)
			fmt.Fprintf(w, "created by %s\n\t%s:%d +0x0\n", a.gopc.Fn.Name(), file, line)
		}
	}
}

// tracebackOthers prints every other live G, in goid order, each preceded
// by a blank line.
func (r *Runtime) tracebackOthers(w io.Writer, cur *G) { r.tracebackSome(w, cur, nil) }

// tracebackSome is tracebackOthers of the Gs in bubble b only (all if
// b is nil).
func (r *Runtime) tracebackSome(w io.Writer, cur *G, b *Bubble) {
	r.sched.lock.Lock()
	gs := append([]*G(nil), r.sched.allgs...)
	r.sched.lock.Unlock()
	sort.Slice(gs, func(i, j int) bool { return gs[i].goid < gs[j].goid })
	for _, gp := range gs {
		if gp == cur || b != nil && gp.bubble != b {
			continue
		}
		s := readgstatus(gp) &^ _Gscan
		if s == _Gdead || s == _Gidle {
			continue
		}
		fmt.Fprintln(w)
		if s == _Grunning { // a panic's traceback does not stop the world
			fmt.Fprintln(w, r.header(gp, true))
			fmt.Fprintln(w, "\tgoroutine running on other thread; stack unavailable")
			continue
		}
		r.tracebackG(w, gp, false)
	}
}

// SignalDump ends the program as gc ends it on a signal that kills it
// with a dump (SIGQUIT): with the world stopped, text (gc's "SIGQUIT:
// quit" lines) and every goroutine in goid order, then exit code 2. gc's
// dump also shows its own goroutines, each thread's g0 and the signalled
// thread's registers, which a goro program has none of; it prints them at
// GOTRACEBACK=system level whatever GOTRACEBACK says, so goro's shows
// every goroutine whatever it says too. cur is the G the signal is
// about (runtime.Breakpoint's SIGTRAP), running, or nil (from the host).
func (r *Runtime) SignalDump(text string, cur *G) {
	r.StopTheWorld(cur)
	var b stringWriter
	fmt.Fprintf(&b, "%s\n\n", text)
	r.dumpAll(&b)
	r.CrashWriter().Write(b)
	r.Exit(2)
}

// Dump prints every goroutine, as SIGQUIT's dump does, without ending the
// program: the world is stopped while it is read. Called by the host
// (no G), e.g. an embedder watching a program.
func (r *Runtime) Dump(w io.Writer) {
	if r.exiting.Load() || !r.started.Load() {
		return
	}
	r.StopTheWorld(nil)
	var b stringWriter
	r.dumpAll(&b)
	r.StartTheWorld()
	w.Write(b)
}

// dumpAll prints every live G in goid order, each after a blank line.
func (r *Runtime) dumpAll(b io.Writer) {
	for i, gp := range r.liveGs() {
		if i > 0 {
			fmt.Fprintln(b)
		}
		r.tracebackG(b, gp, false)
	}
}

// liveGs returns the live Gs in goid order.
func (r *Runtime) liveGs() []*G {
	r.sched.lock.Lock()
	var gs []*G
	for _, gp := range r.sched.allgs {
		if s := readgstatus(gp) &^ _Gscan; s != _Gdead && s != _Gidle {
			gs = append(gs, gp)
		}
	}
	r.sched.lock.Unlock()
	sort.Slice(gs, func(i, j int) bool { return gs[i].goid < gs[j].goid })
	return gs
}

// MainStarted is called as the package initializers have run and main.main
// starts: the goroutines alive now, but main's, are the background.
func (r *Runtime) MainStarted() {
	r.sched.lock.Lock()
	defer r.sched.lock.Unlock()
	for _, gp := range r.sched.allgs {
		if s := readgstatus(gp) &^ _Gscan; gp != r.mainG && s != _Gdead && s != _Gidle {
			gp.background = true
		}
	}
}

// Leaked prints, as Go 1.26's goroutine leak profile does (debug=2), every G
// of a program that has ended that was blocked on a channel, a select or a
// sync primitive: when the program ends no G can wake it, so whatever it
// was waiting for never came. Goroutines that package initializers started
// (and theirs) are the program's background, as a server loop started in
// init: not reported (gc's profile spares them when a global reaches their
// channel). It returns how many it printed.
func (r *Runtime) Leaked(w io.Writer) int {
	r.sched.lock.Lock()
	gs := append([]*G(nil), r.sched.allgs...)
	r.sched.lock.Unlock()
	sort.Slice(gs, func(i, j int) bool { return gs[i].goid < gs[j].goid })
	n := 0
	for _, gp := range gs {
		if readgstatus(gp)&^_Gscan != _Gwaiting || !gp.waitreason.leakable() || gp.background {
			continue
		}
		if n > 0 {
			fmt.Fprintln(w)
		}
		n++
		fmt.Fprintf(w, "goroutine %d [%s (leaked)]:\n", gp.goid, gp.waitreason)
		r.frames(w, gp)
	}
	return n
}

// Traceback prints gp's stack as gc does after "panic: ..." lines: a blank
// line, then the running G and its frames. With all, the other Gs follow
// (GOTRACEBACK=all).
func (r *Runtime) Traceback(w io.Writer, gp *G, all bool) {
	r.TracebackPanic(w, gp, all, Value{})
}

// TracebackPanic is Traceback for a G dying of a panic with value arg:
// when arg is a synctest bubble's deadlock, the bubble's goroutines are
// printed too (gc's dopanic_m).
func (r *Runtime) TracebackPanic(w io.Writer, gp *G, all bool, arg Value) {
	fmt.Fprintln(w)
	r.tracebackG(w, gp, true)
	if all {
		r.tracebackOthers(w, gp)
	} else if x := gp.rare; x != nil && x.deadlockBubble != nil && arg.R != nil && x.deadlockPanic == arg.R {
		r.tracebackSome(w, gp, x.deadlockBubble)
	}
}

// Stack formats gp's stack (runtime.Stack / debug.Stack) into a string;
// with all, every other G's too, read with the world stopped, as gc does
// (a G running elsewhere then shows its stack, "[running]").
func (r *Runtime) Stack(gp *G, all bool) string {
	var b stringWriter
	if all {
		r.StopTheWorld(gp)
		defer r.StartTheWorld()
	}
	r.tracebackG(&b, gp, true)
	if all {
		r.tracebackOthers(&b, gp)
	}
	return string(b)
}

type stringWriter []byte

func (s *stringWriter) Write(p []byte) (int, error) { *s = append(*s, p...); return len(p), nil }
