package calc

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAdd(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a, b, w int
	}{{"zero", 0, 0, 0}, {"pos", 2, 3, 5}, {"neg", -2, -3, -5}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Add(tc.a, tc.b); got != tc.w {
				t.Errorf("Add(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.w)
			}
		})
	}
}

func TestDiv(t *testing.T) {
	if _, err := Div(1, 0); err == nil {
		t.Fatal("no error")
	}
	q, err := Div(7, 2)
	if err != nil || q != 3 {
		t.Fatalf("Div(7, 2) = %d, %v", q, err)
	}
	t.Logf("7/2 = %d", q)
}

// TestParallel's subtests run side by side; the parent waits for them.
func TestParallel(t *testing.T) {
	var n atomic.Int32
	t.Run("group", func(t *testing.T) {
		for _, name := range []string{"a", "b", "c"} {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				if Sum([]int{1, 2, 3}) != 6 {
					t.Error("Sum")
				}
				n.Add(1)
			})
		}
	})
	if n.Load() != 3 {
		t.Errorf("%d parallel subtests ran", n.Load())
	}
}

func check(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	t.Log("checked", want)
}

func TestHelper(t *testing.T) {
	check(t, "x", "x")
}

func TestCleanupAndTempDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("data"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	t.Setenv("CALC_MODE", "test")
	if os.Getenv("CALC_MODE") != "test" {
		t.Error("Setenv")
	}
}

func TestTestdata(t *testing.T) {
	data, err := os.ReadFile("testdata/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(data)) != "forty-two" {
		t.Errorf("read %q", data)
	}
}

func TestShort(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	t.Log("long mode")
}

func BenchmarkAdd(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Add(1, 2)
	}
}

func BenchmarkSum(b *testing.B) {
	xs := []int{1, 2, 3, 4}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Sum(xs)
	}
}
