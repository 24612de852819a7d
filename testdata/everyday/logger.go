// logger shows a typical use of the standard log package in a small tool:
// component loggers with prefixes, a buffered audit log, and custom depth.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
)

type Store struct {
	log   *log.Logger
	items map[string]int
}

func NewStore(out *log.Logger) *Store {
	return &Store{log: out, items: map[string]int{}}
}

func (s *Store) Add(name string, qty int) {
	if qty <= 0 {
		s.warn("ignoring non-positive quantity %d for %q", qty, name)
		return
	}
	s.items[name] += qty
	s.log.Printf("added %d x %s (now %d)", qty, name, s.items[name])
}

// warn logs with the caller's caller as the reported position; with no
// file flags set it only affects the message format.
func (s *Store) warn(format string, args ...any) {
	s.log.Output(2, "WARN "+fmt.Sprintf(format, args...))
}

func main() {
	// The default logger, without timestamps so output is reproducible.
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("main: ")
	log.Println("starting inventory tool")
	log.Printf("flags=%d prefix=%q", log.Flags(), log.Prefix())

	inv := log.New(os.Stdout, "[inventory] ", 0)
	store := NewStore(inv)
	store.Add("apple", 3)
	store.Add("pear", 0)
	store.Add("apple", 2)
	store.Add("plum", -1)

	// Lmsgprefix puts the prefix right before the message instead of at line start.
	net := log.New(os.Stdout, "net: ", log.Lmsgprefix)
	net.SetFlags(log.Lmsgprefix)
	net.Print("dialing backend")
	net.Print("no newline added twice\n")
	fmt.Printf("net flags has Lmsgprefix: %v\n", net.Flags()&log.Lmsgprefix != 0)

	// An audit log collected in memory, then post-processed.
	var audit bytes.Buffer
	auditLog := log.New(&audit, "audit ", log.Lshortfile)
	auditLog.SetFlags(0)
	for i, user := range []string{"alice", "bob", "carol"} {
		auditLog.Printf("user=%s action=login seq=%d", user, i+1)
	}
	auditLog.Println("user=bob", "action=logout")
	auditLog.SetPrefix("AUDIT ")
	auditLog.Print("prefix changed")
	lines := strings.Split(strings.TrimSuffix(audit.String(), "\n"), "\n")
	fmt.Printf("audit buffer: %d lines, %d bytes\n", len(lines), audit.Len())
	for i, l := range lines {
		fmt.Printf("  %d: %s\n", i+1, l)
	}

	// Writer() exposes the destination; Output with depth 1 behaves like Print.
	fmt.Println("inventory writer is stdout:", inv.Writer() == os.Stdout)
	inv.Output(1, "direct output call")

	// Switching a logger to a buffer mid-way.
	var captured strings.Builder
	inv.SetOutput(&captured)
	store.Add("kiwi", 7)
	store.Add("kiwi", -7)
	fmt.Printf("captured: %q\n", captured.String())

	// log.Default is the same logger configured above.
	log.Default().SetPrefix("final: ")
	log.Print("done, ", len(store.items), " item kinds")

	// Fatal would exit; use Panic with recover to show its message.
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	log.Panicf("stock for %s went negative", "plum")
}
