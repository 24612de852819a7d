// package flag from source: the CommandLine functions, Lookup, Func, Var with a Value of the
// program's own, a FlagSet of its own with ContinueOnError and its error for an unknown flag.
package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	n := flag.Int("n", 3, "count")
	name := flag.String("name", "gopher", "who")
	d := flag.Duration("wait", time.Second, "how long")
	var tags list
	flag.Var(&tags, "tag", "a tag (repeatable)")
	var level string
	flag.Func("level", "log level", func(s string) error { level = strings.ToUpper(s); return nil })
	flag.Parse()
	fmt.Println(*n, *name, *d, tags, level, flag.NArg(), flag.Args(), flag.Parsed())
	fmt.Println(flag.Lookup("n").DefValue, flag.Lookup("tag").Usage, flag.Lookup("missing") == nil)
	flag.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()

	fs := flag.NewFlagSet("sub", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	v := fs.Bool("v", false, "verbose")
	err := fs.Parse([]string{"-v", "-x", "rest"})
	fmt.Println(*v, err, fs.Args())
	err = fs.Parse([]string{"-v=false", "a", "b"})
	fmt.Println(*v, err, fs.NArg(), fs.Arg(1))
}
