package main

import (
	"encoding/json"
	"fmt"
)

type U struct {
	Name string `json:"name"`
	Age  int    `json:"age,omitempty"`
	Tags []string
	M    map[string]float64
}

func main() {
	b, err := json.Marshal(U{"a", 3, []string{"x"}, map[string]float64{"k": 1.5}})
	fmt.Println(string(b), err)
	var u U
	err = json.Unmarshal([]byte(`{"name":"bob","age":7,"Tags":["p"],"M":{"z":2}}`), &u)
	fmt.Printf("%+v %v\n", u, err)
	var anyv any
	json.Unmarshal([]byte(`[1,"a",{"b":null}]`), &anyv)
	fmt.Println(anyv)
}
