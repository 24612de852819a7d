// Package synctest's tests run in testing/synctest bubbles: a fake clock
// that moves only when every goroutine of the bubble is durably blocked,
// Wait, timers, tickers, AfterFunc and WaitGroups in a bubble.
package synctest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestSleep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		time.Sleep(5 * time.Second)
		if d := time.Since(start); d != 5*time.Second {
			t.Errorf("slept %v", d)
		}
		t.Log(start.UTC())
	})
}

func TestWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		done := false
		go func() {
			<-ctx.Done()
			done = true
		}()
		time.Sleep(59 * time.Second)
		synctest.Wait()
		if done {
			t.Fatal("done early")
		}
		time.Sleep(time.Second)
		synctest.Wait()
		if !done {
			t.Fatal("not done")
		}
		if ctx.Err() != context.DeadlineExceeded {
			t.Fatal(ctx.Err())
		}
	})
}

func TestAfterFuncAndTicker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		n := 0
		time.AfterFunc(time.Hour, func() { mu.Lock(); n++; mu.Unlock() })
		tk := time.NewTicker(time.Second)
		for i := 0; i < 3; i++ {
			<-tk.C
		}
		tk.Stop()
		time.Sleep(time.Hour)
		synctest.Wait()
		mu.Lock()
		defer mu.Unlock()
		if n != 1 {
			t.Fatal(n)
		}
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Go(func() { time.Sleep(time.Duration(i) * time.Millisecond) })
		}
		wg.Wait()
		t.Log(time.Now().UTC())
	})
}

func TestChannelsAndSelect(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results := make(chan string)
		for i, d := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second} {
			go func() {
				time.Sleep(d)
				results <- fmt.Sprint("worker ", i, " at ", time.Since(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)))
			}()
		}
		timeout := time.After(10 * time.Second)
		for range 3 {
			select {
			case r := <-results:
				t.Log(r)
			case <-timeout:
				t.Fatal("timed out")
			}
		}
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		ready := false
		go func() {
			time.Sleep(time.Minute)
			mu.Lock()
			ready = true
			mu.Unlock()
			c.Signal()
		}()
		mu.Lock()
		for !ready {
			c.Wait()
		}
		mu.Unlock()
		t.Log("cond at", time.Now().UTC().Format(time.TimeOnly))
	})
}
