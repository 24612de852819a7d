package lib

// package flag: the command-line flag set of the program (flag.CommandLine
// functions), parsed by the host's flag package into the program's cells.

import (
	"flag"
	"io"
	"strconv"
	"time"

	"github.com/goro-dev/goro/internal/rt"
	"github.com/goro-dev/goro/internal/vm"
)

type flagKey struct{}

type flagState struct {
	fs     *flag.FlagSet
	parsed bool
}

func flagsOf(t *vm.Thread) *flagState {
	m := t.Machine()
	s, _ := m.LibState.LoadOrStore(flagKey{}, &flagState{})
	st := s.(*flagState)
	if st.fs == nil {
		name := "program"
		if len(m.Args) > 0 {
			name = m.Args[0]
		}
		st.fs = flag.NewFlagSet(name, flag.ContinueOnError)
		st.fs.SetOutput(m.Stderr)
	}
	return st
}

// cellFlag is a flag.Value that stores into a program's cell.
type cellFlag struct {
	cell   *rt.Value
	kind   string
	isBool bool
}

func (f *cellFlag) String() string {
	if f.cell == nil {
		return ""
	}
	switch f.kind {
	case "string":
		return vm.Str(*f.cell)
	case "bool":
		return strconv.FormatBool(f.cell.N != 0)
	case "duration":
		return time.Duration(int64(f.cell.N)).String()
	case "uint":
		return strconv.FormatUint(f.cell.N, 10)
	}
	return strconv.FormatInt(int64(f.cell.N), 10)
}

func (f *cellFlag) Set(s string) error {
	switch f.kind {
	case "string":
		*f.cell = rt.Value{R: s}
	case "bool":
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		*f.cell = boolV(b)
	case "duration":
		d, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		*f.cell = rt.Value{N: uint64(d)}
	case "uint":
		u, err := strconv.ParseUint(s, 0, 64)
		if err != nil {
			return err
		}
		*f.cell = rt.Value{N: u}
	default:
		i, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			return err
		}
		*f.cell = rt.Value{N: uint64(i)}
	}
	return nil
}

func (f *cellFlag) IsBoolFlag() bool { return f.isBool }

func init() {
	vm.RegisterNatives(flagNatives)
}

// flagNatives binds these functions by their ssa names (sorted).
var flagNatives = map[string]vm.NativeFunc{
	"flag.Arg":           flag_Arg,
	"flag.Args":          flag_Args,
	"flag.Bool":          flag_Bool,
	"flag.BoolVar":       flag_BoolVar,
	"flag.Duration":      flag_Duration,
	"flag.DurationVar":   flag_DurationVar,
	"flag.Int":           flag_Int,
	"flag.Int64":         flag_Int64,
	"flag.Int64Var":      flag_Int64Var,
	"flag.IntVar":        flag_IntVar,
	"flag.NArg":          flag_NArg,
	"flag.NFlag":         flag_NFlag,
	"flag.Parse":         flag_Parse,
	"flag.Parsed":        flag_Parsed,
	"flag.PrintDefaults": flag_PrintDefaults,
	"flag.String":        flag_String,
	"flag.StringVar":     flag_StringVar,
	"flag.Uint":          flag_Uint,
	"flag.Uint64":        flag_Uint64,
	"flag.Uint64Var":     flag_Uint64Var,
	"flag.UintVar":       flag_UintVar,
}

// flagDefine defines a flag of kind in the program's flag set, in a new
// cell (flag.Int) or the cell argument 0 points to (flag.IntVar).
func flagDefine(t *vm.Thread, a, r []rt.Value, kind string, isVar bool) {
	st := flagsOf(t)
	var cell *rt.Value
	if isVar {
		cell = cellOf(t, a[0])
		if cell == nil {
			return
		}
		a = a[1:]
	} else {
		cell = new(rt.Value)
		r[0] = rt.Value{R: cell}
	}
	*cell = a[1]
	f := &cellFlag{cell: cell, kind: kind, isBool: kind == "bool"}
	st.fs.Var(f, vm.Str(a[0]), vm.Str(a[2]))
}

// flag.Int: func Int(name string, value int, usage string) *int
func flag_Int(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "int", false) }

// flag.IntVar: func IntVar(p *int, name string, value int, usage string)
func flag_IntVar(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "int", true) }

// flag.Bool: func Bool(name string, value bool, usage string) *bool
func flag_Bool(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "bool", false) }

// flag.BoolVar: func BoolVar(p *bool, name string, value bool, usage string)
func flag_BoolVar(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "bool", true) }

// flag.String: func String(name string, value string, usage string) *string
func flag_String(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "string", false) }

// flag.StringVar: func StringVar(p *string, name string, value string, usage string)
func flag_StringVar(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "string", true) }

// flag.Duration: func Duration(name string, value time.Duration, usage string) *time.Duration
func flag_Duration(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "duration", false) }

// flag.DurationVar: func DurationVar(p *time.Duration, name string, value time.Duration, usage string)
func flag_DurationVar(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "duration", true) }

// flag.Uint: func Uint(name string, value uint, usage string) *uint
func flag_Uint(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "uint", false) }

// flag.UintVar: func UintVar(p *uint, name string, value uint, usage string)
func flag_UintVar(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "uint", true) }

// flag.Int64: func Int64(name string, value int64, usage string) *int64
func flag_Int64(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "int64", false) }

// flag.Int64Var: func Int64Var(p *int64, name string, value int64, usage string)
func flag_Int64Var(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "int64", true) }

// flag.Uint64: func Uint64(name string, value uint64, usage string) *uint64
func flag_Uint64(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "uint64", false) }

// flag.Uint64Var: func Uint64Var(p *uint64, name string, value uint64, usage string)
func flag_Uint64Var(t *vm.Thread, a, r []rt.Value) { flagDefine(t, a, r, "uint64", true) }

// flag.Parse: func Parse()
func flag_Parse(t *vm.Thread, a, r []rt.Value) {
	st := flagsOf(t)
	m := t.Machine()
	var args []string
	if len(m.Args) > 1 {
		args = m.Args[1:]
	}
	if err := st.fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			t.Exit(0)
			return
		}
		t.Exit(2)
		return
	}
	st.parsed = true
}

// flag.Parsed: func Parsed() bool
func flag_Parsed(t *vm.Thread, a, r []rt.Value) { r[0] = boolV(flagsOf(t).parsed) }

// flag.Args: func Args() []string
func flag_Args(t *vm.Thread, a, r []rt.Value) {
	args := flagsOf(t).fs.Args()
	vs := make([]rt.Value, len(args))
	for i, s := range args {
		vs[i] = rt.Value{R: s}
	}
	r[0] = rt.Value{R: vs}
}

// flag.NArg: func NArg() int
func flag_NArg(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(flagsOf(t).fs.NArg())} }

// flag.Arg: func Arg(i int) string
func flag_Arg(t *vm.Thread, a, r []rt.Value) {
	r[0] = rt.Value{R: flagsOf(t).fs.Arg(int(int64(a[0].N)))}
}

// flag.NFlag: func NFlag() int
func flag_NFlag(t *vm.Thread, a, r []rt.Value) { r[0] = rt.Value{N: uint64(flagsOf(t).fs.NFlag())} }

// flag.PrintDefaults: func PrintDefaults()
func flag_PrintDefaults(t *vm.Thread, a, r []rt.Value) { flagsOf(t).fs.PrintDefaults() }

var _ io.Writer
