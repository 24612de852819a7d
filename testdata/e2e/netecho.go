// netecho: a TCP echo server and its clients (net from source over rt's
// network poller): each connection served by a goroutine parked in IO wait.
package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	done := make(chan bool)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				fmt.Println("accept:", strings.Contains(err.Error(), "use of closed network connection"))
				done <- true
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					fmt.Fprintf(c, "echo: %s", line)
				}
			}(c)
		}
	}()
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			fmt.Println("dial:", err)
			return
		}
		r := bufio.NewReader(c)
		for j := 0; j < 2; j++ {
			fmt.Fprintf(c, "hello %d %d\n", i, j)
			line, err := r.ReadString('\n')
			fmt.Print(line, err, "\n")
		}
		c.Close()
	}
	ln.Close()
	<-done
}
