package rt

// The channel, select and semaphore API the executor uses (implementations
// in chan.go, select.go, sema.go).
//
// Blocking operations are two-phase. The first call either completes (done =
// true) or parks gp through gopark and returns done = false; the executor
// then returns EvPark from Execute without advancing, and when gp runs again
// it calls the matching ...Done function to finish the operation.
// Values received are written through dst pointers (and sent from Scase.Elem),
// which must not point into any G's stack, the caller's included: the stack
// of a G that parks may be moved before the value arrives (the rule at the
// top of stack.go). The executor receives into its Thread.

// PlainError is a runtime panic whose message prints without the
// "runtime error: " prefix (gc's plainError): "send on closed channel",
// "close of nil channel", "close of closed channel", "all goroutines are
// asleep" is not one (that is fatal).
type PlainError string

func (e PlainError) Error() string { return string(e) }

// Direction of a select case.
const (
	SelectSend = iota + 1
	SelectRecv
)

// Scase is one case of a select: for SelectSend, Elem points at the value
// to send; for SelectRecv, at where the value received goes (nil: drop it).
// Elem is off every stack (the rule at the top of stack.go).
type Scase struct {
	C    *Chan
	Dir  int
	Elem *Value
}
