// panicstruct: an unrecovered panic with a struct value (an error) prints as gc's
// (goro's traceback once crashed on it looking for a synctest deadlock).
package main

type MyErr struct {
	Code int
	Msg  string
}

func (e MyErr) Error() string { return e.Msg }

func main() {
	panic(MyErr{Code: 1, Msg: "bad"})
}
