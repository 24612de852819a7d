package withmain

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

var greeting = flag.String("greeting", "hello", "what TestMain says")

func TestMain(m *testing.M) {
	flag.Parse()
	fmt.Println("setup:", *greeting)
	Ready = true
	code := m.Run()
	fmt.Println("teardown:", code)
	os.Exit(code)
}

func TestReady(t *testing.T) {
	if !Ready {
		t.Fatal("TestMain did not run")
	}
}
