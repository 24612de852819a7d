// netmisc: socket deadlines (os.ErrDeadlineExceeded, a net.Error that
// times out), UDP datagrams, Unix sockets, a file copied to a connection
// and net.Buffers (writev), a refused connection, the hosts file's
// localhost, the loopback interface and address parsing.
package main

import (
	"errors"
	"fmt"
	"io"
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

	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("file contents\n"), 0o644)
	ln, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		c, _ := ln.Accept()
		f, _ := os.Open(file)
		n, err := io.Copy(c, f)
		f.Close()
		bufs := net.Buffers{[]byte("writev "), []byte("of "), nil, []byte("three")}
		m, err2 := bufs.WriteTo(c)
		fmt.Println("copied", n, err, "buffers", m, err2, len(bufs))
		c.Close()
	}()
	c, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	all, err := io.ReadAll(c)
	fmt.Printf("%q %v\n", all, err)
	c.Close()
	ln.Close()

	_, err = net.Dial("tcp", "127.0.0.1:1")
	var oe *net.OpError
	fmt.Println(err, errors.As(err, &oe), oe.Op)
	addrs, err := net.LookupHost("localhost")
	fmt.Println(len(addrs) > 0, err)
	lo, err := net.InterfaceByName("lo")
	fmt.Println(lo.Name, lo.Flags&net.FlagLoopback != 0, err)
	ip, ipnet, _ := net.ParseCIDR("10.1.2.3/8")
	fmt.Println(ip, ipnet, ipnet.Contains(net.ParseIP("10.200.0.1")))
	host, port, _ := net.SplitHostPort("[::1]:8080")
	fmt.Println(host, port, net.JoinHostPort("example.com", "443"))
}
