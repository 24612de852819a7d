// signalctx shows how a daemon reacts to signals: SIGUSR1 triggers a config
// reload, SIGTERM triggers a graceful shutdown through NotifyContext.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

type server struct {
	mu      sync.Mutex
	reloads int
	handled []string
}

func (s *server) record(ev string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handled = append(s.handled, ev)
}

func main() {
	srv := &server{}

	// Reload channel for SIGUSR1/SIGHUP.
	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGUSR1, syscall.SIGHUP)

	// Shutdown context for SIGTERM/SIGINT.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	// Send ourselves signals one at a time and wait for each to be handled,
	// so the order of events is fixed.
	ack := make(chan string)
	go func() {
		for {
			select {
			case sig := <-reload:
				srv.mu.Lock()
				srv.reloads++
				n := srv.reloads
				srv.mu.Unlock()
				ack <- fmt.Sprintf("reload #%d on %v", n, sig)
			case <-ctx.Done():
				ack <- "shutdown requested: " + context.Cause(ctx).Error()
				return
			}
		}
	}()

	pid := os.Getpid()
	send := func(sig syscall.Signal) {
		if err := syscall.Kill(pid, sig); err != nil {
			fmt.Println("kill:", err)
			return
		}
		ev := <-ack
		srv.record(ev)
		fmt.Println("handled:", ev)
	}

	send(syscall.SIGUSR1)
	send(syscall.SIGHUP)
	send(syscall.SIGUSR1)

	// Stop listening for SIGHUP only: reset it to ignored so that sending it is harmless.
	signal.Ignore(syscall.SIGHUP)
	syscall.Kill(pid, syscall.SIGHUP)
	fmt.Println("SIGHUP ignored:", signal.Ignored(syscall.SIGHUP))

	send(syscall.SIGTERM)
	fmt.Println("ctx err:", ctx.Err())

	// Graceful shutdown work bounded by its own timeout.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i, name := range []string{"http", "db", "cache"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-shutdownCtx.Done():
				results[i] = name + ": forced"
			default:
				results[i] = name + ": closed"
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}

	// After stop(), SIGTERM would kill the process again, so use a plain Notify
	// for a second one to check delivery still works.
	stop()
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	syscall.Kill(pid, syscall.SIGTERM)
	fmt.Println("second SIGTERM delivered:", <-term)
	signal.Stop(term)
	signal.Reset()

	fmt.Printf("summary: %d events, %d reloads\n", len(srv.handled), srv.reloads)
}
