package kernels

import (
	"sync"
	"testing"
)

// Once deadlock: the function given to Once.Do reaches Do of the same Once
// (through a getter), which waits for the first Do to finish.

type config struct {
	once sync.Once
	vals map[string]string
}

func (c *config) get(k string) string {
	c.once.Do(c.load)
	return c.vals[k]
}

func (c *config) load() {
	c.vals = map[string]string{"name": "goro"}
	c.vals["greeting"] = "hello " + c.get("name") // bug: Do inside Do
}

func (c *config) loadFixed() {
	c.vals = map[string]string{"name": "goro"}
	c.vals["greeting"] = "hello " + c.vals["name"]
}

func TestOnceDeadlock(t *testing.T) {
	c := &config{}
	if c.get("greeting") != "hello goro" {
		t.Fatal("wrong greeting")
	}
}

func TestOnceDeadlockFixed(t *testing.T) {
	c := &config{}
	c.once.Do(c.loadFixed)
	if c.get("greeting") != "hello goro" {
		t.Fatal("wrong greeting")
	}
}
