// Instantiated generic types print their type arguments as gc names them:
// by package path (net/url.URL), the main package as main.
package main

import (
	"fmt"
	"net/url"
)

type Box[T any] struct{ v T }
type Pair[K comparable, V any] struct {
	k K
	v V
}
type My int

func main() {
	fmt.Printf("%T\n", Box[url.URL]{})
	fmt.Printf("%T\n", Box[[]*url.Values]{})
	fmt.Printf("%T\n", Pair[My, Box[url.Error]]{})
	fmt.Printf("%T\n", Box[struct{ X url.URL }]{})
	fmt.Printf("%T\n", Box[map[string]url.URL]{})
	fmt.Printf("%T\n", Box[func(url.URL) error]{})
	fmt.Printf("%v\n", Box[My]{})
	var e any = Box[url.URL]{}
	_, ok := e.(fmt.Stringer)
	fmt.Println(ok)
}
