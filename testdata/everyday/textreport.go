// textreport renders a monthly invoice report with text/template: range,
// if/else, with, custom functions, nested and named templates.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
)

type LineItem struct {
	SKU      string
	Desc     string
	Qty      int
	Price    float64
	Discount float64
}

func (l LineItem) Total() float64 { return float64(l.Qty)*l.Price - l.Discount }

type Customer struct {
	Name    string
	Email   string
	Company *string
}

type Invoice struct {
	Number   int
	Customer Customer
	Items    []LineItem
	Notes    []string
	Paid     bool
	Meta     map[string]string
}

const layout = `{{define "money"}}${{printf "%.2f" .}}{{end -}}
{{define "item"}}{{printf "%-8s" .SKU}} {{printf "%-22s" (trunc 22 .Desc)}} {{printf "%3d" .Qty}} x {{template "money" .Price}}
{{- if gt .Discount 0.0}} (-{{template "money" .Discount}}){{end}} = {{template "money" .Total}}{{end -}}
{{define "invoice" -}}
INVOICE #{{printf "%05d" .Number}}  {{if .Paid}}[PAID]{{else}}[DUE]{{end}}
Bill to: {{.Customer.Name | upper}}{{with .Customer.Company}} ({{.}}){{end}} <{{.Customer.Email}}>
{{range $i, $it := .Items}}{{add $i 1}}. {{template "item" $it}}
{{else}}  (no items)
{{end -}}
{{- $total := sum .Items}}Subtotal: {{template "money" $total}}
Tax 8%:   {{template "money" (mul $total 0.08)}}
Total:    {{template "money" (mul $total 1.08)}}
{{- with .Notes}}
Notes:
{{- range .}}
  * {{.}}
{{- end}}
{{- end}}
{{- if .Meta}}
Meta: {{range $k, $v := .Meta}}{{$k}}={{$v}} {{end}}
{{- end}}
{{end}}`

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"add":   func(a, b int) int { return a + b },
		"mul":   func(a, b float64) float64 { return a * b },
		"trunc": func(n int, s string) string {
			if len(s) <= n {
				return s
			}
			return s[:n-1] + "…"
		},
		"sum": func(items []LineItem) float64 {
			t := 0.0
			for _, it := range items {
				t += it.Total()
			}
			return t
		},
	}
	tmpl := template.Must(template.New("report").Funcs(funcs).Parse(layout))

	acme := "Acme Corp"
	invoices := []Invoice{
		{
			Number:   42,
			Customer: Customer{"Wile E. Coyote", "wile@acme.test", &acme},
			Items: []LineItem{
				{"RKT-01", "Rocket skates", 2, 149.99, 0},
				{"TNT-10", "Dynamite, box of ten sticks (extra long fuse)", 3, 24.50, 5},
				{"MAG-XL", "Giant magnet", 1, 310, 10.5},
			},
			Notes: []string{"Deliver to canyon rim", "Fragile!"},
			Meta:  map[string]string{"region": "southwest", "channel": "catalog"},
		},
		{
			Number:   43,
			Customer: Customer{Name: "Road Runner", Email: "beep@beep.test"},
			Paid:     true,
		},
	}
	for _, inv := range invoices {
		if err := tmpl.ExecuteTemplate(os.Stdout, "invoice", inv); err != nil {
			fmt.Println("error:", err)
		}
		fmt.Println("----")
	}

	var names []string
	for _, t := range tmpl.Templates() {
		names = append(names, t.Name())
	}
	sort.Strings(names)
	fmt.Println("templates:", names)

	// Built-in functions and pipelines.
	small := template.Must(template.New("s").Parse(
		`{{len .}} items; first={{index . 0}}; join={{range $i, $e := .}}{{if $i}},{{end}}{{$e}}{{end}}; ` +
			`{{if and (gt (len .) 2) (ne (index . 1) "x")}}ok{{end}} {{printf "%q" (slice . 1 3)}} {{html "<b>"}} {{js "a'b"}} {{urlquery "a b&c"}}` + "\n"))
	small.Execute(os.Stdout, []string{"alpha", "beta", "gamma"})

	// Errors: missing key with option, and a runtime error.
	strict := template.Must(template.New("m").Option("missingkey=error").Parse("{{.host}}:{{.port}}\n"))
	err := strict.Execute(os.Stdout, map[string]string{"host": "localhost"})
	fmt.Println("\nmissing key:", err)
	_, err = template.New("bad").Parse("{{if}}")
	fmt.Println("parse:", err)
	err = template.Must(template.New("idx").Parse("{{index . 5}}")).Execute(os.Stdout, []int{1})
	fmt.Println("exec:", err)
}
