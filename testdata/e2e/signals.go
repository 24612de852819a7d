// os/signal from source: Notify relays a signal the program sends itself (syscall.Kill,
// Process.Signal), Stop, Ignore/Ignored, NotifyContext; syscall's Signal and WaitStatus methods.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2)
	fmt.Println(syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	fmt.Println(<-c)
	p, _ := os.FindProcess(os.Getpid())
	fmt.Println(p.Signal(syscall.SIGUSR2))
	s := <-c
	fmt.Println(s, s == syscall.SIGUSR2)
	signal.Stop(c)

	signal.Ignore(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGUSR1))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	<-ctx.Done()
	fmt.Println(ctx.Err(), context.Cause(ctx))
	stop()

	err := exec.Command("sh", "-c", "kill -TERM $$").Run()
	if ee, ok := err.(*exec.ExitError); ok {
		ws := ee.Sys().(syscall.WaitStatus)
		fmt.Println(err, ws.Signaled(), ws.Signal(), ws.Exited(), ws.ExitStatus())
	}
}
