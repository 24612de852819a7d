// execcmd runs shell commands the way build scripts do: capturing output,
// feeding stdin, reading exit codes, and enforcing a deadline.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	sh, err := exec.LookPath("sh")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("found sh:", filepath.IsAbs(sh), filepath.Base(sh))

	_, err = exec.LookPath("definitely-not-a-real-command-xyz")
	fmt.Println("missing command is ErrNotFound:", errors.Is(err, exec.ErrNotFound))

	out, err := exec.Command("sh", "-c", "echo hello; echo world | tr a-z A-Z").Output()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Output: %q\n", out)

	out, err = exec.Command("sh", "-c", "echo to-stdout; echo to-stderr 1>&2").CombinedOutput()
	fmt.Printf("CombinedOutput lines=%d err=%v\n", len(strings.Fields(string(out))), err)

	// Environment and working directory.
	cmd := exec.Command("sh", "-c", `printf '%s|%s\n' "$GREETING" "$(basename "$PWD")"`)
	cmd.Env = []string{"GREETING=hi there", "PATH=/usr/bin:/bin"}
	cmd.Dir = "/"
	out, err = cmd.Output()
	fmt.Printf("env+dir: %q err=%v\n", out, err)

	// Exit codes and stderr captured in ExitError.
	for _, code := range []int{0, 1, 3, 42} {
		script := fmt.Sprintf("echo failing with %d >&2; exit %d", code, code)
		_, err := exec.Command("sh", "-c", script).Output()
		var ee *exec.ExitError
		switch {
		case err == nil:
			fmt.Printf("exit %d: success\n", code)
		case errors.As(err, &ee):
			fmt.Printf("exit %d: ExitCode=%d stderr=%q err=%v\n", code, ee.ExitCode(), strings.TrimSpace(string(ee.Stderr)), err)
		default:
			fmt.Println("unexpected:", err)
		}
	}

	// Stream data through a filter with StdinPipe/StdoutPipe.
	sortCmd := exec.Command("sh", "-c", "sort | uniq -c | sort -rn | head -3")
	stdin, err := sortCmd.StdinPipe()
	if err != nil {
		log.Fatal(err)
	}
	stdout, err := sortCmd.StdoutPipe()
	if err != nil {
		log.Fatal(err)
	}
	if err := sortCmd.Start(); err != nil {
		log.Fatal(err)
	}
	go func() {
		defer stdin.Close()
		words := strings.Fields("go rust go zig go rust c go rust zig go")
		for _, w := range words {
			io.WriteString(stdin, w+"\n")
		}
	}()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		fmt.Printf("  top word %-5s count %s\n", f[1], f[0])
	}
	if err := sortCmd.Wait(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("pipeline exit code:", sortCmd.ProcessState.ExitCode(), "success:", sortCmd.ProcessState.Success())

	// stdin from a reader.
	wc := exec.Command("sh", "-c", "wc -l | tr -d ' '")
	wc.Stdin = strings.NewReader("a\nb\nc\nd\n")
	out, _ = wc.Output()
	fmt.Printf("wc -l: %s", out)

	// Context deadline kills a long-running command.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err = exec.CommandContext(ctx, "sleep", "30").Run()
	fmt.Println("deadline: ctx err =", ctx.Err(), "| run failed:", err != nil)

	// Cancelled before start.
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	err = exec.CommandContext(ctx2, "sh", "-c", "echo never").Run()
	fmt.Println("pre-cancelled:", err)

	// String form of a command.
	fmt.Println("cmd string:", filepath.Base(exec.Command("sh", "-c", "true").Args[0]), exec.Command("sh", "-c", "true").Args[1:])

	// Running a command that does not exist.
	err = exec.Command("no-such-binary-abc").Run()
	fmt.Println("run missing binary:", err)
}
