// reflect.Value.FieldByIndexErr through a nil embedded pointer: the error names the field's type by its name.
package main

import (
	"fmt"
	"reflect"
)

type A struct{ S string }
type B struct{ *A }

func main() {
	_, err := reflect.ValueOf(B{}).FieldByIndexErr([]int{0, 0})
	fmt.Println(err)
}
