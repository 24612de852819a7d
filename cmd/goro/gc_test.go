package main

import (
	"runtime/debug"
	"testing"
)

// TestFlooredPercent checks the host collector's floor (gc.go): a small
// live heap gets a GOGC whose goal is 64 MB above it, a large one keeps
// the environment's GOGC.
func TestFlooredPercent(t *testing.T) {
	for _, c := range []struct {
		percent int
		live    uint64
		want    int
	}{
		{100, 0, 1600},       // before the first collection: 4 MB assumed, goal 68 MB
		{100, 1 << 20, 1600}, // under gc's 4 MB minimum: the same
		{100, 16 << 20, 400}, // 16 MB live: 64 MB more
		{100, 64 << 20, 100}, // from 64 MB up, GOGC's share is the larger
		{100, 1 << 30, 100},  // a large heap: unchanged
		{400, 32 << 20, 400}, // a higher GOGC wins
		{50, 256 << 20, 50},  // a lower one applies once the heap is large
		{50, 32 << 20, 200},  // and is raised while it is small
	} {
		if got := flooredPercent(c.percent, c.live); got != c.want {
			t.Errorf("flooredPercent(%d, %d MB) = %d, want %d", c.percent, c.live>>20, got, c.want)
		}
	}
}

// TestPaceGC checks that paceGC applies the floor at once, and leaves
// GOGC=off alone.
func TestPaceGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	paceGC(100)
	if p := debug.SetGCPercent(100); p <= 100 {
		t.Errorf("after paceGC(100) with a small heap, GOGC is %d: no floor", p)
	}
	paceGC(-1)
	if p := debug.SetGCPercent(100); p != -1 {
		t.Errorf("after paceGC(-1), GOGC is %d, want -1 (off)", p)
	}
}
