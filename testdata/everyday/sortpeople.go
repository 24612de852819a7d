// sortpeople sorts a staff directory several ways: sort.Slice,
// sort.SliceStable, sort.Sort with a custom type, binary search with
// sort.Search, and slices.SortFunc with cmp.Compare.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Person struct {
	Name   string
	Dept   string
	Age    int
	Salary float64
}

func (p Person) String() string {
	return fmt.Sprintf("%-7s %-5s %2d %8.0f", p.Name, p.Dept, p.Age, p.Salary)
}

// ByAge implements sort.Interface.
type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func show(title string, ps []Person) {
	fmt.Println(title)
	for _, p := range ps {
		fmt.Println("  ", p)
	}
}

func main() {
	staff := []Person{
		{"Mia", "eng", 31, 125000},
		{"Noah", "sales", 45, 98000},
		{"Liam", "eng", 28, 110000},
		{"Emma", "ops", 39, 87000},
		{"Ava", "eng", 31, 131000},
		{"Oliver", "sales", 23, 64000},
		{"Sophia", "ops", 52, 105000},
		{"Lucas", "eng", 45, 150000},
	}

	byName := slices.Clone(staff)
	sort.Slice(byName, func(i, j int) bool { return byName[i].Name < byName[j].Name })
	show("by name (sort.Slice):", byName)

	// Stable sort by dept keeps the name order inside each dept.
	byDept := slices.Clone(byName)
	sort.SliceStable(byDept, func(i, j int) bool { return byDept[i].Dept < byDept[j].Dept })
	show("by dept, then name (SliceStable):", byDept)

	ages := slices.Clone(byName)
	sort.Stable(ByAge(ages))
	show("by age (sort.Stable(ByAge)):", ages)
	sort.Sort(sort.Reverse(ByAge(ages)))
	fmt.Println("oldest:", ages[0].Name, "youngest:", ages[len(ages)-1].Name)
	fmt.Println("is sorted by age desc:", sort.IsSorted(sort.Reverse(ByAge(ages))))

	// Multi-key with slices.SortFunc and cmp.Compare / cmp.Or.
	multi := slices.Clone(staff)
	slices.SortFunc(multi, func(a, b Person) int {
		return cmp.Or(
			cmp.Compare(a.Dept, b.Dept),
			-cmp.Compare(a.Salary, b.Salary),
			strings.Compare(a.Name, b.Name),
		)
	})
	show("dept asc, salary desc (SortFunc):", multi)

	// sort.Search on a sorted slice of ages: first person aged >= 40.
	sort.Sort(ByAge(ages))
	i := sort.Search(len(ages), func(i int) bool { return ages[i].Age >= 40 })
	fmt.Printf("first aged >= 40 at index %d: age %d\n", i, ages[i].Age)
	j := sort.Search(len(ages), func(i int) bool { return ages[i].Age >= 60 })
	fmt.Println("aged >= 60 index:", j, "(== len means none)", j == len(ages))

	names := make([]string, len(byName))
	for k, p := range byName {
		names[k] = p.Name
	}
	pos := sort.SearchStrings(names, "Mia")
	fmt.Println("SearchStrings Mia:", pos, names[pos])
	idx, found := slices.BinarySearch(names, "Nora")
	fmt.Println("BinarySearch Nora:", idx, found)
	idx, found = slices.BinarySearchFunc(byName, "Lucas", func(p Person, name string) int { return cmp.Compare(p.Name, name) })
	fmt.Println("BinarySearchFunc Lucas:", idx, found)

	// Ints, floats, strings helpers.
	nums := []int{5, 2, 8, -1, 9, 2}
	sort.Ints(nums)
	fmt.Println("ints:", nums, "search 8 ->", sort.SearchInts(nums, 8))
	fl := []float64{2.5, -0.5, 1e3, 3.25}
	sort.Float64s(fl)
	fmt.Println("floats:", fl)
	words := []string{"pear", "Apple", "banana", "apple"}
	sort.Strings(words)
	fmt.Println("strings:", words)
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println("case-insensitive:", words)

	oldest := slices.MaxFunc(staff, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println("MaxFunc age:", oldest.Name)
	fmt.Println("min/max:", slices.Min(nums), slices.Max(nums), min(3, 1, 2), max("a", "b"))
}
