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
