package goro

import (
	"os"
	"testing"
	"time"
)

func TestZZColdStart(t *testing.T) {
	os.Setenv("GOROCACHE", "off")
	for i := 0; i < 5; i++ {
		t0 := time.Now()
		p, err := Load(Config{Dir: "/tmp/hello"}, "main.go")
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		p.Run(RunOptions{Args: []string{"hello"}})
		t.Logf("load %v run %v", t1.Sub(t0), time.Since(t1))
	}
}
