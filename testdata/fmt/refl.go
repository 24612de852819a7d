package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type User struct {
	Name  string `json:"name" xml:"n"`
	Age   int    `json:"age,omitempty"`
	email string
	Tags  []string
	Base
}

type Base struct{ ID int64 }

func (u User) Hello(greet string) string { return greet + ", " + u.Name }
func (u *User) SetName(n string)         { u.Name = n }

type Stringer interface{ String() string }

func main() {
	u := User{Name: "ann", Age: 30, email: "a@b", Tags: []string{"x"}, Base: Base{9}}
	t := reflect.TypeOf(u)
	fmt.Println(t, t.Name(), t.Kind(), t.PkgPath(), t.NumField(), t.NumMethod(), reflect.PointerTo(t).NumMethod())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("json"), f.PkgPath, f.Anonymous, f.Index, f.IsExported())
	}
	if f, ok := t.FieldByName("ID"); ok {
		fmt.Println("ID:", f.Index, f.Type)
	}
	v := reflect.ValueOf(u)
	fmt.Println(v.Kind(), v.NumField(), v.Field(0), v.Field(1).Int(), v.Field(2).CanInterface(), v.Field(0).CanInterface())
	fmt.Println(v.FieldByName("ID").Int(), v.Field(3).Len(), v.Field(3).Index(0))
	pv := reflect.ValueOf(&u).Elem()
	fmt.Println(pv.CanSet(), pv.CanAddr(), v.CanSet(), v.CanAddr())
	pv.Field(0).SetString("bob")
	pv.Field(1).SetInt(41)
	pv.FieldByName("ID").SetInt(77)
	fmt.Println(u.Name, u.Age, u.ID)
	pv.Field(3).Set(reflect.ValueOf([]string{"p", "q"}))
	fmt.Println(u.Tags)
	pv.Field(3).Index(1).SetString("Q")
	fmt.Println(u.Tags)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Field(0).SetString("x")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pv.Field(2).SetString("x")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf("s").Int()
	}()
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
			if ve, ok := r.(*reflect.ValueError); ok {
				fmt.Println("ValueError", ve.Method, ve.Kind)
			}
		}()
		reflect.ValueOf(3).Len()
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = v.Field(2).Interface()
	}()
	// methods
	m := reflect.ValueOf(u).MethodByName("Hello")
	out := m.Call([]reflect.Value{reflect.ValueOf("hi")})
	fmt.Println(out[0].String(), len(out))
	meth := reflect.ValueOf(&u).MethodByName("SetName")
	meth.Call([]reflect.Value{reflect.ValueOf("zed")})
	fmt.Println(u.Name)
	for i := 0; i < reflect.TypeOf(&u).NumMethod(); i++ {
		mm := reflect.TypeOf(&u).Method(i)
		fmt.Println(mm.Name, mm.Type)
	}
	// kinds
	vals := []any{1, int8(2), uint16(3), 1.5, float32(2.5), "s", true, []int{1}, [2]int{}, map[string]int{}, &u, make(chan int), func() {}, struct{}{}, 2i, uintptr(1)}
	for _, x := range vals {
		rv := reflect.ValueOf(x)
		fmt.Print(rv.Kind(), " ", rv.Type(), " ", rv.Type().Size(), "; ")
	}
	fmt.Println()
	// maps
	mp := map[string]int{"b": 2, "a": 1, "c": 3}
	mv := reflect.ValueOf(mp)
	keys := mv.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		fmt.Print(k, "=", mv.MapIndex(k), " ")
	}
	fmt.Println(mv.Len(), mv.MapIndex(reflect.ValueOf("zz")).IsValid())
	mv.SetMapIndex(reflect.ValueOf("d"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Println(mp)
	it := mv.MapRange()
	sum := 0
	for it.Next() {
		sum += int(it.Value().Int())
	}
	fmt.Println("sum", sum)
	// DeepEqual
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{1}, []int{2}),
		reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}),
		reflect.DeepEqual(u, u), reflect.DeepEqual(nil, nil), reflect.DeepEqual(1, int64(1)),
		reflect.DeepEqual([]int(nil), []int{}), reflect.DeepEqual(&User{Name: "x"}, &User{Name: "x"}))
	// New, Zero, Indirect
	np := reflect.New(reflect.TypeOf(0))
	np.Elem().SetInt(12)
	fmt.Println(*(np.Interface().(*int)), reflect.Zero(reflect.TypeOf(u)).Interface().(User).Age, reflect.Indirect(reflect.ValueOf(&u)).Type())
	// Types
	et := reflect.TypeOf((*error)(nil)).Elem()
	st := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	fmt.Println(et, et.Kind(), reflect.TypeOf(fmt.Errorf("x")).Implements(et), reflect.TypeOf(u).Implements(st))
	fmt.Println(reflect.TypeOf(3) == reflect.TypeOf(4), reflect.TypeOf(3) == reflect.TypeOf("x"), reflect.TypeOf([]int{}).Elem(), reflect.TypeOf(map[string]bool{}).Key())
	fmt.Println(reflect.TypeOf(0).Bits(), reflect.TypeOf(int32(0)).Bits(), reflect.TypeOf([3]int{}).Len(), reflect.TypeOf(u).Comparable(), reflect.TypeOf([]int{}).Comparable())
	fmt.Println(reflect.TypeOf(3).AssignableTo(reflect.TypeOf((*any)(nil)).Elem()), reflect.TypeOf(3).ConvertibleTo(reflect.TypeOf(1.0)))
	fmt.Println(reflect.TypeOf(strings.ToUpper), reflect.TypeOf(strings.ToUpper).NumIn(), reflect.TypeOf(fmt.Printf).IsVariadic())
	fmt.Println(reflect.ValueOf(3).Convert(reflect.TypeOf(1.0)).Float(), reflect.ValueOf(65).Convert(reflect.TypeOf("")).String())
	// Slices
	sv := reflect.ValueOf([]int{1, 2, 3, 4})
	fmt.Println(sv.Slice(1, 3), sv.Len(), sv.Cap(), sv.Index(2).CanSet())
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(0).SetString("m")
	ms = reflect.Append(ms, reflect.ValueOf("n"))
	fmt.Println(ms.Interface(), ms.Len(), ms.Cap())
	fmt.Println(reflect.ValueOf(u).IsZero(), reflect.ValueOf(User{}).IsZero(), reflect.ValueOf((*int)(nil)).IsNil())
	var iface any = &u
	fmt.Println(reflect.ValueOf(&iface).Elem().Kind(), reflect.ValueOf(&iface).Elem().Elem().Kind())
	sw := []int{1, 2, 3}
	reflect.Swapper(sw)(0, 2)
	fmt.Println(sw)
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(-3).Int(), reflect.ValueOf(2.5).Float(), reflect.ValueOf(1+2i).Complex(), reflect.ValueOf(true).Bool())
	fmt.Println(reflect.ValueOf(3).String(), reflect.Value{}.String(), reflect.Value{}.IsValid(), reflect.Value{}.Kind())
	arr := [3]int{1, 2, 3}
	av := reflect.ValueOf(&arr).Elem()
	av.Index(1).SetInt(20)
	fmt.Println(arr, av.Slice(0, 2))
	var x float32
	reflect.ValueOf(&x).Elem().SetFloat(1.1)
	fmt.Println(x)
	fmt.Println(reflect.TypeOf(reflect.Value{}), reflect.TypeOf(reflect.TypeOf(0)))
}
