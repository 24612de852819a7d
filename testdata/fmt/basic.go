package main

import (
	"fmt"
	"os"
)

func main() {
	var i8 int8 = -8
	var i16 int16 = -1600
	var i32 int32 = 1 << 30
	var i64 int64 = -1 << 62
	var u8 uint8 = 255
	var u16 uint16 = 65535
	var u32 uint32 = 1<<32 - 1
	var u64 uint64 = 1<<64 - 1
	var up uintptr = 0x1234
	fmt.Println(i8, i16, i32, i64, u8, u16, u32, u64, up, 42, uint(7))
	fmt.Printf("%d %x %X %o %O %b %08d %-5d| %+d\n", 255, 255, 255, 8, 8, 5, 42, 42, 42)
	fmt.Printf("%v %g %e %f %.2f %8.3f|%-8.3f|\n", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159)
	fmt.Printf("%v %v %v\n", float32(0.1), 1e21, 1e-7)
	fmt.Printf("%s %q %x %X %10s|%-10s|%.3s\n", "hi", "hi\n", "hi", "hi", "hi", "hi", "hello")
	fmt.Printf("%t %v\n", true, false)
	fmt.Printf("%c %U %q %#U\n", 'A', 'A', 'A', 'x')
	fmt.Printf("%v %.2f\n", 1+2i, complex64(3-4i))
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%d %s\n", "hi", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	s := fmt.Sprintf("%v-%v", "a", 1)
	fmt.Println(s, len(s))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Print(1, 2, "\n")
	fmt.Println(fmt.Sprint("x", 3, 4, "y"), fmt.Sprintln("z", 5))
	fmt.Fprintf(os.Stdout, "to stdout %d\n", 1)
	fmt.Fprintln(os.Stderr, "to stderr")
	var e error
	fmt.Println(nil, e)
	fmt.Printf("%v %d\n", nil, nil)
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.0, nil, []int{})
	fmt.Printf("%x % x %X\n", []byte("abc"), []byte("abc"), "xyz")
	fmt.Printf("%s %v %q\n", []byte("bytes"), []byte("ab"), []byte("q"))
	fmt.Printf("%6.2v|\n", 3.14159)
	fmt.Printf("%#x %#o %#b\n", 255, 8, 5)
	fmt.Printf("%+q %#q\n", "héllo", "back`q")
	fmt.Printf("%08.3f|% d|%+.1e\n", -3.14159, 5, 12345.678)
	fmt.Printf("%v %v\n", int64(-9223372036854775808), uint64(18446744073709551615))
}
