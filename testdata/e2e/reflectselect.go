// reflect.MakeChan and reflect.Select: a fan-in over channels built by
// reflection, blocking until a sender comes, with default and send cases,
// and gc's panics for malformed cases.
package main

import (
	"fmt"
	"reflect"
)

func main() {
	ct := reflect.TypeOf(make(chan int))
	chans := make([]reflect.Value, 3)
	for i := range chans {
		chans[i] = reflect.MakeChan(ct, 0)
	}
	fmt.Println(chans[0].Type(), chans[0].Cap())
	for i := range chans {
		go func() { chans[i].Send(reflect.ValueOf(10 * (i + 1))) }()
	}
	sum := 0
	for range chans {
		cases := make([]reflect.SelectCase, len(chans))
		for i, c := range chans {
			cases[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: c}
		}
		_, v, ok := reflect.Select(cases)
		sum += int(v.Int())
		fmt.Println(ok)
	}
	fmt.Println("sum", sum)

	b := reflect.MakeChan(ct, 1)
	chosen, v, ok := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: b},
		{Dir: reflect.SelectDefault},
	})
	fmt.Println(chosen, v.IsValid(), ok)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: b, Send: reflect.ValueOf(7)},
		{Dir: reflect.SelectRecv, Chan: reflect.Value{}},
	})
	fmt.Println(chosen, b.Len())
	b.Close()
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: b}})
	fmt.Println(chosen, v.Int(), ok)
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: b}})
	fmt.Println(chosen, v.Int(), ok)

	for _, f := range []func(){
		func() { reflect.MakeChan(reflect.TypeOf(0), 0) },
		func() { reflect.MakeChan(ct, -1) },
		func() { reflect.MakeChan(reflect.TypeOf(make(<-chan int)), 0) },
		func() {
			reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectDefault}, {Dir: reflect.SelectDefault}})
		},
		func() {
			reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: b, Send: reflect.ValueOf(1)}})
		},
		func() {
			reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(make(<-chan int)), Send: reflect.ValueOf(1)}})
		},
		func() { reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: b}}) },
		func() {
			reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: b, Send: reflect.ValueOf(1)}})
		},
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
