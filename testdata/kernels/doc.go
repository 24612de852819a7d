// Package kernels is a corpus of concurrency bug kernels: small tests, each
// modelled on a published class of real Go concurrency bugs (Tu et al.,
// "Understanding Real-World Concurrency Bugs in Go", ASPLOS 2019; the
// GoBench kernels of Yuan et al., CGO 2021), each with its fixed version
// beside it: TestX has the bug, TestXFixed does not. `goro test -explore`
// finds every bug; see RESULTS.md for what go test, go test -race and Go
// 1.26's goroutine leak profile find on the same tests.
package kernels
