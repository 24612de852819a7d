package kernels

import "testing"

// Send on a nil channel: the error channel is made only on one path; the
// worker started on the other sends on nil and blocks forever.

func runJob(verbose bool, fixed bool) int {
	var errc chan error
	if verbose || fixed {
		errc = make(chan error, 1)
	}
	go func() { errc <- nil }() // bug (when !verbose): errc is nil
	return 42
}

func TestNilChannel(t *testing.T)      { runJob(false, false) }
func TestNilChannelFixed(t *testing.T) { runJob(false, true) }
