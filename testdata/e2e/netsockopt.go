// netsockopt: setsockopt structs (Linger, IPMreq) copied to the host's by
// field; a nil one is the kernel's EFAULT, not a panic, as under gc.
package main

import (
	"fmt"
	"net"
	"syscall"
)

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	c, _ := net.Dial("tcp", ln.Addr().String())
	fmt.Println(c.(*net.TCPConn).SetLinger(5))
	rc, _ := c.(*net.TCPConn).SyscallConn()
	rc.Control(func(fd uintptr) {
		fmt.Println(syscall.SetsockoptLinger(int(fd), syscall.SOL_SOCKET, syscall.SO_LINGER, &syscall.Linger{Onoff: 1, Linger: 3}))
		mreq := &syscall.IPMreq{Multiaddr: [4]byte{224, 0, 0, 251}}
		fmt.Println(syscall.SetsockoptIPMreq(int(fd), syscall.IPPROTO_IP, syscall.IP_ADD_MEMBERSHIP, mreq) != nil)
	})
	var p *syscall.Linger
	defer func() { fmt.Println(recover() != nil) }()
	syscall.SetsockoptLinger(0, 0, 0, p)
}
