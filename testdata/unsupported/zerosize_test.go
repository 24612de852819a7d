// A test that reaches something goro cannot do yet fails alone: the
// tests after it still run (gotest_test.go TestGoTestUnsupported), also
// after a runtime.GC has cleared the frames' dead slots (testing.tRunner's
// t stays: goro fails the test through it).
package unsupported

import (
	"math"
	"runtime"
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

func TestAfterGC(t *testing.T) {
	runtime.GC()
	_ = make([]struct{}, math.MaxInt-1)
}

func TestGoroutine(t *testing.T) {
	done := make(chan bool)
	go func() {
		defer close(done)
		t.Log("goroutine ran")
	}()
	<-done
}
