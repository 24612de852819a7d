package hang

import "testing"

func TestQuick(t *testing.T) {}

func TestHang(t *testing.T) {
	c := make(chan int)
	<-c
}
