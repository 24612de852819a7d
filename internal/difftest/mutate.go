package difftest

// Mutants of existing programs: the second source of programs beside the
// generator. A corpus of real programs (testdata/e2e: each written to test
// something) is mutated at random — an integer literal replaced, an
// operator swapped for another of its class (arithmetic, comparison,
// logical, shift) — and each mutant runs under gc and goro like a
// generated program. A mutant gc does not compile is skipped; one whose two
// gc runs differ is not compared (the runner's flakiness check).
//
// A mutant is a whole `package main` program (Prog.Raw, no units): Source
// renames its package and, outside package main, its func main to Main,
// so that it joins a batch. Programs that would not behave alike in a batch
// are left out of the corpus: those reading os.Args (a batch binary's
// argument is the program's index), with init functions or imports that
// reach the host (files, processes, the network, time, the runtime's
// counters, signals; unsafe, whose limits DESIGN.md lists), and those
// that start goroutines.

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
)

// corpusUnfit are the marks of a program that cannot join a batch.
// Goroutines are left out too: a mutated synchronisation is as often a
// race whose outcome gc itself varies, which two gc runs do not always show.
var corpusUnfit = []string{"os.Args", "func init(", "os.Stdin", `"time"`, `"os/`, `"net`, `"runtime`, `"syscall"`, `"sync`, `"log`, "os.Getenv", "os.Open", "os.Create", "os.ReadFile", "os.WriteFile", "os.Remove", "os.Mkdir", "//go:build", `"unsafe"`, "go func", "select {", "\tgo "}

// LoadCorpus reads the programs of files that can join a batch.
func LoadCorpus(files []string) ([][]byte, error) {
	var out [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		fit := bytes.HasPrefix(bytes.TrimSpace(stripComments(src)), []byte("package main"))
		for _, m := range corpusUnfit {
			fit = fit && !bytes.Contains(src, []byte(m))
		}
		if fit {
			out = append(out, src)
		}
	}
	return out, nil
}

// stripComments drops the leading comment lines of src.
func stripComments(src []byte) []byte {
	for bytes.HasPrefix(src, []byte("//")) {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil
		}
		src = src[i+1:]
	}
	return src
}

// operator classes a mutation swaps within.
var opClasses = [][]token.Token{
	{token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT},
	{token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ},
	{token.LAND, token.LOR},
	{token.SHL, token.SHR},
}

var intLits = []string{"0", "1", "2", "3", "7", "8", "10", "31", "63", "64", "100", "127", "128", "255", "256", "1000", "65535", "1048576", "2147483647"}

// Mutate returns a mutant of the program src (1 to 3 mutations chosen by
// seed), or false if src has nothing to mutate.
func Mutate(src []byte, seed uint64) (*Prog, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, false
	}
	var lits []*ast.BasicLit
	var bins []*ast.BinaryExpr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.INT {
				lits = append(lits, n)
			}
		case *ast.BinaryExpr:
			if classOf(n.Op) != nil {
				bins = append(bins, n)
			}
		case *ast.GenDecl:
			return n.Tok != token.CONST && n.Tok != token.IMPORT // constants overflow at compile time
		}
		return true
	})
	if len(lits)+len(bins) == 0 {
		return nil, false
	}
	var orig bytes.Buffer
	if err := format.Node(&orig, fset, f); err != nil {
		return nil, false
	}
	r := rand.New(rand.NewPCG(seed, 0x6d757461))
	for range 1 + r.IntN(3) {
		// Each mutation changes its site (a literal or operator drawn
		// equal to the one there takes the next in its list).
		if k := r.IntN(len(lits) + len(bins)); k < len(lits) {
			i := r.IntN(len(intLits))
			if intLits[i] == lits[k].Value {
				i = (i + 1) % len(intLits)
			}
			lits[k].Value = intLits[i]
		} else {
			b := bins[k-len(lits)]
			class := classOf(b.Op)
			i := r.IntN(len(class))
			if class[i] == b.Op {
				i = (i + 1) % len(class)
			}
			b.Op = class[i]
		}
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, false
	}
	if bytes.Equal(buf.Bytes(), orig.Bytes()) {
		return nil, false // a later mutation undid an earlier one
	}
	return &Prog{Seed: seed, Raw: buf.Bytes()}, true
}

func classOf(op token.Token) []token.Token {
	for _, c := range opClasses {
		for _, o := range c {
			if o == op {
				return c
			}
		}
	}
	return nil
}

// rawSource is a mutant as package pkg: outside package main, its main is
// Main (the batch's entry).
func rawSource(raw []byte, pkg string) []byte {
	if pkg == "main" {
		return raw
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", raw, parser.ParseComments)
	if err != nil {
		panic("BUG: difftest: a mutant does not parse: " + err.Error())
	}
	f.Name.Name = pkg
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			fd.Name.Name = "Main"
		}
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		panic("BUG: difftest: " + err.Error())
	}
	return buf.Bytes()
}
