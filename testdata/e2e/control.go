// Control flow: switch forms, fallthrough, labeled break/continue, goto, shadowing.
package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func fall(n int) []string {
	var out []string
	switch n {
	case 1:
		out = append(out, "one")
		fallthrough
	case 2:
		out = append(out, "two")
		fallthrough
	case 3:
		out = append(out, "three")
	case 4, 5:
		out = append(out, "four-or-five")
	default:
		out = append(out, "other")
	}
	return out
}

func gotoLoop() int {
	i, sum := 0, 0
top:
	if i < 5 {
		sum += i
		i++
		goto top
	}
	return sum
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	for n := 1; n <= 6; n++ {
		fmt.Println(n, fall(n))
	}
	fmt.Println(gotoLoop())

outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j > i:
				continue outer
			case i == 3:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 10; x > 5 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)

	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("matched", s)
	}
	i := 0
	for {
		i++
		if i > 100 {
			break
		}
		if i%7 != 0 {
			continue
		}
		if i > 30 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	var k int
	for k = 0; k < 3; k++ {
	}
	fmt.Println("k", k)
}
