// TCPConn.File dups the socket into an *os.File (net.newUnixFile, os's newFile
// for a socket); net.FileConn makes a connection of it again.

package main

import (
	"fmt"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		c, _ := ln.Accept()
		c.Write([]byte("hello"))
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	f, err := c.(*net.TCPConn).File()
	fmt.Println(err, f != nil)
	c.Close()
	fc, err := net.FileConn(f)
	fmt.Println(err)
	buf := make([]byte, 5)
	n, err := fc.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	f.Close()
}
