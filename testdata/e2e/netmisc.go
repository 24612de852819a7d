// netmisc: socket deadlines (os.ErrDeadlineExceeded, a net.Error that
// times out), UDP datagrams, Unix sockets, a refused connection, the
// hosts file's localhost and address parsing.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		panic(err)
	}
	release := make(chan bool)
	done := make(chan bool)
	go func() {
		c, _ := ln.Accept()
		<-release
		c.Write([]byte("late"))
		buf := make([]byte, 10)
		n, err := c.Read(buf)
		fmt.Println("server read", n, err)
		c.Close()
		done <- true
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	buf := make([]byte, 10)
	n, err := c.Read(buf)
	var ne net.Error
	fmt.Println(n, err != nil, errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout())
	close(release)
	c.SetReadDeadline(time.Time{})
	n, err = c.Read(buf)
	fmt.Println(n, string(buf[:n]), err)
	c.Close()
	<-done
	ln.Close()

	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	uc, err := net.Dial("udp", pc.LocalAddr().String())
	if err != nil {
		panic(err)
	}
	uc.Write([]byte("datagram"))
	n, addr, err := pc.ReadFrom(buf)
	fmt.Println(n, string(buf[:n]), addr.(*net.UDPAddr).IP, err)
	pc.WriteTo([]byte("reply"), addr)
	n, err = uc.Read(buf)
	fmt.Println(n, string(buf[:n]), err)
	uc.Close()
	pc.Close()

	dir, err := os.MkdirTemp("", "netmisc")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sock")
	ul, err := net.Listen("unix", path)
	if err != nil {
		panic(err)
	}
	go func() {
		c, _ := ul.Accept()
		c.Write([]byte("unix hello"))
		c.Close()
	}()
	cu, err := net.Dial("unix", path)
	if err != nil {
		panic(err)
	}
	n, _ = cu.Read(buf)
	fmt.Println(string(buf[:n]), cu.RemoteAddr().Network())
	cu.Close()
	ul.Close()
	_, err = os.Stat(path)
	fmt.Println("socket file removed:", os.IsNotExist(err))

	_, err = net.Dial("tcp", "127.0.0.1:1")
	var oe *net.OpError
	fmt.Println(err, errors.As(err, &oe), oe.Op)
	addrs, err := net.LookupHost("localhost")
	fmt.Println(len(addrs) > 0, err)
	ip, ipnet, _ := net.ParseCIDR("10.1.2.3/8")
	fmt.Println(ip, ipnet, ipnet.Contains(net.ParseIP("10.200.0.1")))
	host, port, _ := net.SplitHostPort("[::1]:8080")
	fmt.Println(host, port, net.JoinHostPort("example.com", "443"))
}
