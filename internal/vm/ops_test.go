package vm

// Tests of the instruction set's table (ops.go).

import (
	"strings"
	"testing"
)

// TestOpTable checks that every op has a name, a description and a row
// whose operands make sense: the contract the compiler, executor, cache
// and disassembler share (ops.go).
func TestOpTable(t *testing.T) {
	names := map[string]op{}
	for o := op(0); o < opCount; o++ {
		info := opTable[o]
		if info.name == "" || info.doc == "" {
			t.Errorf("op %d: no name or description in opTable", o)
			continue
		}
		if p, dup := names[info.name]; dup {
			t.Errorf("ops %d and %d are both named %s", p, o, info.name)
		}
		names[info.name] = o
		if o.String() != info.name {
			t.Errorf("op %d: String() = %q", o, o.String())
		}
		// Every field an op uses is mentioned in its description.
		for i, f := range "abcd" {
			if o.operand(field(i)) != oNone && !strings.ContainsRune(info.doc, f) {
				t.Errorf("%s: uses %c, which its description %q does not mention", info.name, f, info.doc)
			}
		}
	}
	if s := opCount.String(); !strings.HasPrefix(s, "op(") {
		t.Errorf("opCount.String() = %q", s)
	}
	// The offsets fastBinop adds keep each fast op's group aligned with
	// the generic ops: AddI is Add's variant, LssU Lss's...
	for o := opAdd; o <= opGeq; o++ {
		for _, k := range []Kind{KInt, KInt8, KUint16, KUint64, KFloat64} {
			if f := fastBinop(o, k); f != o && !strings.HasPrefix(f.String(), o.String()) {
				t.Errorf("fastBinop(%v, %d) = %v", o, k, f)
			}
		}
	}
}
