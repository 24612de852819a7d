package rt

// The memory limit: goro's counterpart of gc's "out of memory".
//
// A gc program that asks for more memory than the system gives stops with
// "fatal error: runtime: out of memory". goro's values live on the host's
// heap, so there the host process would die instead, of a Go fatal error
// that nothing can recover: invariant 6 needs a limit of goro's own. Two
// checks keep it. An allocation that alone passes the limit (make of a
// huge slice) fails before it is tried (AllocFits, asked by the VM); and
// sysmon samples the host heap every memCheckTicks ticks and ends the
// program when its objects pass the limit — gc's fatal error, exit 2. The
// limit is Config.MemoryLimit, by default half of the memory the machine
// (or its cgroup) has: the host GC's headroom can double the heap between
// collections. The host heap includes goro's own (compiled code), and an
// embedder running several programs shares one heap among them: the limit
// bounds the process, not a program.

import (
	"bufio"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
)

// memCheckTicks is how often (in sysmon ticks, 5 ms) the heap is sampled.
const memCheckTicks = 10

// AllocFits reports whether an allocation of n bytes of the host's heap
// may be tried.
func (r *Runtime) AllocFits(n uint64) bool { return n <= uint64(r.memLimit) }

// outOfMemory is gc's fatal error for memory the system does not give.
const outOfMemory = "runtime: out of memory"

// OutOfMemory ends the program with gc's fatal error (cur is the G that
// asked, if any).
func (r *Runtime) OutOfMemory(cur *G) { r.Fatal(outOfMemory, cur) }

// checkMemory is sysmon's sample of the host heap.
func (r *Runtime) checkMemory() {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(r.memLimit) {
		r.OutOfMemory(nil)
	}
}

var defaultMemoryLimit = sync.OnceValue(func() int64 {
	total := int64(1) << 62
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
					total = kb << 10
				}
			}
		}
		f.Close()
	}
	if data, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && n < total {
			total = n
		}
	}
	return total / 2
})

// DefaultMemoryLimit is the memory limit of a Runtime whose Config gives
// none: half of the machine's (or the cgroup's) memory.
func DefaultMemoryLimit() int64 { return defaultMemoryLimit() }
