package main

import "fmt"

type S struct{ A int }

func main() {
	x := 5
	p := &x
	s1 := fmt.Sprintf("%p", p)
	s2 := fmt.Sprintf("%v", p)
	fmt.Println(s1 == s2, len(s1) > 2, s1[:2])
	q := &x
	fmt.Println(fmt.Sprintf("%p", q) == s1)
	y := 6
	fmt.Println(fmt.Sprintf("%p", &y) != s1)
	var np *int
	fmt.Printf("%p %v %d\n", np, np, np)
	sl := []int{1, 2}
	fmt.Println(fmt.Sprintf("%p", sl) == fmt.Sprintf("%p", &sl[0]))
	m := map[int]int{}
	fmt.Println(fmt.Sprintf("%p", m)[:2])
	f := func() {}
	fmt.Println(fmt.Sprintf("%p", f)[:2])
	var nf func()
	fmt.Println(fmt.Sprint(nf), fmt.Sprintf("%p", nf))
	ch := make(chan int)
	fmt.Println(fmt.Sprintf("%v", ch)[:2])
	fmt.Printf("%#v\n", np)
	fmt.Printf("%v %+v\n", &S{1}, &[]int{1})
	fmt.Printf("%v\n", &map[string]int{"a": 1})
	pp := &p
	fmt.Println(fmt.Sprintf("%v", pp)[:2])
	fmt.Printf("%s\n", &S{2})
	fmt.Printf("%d\n", &S{3})
	fmt.Printf("%x\n", &S{255})
	type N struct{ P *S }
	fmt.Println(fmt.Sprintf("%v", N{&S{1}})[:3])
	fmt.Printf("%v\n", N{})
	var ip interface{} = (*S)(nil)
	fmt.Println(ip)
	fmt.Println(fmt.Sprintf("%T", ip))
}
