// tcpecho runs a line-based TCP echo server with one goroutine per
// connection, talks to it with several clients and shuts it down cleanly.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"log"
	"net"
	"strings"
	"sync"
)

type server struct {
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	lines int
}

func (s *server) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				log.Println("accept:", err)
			}
			return
		}
		s.wg.Add(1)
		go s.handle(conn)
	}
}

func (s *server) handle(conn net.Conn) {
	defer s.wg.Done()
	defer conn.Close()
	r := bufio.NewReader(conn)
	w := bufio.NewWriter(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		s.mu.Lock()
		s.lines++
		s.mu.Unlock()
		cmd, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(cmd) {
		case "ECHO":
			fmt.Fprintf(w, "%s\n", arg)
		case "UPPER":
			fmt.Fprintf(w, "%s\n", strings.ToUpper(arg))
		case "LEN":
			fmt.Fprintf(w, "%d\n", len(arg))
		case "QUIT":
			fmt.Fprintf(w, "BYE\n")
			w.Flush()
			return
		default:
			fmt.Fprintf(w, "ERR unknown command %q\n", cmd)
		}
		w.Flush()
	}
}

func client(addr string, id int, cmds []string) ([]string, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	var replies []string
	for _, c := range cmds {
		if _, err := fmt.Fprintf(conn, "%s\n", c); err != nil {
			return nil, err
		}
		reply, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		replies = append(replies, fmt.Sprintf("client %d: %-22q -> %s", id, c, strings.TrimSpace(reply)))
	}
	return replies, nil
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening on loopback:", ln.Addr().(*net.TCPAddr).IP.IsLoopback())
	srv := &server{ln: ln}
	done := make(chan struct{})
	go func() {
		srv.serve()
		close(done)
	}()

	scripts := [][]string{
		{"ECHO hello", "UPPER make me loud", "QUIT"},
		{"LEN twelve chars", "ECHO  spaced  ", "bogus", "QUIT"},
		{"upper mixed Case", "len ", "QUIT"},
		{"ECHO one", "ECHO two", "ECHO three", "QUIT"},
	}
	results := make([][]string, len(scripts))
	var wg sync.WaitGroup
	for i, s := range scripts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client(ln.Addr().String(), i+1, s)
			if err != nil {
				res = []string{fmt.Sprintf("client %d error: %v", i+1, err)}
			}
			results[i] = res
		}()
	}
	wg.Wait()
	for _, res := range results {
		for _, line := range res {
			fmt.Println(line)
		}
	}

	// A client that sends without a trailing newline and half-closes.
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprint(conn, "ECHO last words\nECHO unterminated")
	conn.(*net.TCPConn).CloseWrite()
	sc := bufio.NewScanner(conn)
	var tail []string
	for sc.Scan() {
		tail = append(tail, sc.Text())
	}
	conn.Close()
	fmt.Println("half-close replies:", tail)

	ln.Close()
	<-done
	srv.wg.Wait()
	fmt.Println("server stopped; lines handled:", srv.lines)
}
