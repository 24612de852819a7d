package main

import "gorodiff/p0000"

func main() { p0000.Main() }
