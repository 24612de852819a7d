package goro_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestHTTPKeepAlive1000: a net/http server under goro answers 1,000
// concurrent keep-alive clients (two requests on each connection), and
// while the 1,000 server goroutines wait to read, the goro process has at
// most GOMAXPROCS plus a few OS threads (issue 9: a G waiting on a socket
// parks in rt's network poller and holds no thread). DESIGN.md records
// the count.
func TestHTTPKeepAlive1000(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 connections")
	}
	const conns, procs = 1000, 2
	dir, err := filepath.Abs(filepath.Join("testdata", "net"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goroBinary(t), "run", "server.go")
	cmd.Dir, cmd.Env = dir, goroEnv("GOFLAGS=", "GOMAXPROCS="+strconv.Itoa(procs))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("server address: %v", err)
	}
	addr = strings.TrimSpace(addr)

	clients := make([]net.Conn, conns)
	readers := make([]*bufio.Reader, conns)
	for i := range clients {
		if clients[i], err = net.Dial("tcp", addr); err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		defer clients[i].Close()
		readers[i] = bufio.NewReader(clients[i])
	}
	round := func() map[string]bool {
		seen := map[string]bool{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := range clients {
			wg.Go(func() {
				body, err := get(clients[i], readers[i])
				if err != nil {
					t.Errorf("connection %d: %v", i, err)
				}
				mu.Lock()
				seen[body] = true
				mu.Unlock()
			})
		}
		wg.Wait()
		return seen
	}
	if seen := round(); len(seen) != conns {
		t.Fatalf("first round: %d distinct answers, want %d", len(seen), conns)
	}
	// Every server goroutine now waits for its connection's next request.
	threads := osThreads(t, cmd.Process.Pid)
	t.Logf("%d connections open and idle: the goro process has %d OS threads (GOMAXPROCS=%d)", conns, threads, procs)
	// A small constant beyond GOMAXPROCS: the poller's thread and the host
	// runtime's own (sysmon, GC workers, threads left from syscalls);
	// a thread per blocked connection would be a thousand.
	if threads > procs+20 {
		t.Errorf("%d OS threads with %d connections waiting: want at most GOMAXPROCS+20 = %d", threads, conns, procs+20)
	}
	if seen := round(); len(seen) != conns {
		t.Fatalf("second round (keep-alive): %d distinct answers, want %d", len(seen), conns)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("server: %v", err)
	}
}

// get sends a GET on the keep-alive connection c and returns the body.
func get(c net.Conn, r *bufio.Reader) (string, error) {
	if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: goro\r\n\r\n"); err != nil {
		return "", err
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Close {
		return "", fmt.Errorf("%s (close %v)", resp.Status, resp.Close)
	}
	return string(b), err
}

// osThreads returns the number of OS threads of process pid.
func osThreads(t *testing.T, pid int) int {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "Threads:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatal("no Threads line in /proc/pid/status")
	return 0
}
