// htmlpage renders a user profile page with html/template, showing how
// untrusted input is escaped differently in text, attributes, URLs, CSS and
// JavaScript contexts.
package main

import (
	"fmt"
	"html/template"
	"log"
	"os"
	"strings"
)

type Comment struct {
	Author string
	Body   string
	Link   string
}

type Page struct {
	Title    string
	User     string
	Bio      string
	Homepage string
	Color    string
	Settings map[string]any
	Comments []Comment
	Trusted  template.HTML
	SafeURL  template.URL
}

const page = `<!DOCTYPE html>
<html>
<head><title>{{.Title}}</title></head>
<body style="color: {{.Color}}">
<h1 title="{{.User}}">{{.User}}</h1>
<p class="bio">{{.Bio}}</p>
<a href="{{.Homepage}}">home</a>
<a href="/search?q={{.User}}&amp;lang=en">search</a>
<a href="{{.SafeURL}}">trusted link</a>
<div>{{.Trusted}}</div>
<ul>
{{- range .Comments}}
  <li><a href="{{.Link}}" onclick="track({{.Author}})">{{.Author}}</a>: {{.Body | shout}}</li>
{{- else}}
  <li>no comments</li>
{{- end}}
</ul>
<script>
var user = {{.User}};
var settings = {{.Settings}};
var greeting = "Hello, {{.User}}!";
</script>
</body>
</html>
`

func main() {
	funcs := template.FuncMap{"shout": strings.ToUpper}
	t := template.Must(template.New("page").Funcs(funcs).Parse(page))

	p := Page{
		Title:    "Profile of <script>alert(1)</script>",
		User:     `O'Brien "Bob" <b>&`,
		Bio:      "I like <em>tags</em> & 'quotes'",
		Homepage: "javascript:alert('xss')",
		Color:    "red; background: url(evil)",
		Settings: map[string]any{"theme": "dark</script>", "size": 12, "beta": true},
		Comments: []Comment{
			{Author: "mallory", Body: "<img src=x onerror=alert(1)>", Link: "http://example.com/?a=1&b=<2>"},
			{Author: "eve\"", Body: "nice post", Link: "/relative/path with spaces"},
		},
		Trusted: template.HTML("<strong>verified</strong>"),
		SafeURL: template.URL("javascript:void(0)"),
	}
	if err := t.Execute(os.Stdout, p); err != nil {
		log.Fatal(err)
	}

	// Empty comment list hits the else branch.
	short := template.Must(template.New("s").Parse(`<ul>{{range .}}<li>{{.}}</li>{{else}}<li>empty</li>{{end}}</ul>` + "\n"))
	short.Execute(os.Stdout, []string{})
	short.Execute(os.Stdout, []string{"a<b", "c&d"})

	// Escaping helpers used directly.
	fmt.Println(template.HTMLEscapeString(`<a href="x">Tom & Jerry's</a>`))
	fmt.Println(template.JSEscapeString(`He said "hi" </script> & left`))
	fmt.Println(template.URLQueryEscaper("a b/c?d=e&f"))

	// Event-handler attribute names from data are replaced with ZgotmplZ.
	attr := template.Must(template.New("a").Parse(`<input {{.}}="x">` + "\n"))
	err := attr.Execute(os.Stdout, "onfocus")
	fmt.Println("attr error:", err)

	// Branches that end in different contexts are a parse-time (exec) error.
	bad := template.Must(template.New("bad").Parse(`<a href="{{if .}}/x{{else}}/y"{{end}}>` + "\n"))
	err = bad.Execute(os.Stdout, true)
	fmt.Println("context error:", err)
}
