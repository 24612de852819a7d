// A test that reaches something goro cannot do yet fails alone: the
// tests after it still run (gotest_test.go TestGoTestUnsupported).
package unsupported

import (
	"math"
	"testing"
)

func TestZeroSize(t *testing.T) {
	defer func() { t.Log("deferred call ran") }()
	s := make([]struct{}, math.MaxInt)
	t.Log(len(s))
}

func TestAfter(t *testing.T) {
	t.Log("still running")
}

func TestGoroutine(t *testing.T) {
	done := make(chan bool)
	go func() {
		defer close(done)
		t.Log("goroutine ran")
	}()
	<-done
}

// A goroutine the test started reaches it: the test fails, the goroutine's
// deferred calls run, the test goes on.
func TestInGoroutine(t *testing.T) {
	done := make(chan int)
	go func() {
		defer close(done)
		s := make([]struct{}, math.MaxInt)
		done <- len(s)
	}()
	t.Log("received", <-done)
}

func TestLast(t *testing.T) {
	t.Log("still running after the goroutine's")
}
