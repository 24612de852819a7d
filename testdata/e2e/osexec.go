// os/exec from source over goro's processes: Output, CombinedOutput, exit codes and
// *exec.ExitError, standard input from a program's io.Reader, standard output to the program's
// os.Stdout and to a buffer, pipes, LookPath, a context that kills the child.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hello", "world").Output()
	fmt.Printf("%q %v\n", out, err)

	out, err = exec.Command("sh", "-c", "echo out; echo err >&2; exit 3").CombinedOutput()
	var ee *exec.ExitError
	fmt.Printf("%q %v %v\n", out, err, errors.As(err, &ee))
	if ee != nil {
		fmt.Println(ee.ExitCode(), ee.Exited(), ee.Success(), ee.String())
	}

	cmd := exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader("shout this\n")
	var buf bytes.Buffer
	cmd.Stdout = &buf
	fmt.Println(cmd.Run(), strings.TrimSpace(buf.String()), cmd.ProcessState.ExitCode())

	cmd = exec.Command("sh", "-c", "echo to the program stdout")
	cmd.Stdout = os.Stdout
	fmt.Println(cmd.Run())

	cmd = exec.Command("cat")
	w, _ := cmd.StdinPipe()
	r, _ := cmd.StdoutPipe()
	fmt.Println(cmd.Start())
	io.WriteString(w, "through pipes\n")
	w.Close()
	b, _ := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, cmd.Wait())

	_, err = exec.LookPath("goro-no-such-command")
	fmt.Println(err)
	p, err := exec.LookPath("sh")
	fmt.Println(p != "", err)

	ctx, cancel := context.WithCancel(context.Background())
	cmd = exec.CommandContext(ctx, "sleep", "30")
	fmt.Println(cmd.Start())
	cancel()
	err = cmd.Wait()
	fmt.Println(err, ctx.Err())
}
