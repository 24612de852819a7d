// Package failing has tests that fail in each way go test reports.
package failing

// Double doubles x (wrongly for 3).
func Double(x int) int {
	if x == 3 {
		return 7
	}
	return 2 * x
}
