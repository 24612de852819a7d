package kernels

import (
	"testing"
	"time"
)

// Order violation guarded by Sleep: the test gives the server "enough time"
// to start instead of waiting for it to say it has.

type server struct{ ready map[string]bool }

var srv *server

func startServer(started chan<- struct{}) {
	time.Sleep(10 * time.Millisecond) // loading its configuration
	srv = &server{ready: map[string]bool{"/": true}}
	if started != nil {
		close(started)
	}
}

func TestSleepOrder(t *testing.T) {
	srv = nil
	go startServer(nil)
	time.Sleep(10 * time.Millisecond) // bug: "long enough" is a guess
	if !srv.ready["/"] {
		t.Fatal("not ready")
	}
}

func TestSleepOrderFixed(t *testing.T) {
	srv = nil
	started := make(chan struct{})
	go startServer(started)
	<-started
	if !srv.ready["/"] {
		t.Fatal("not ready")
	}
}
