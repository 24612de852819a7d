package failing

import (
	"fmt"
	"testing"
)

func TestDouble(t *testing.T) {
	for x := 1; x <= 4; x++ {
		t.Run(fmt.Sprint(x), func(t *testing.T) {
			if got := Double(x); got != 2*x {
				t.Errorf("Double(%d) = %d", x, got)
			}
		})
	}
}

func mustEqual(t *testing.T, a, b int) {
	t.Helper()
	if a != b {
		t.Fatalf("%d != %d", a, b)
	}
}

func TestFatal(t *testing.T) {
	mustEqual(t, 1, 2)
	t.Log("not reached")
}

func TestPasses(t *testing.T) {}

func ExampleDouble() {
	fmt.Println(Double(3))
	// Output: 6
}
