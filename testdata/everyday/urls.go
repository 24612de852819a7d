// urls manipulates URLs the way an API client does: parsing, building query
// strings, resolving relative links and escaping path segments.
package main

import (
	"fmt"
	"net/url"
	"strings"
)

func main() {
	raw := "https://admin:p%40ss@api.example.com:8443/v1/search/users?q=go+lang&page=2&tag=a&tag=b#results"
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	pw, hasPw := u.User.Password()
	fmt.Println("scheme:", u.Scheme)
	fmt.Println("user:", u.User.Username(), "password:", pw, hasPw)
	fmt.Println("host:", u.Host, "hostname:", u.Hostname(), "port:", u.Port())
	fmt.Println("path:", u.Path, "escaped:", u.EscapedPath())
	fmt.Println("raw query:", u.RawQuery, "fragment:", u.Fragment)
	fmt.Println("redacted:", u.Redacted())

	q := u.Query()
	fmt.Println("q:", q.Get("q"), "tags:", q["tag"], "has page:", q.Has("page"), "missing:", q.Get("nope") == "")
	q.Set("page", "3")
	q.Add("tag", "c d")
	q.Del("q")
	q.Set("sort", "name&desc")
	u.RawQuery = q.Encode()
	u.Fragment = ""
	u.User = nil
	fmt.Println("rebuilt:", u.String())

	// Building a URL from parts, with a path segment that needs escaping.
	file := "reports/Q1 2024 #final.pdf"
	b := url.URL{
		Scheme: "https",
		Host:   "files.example.com",
		Path:   "/download/" + file,
	}
	v := url.Values{}
	v.Set("token", "a+b/c=")
	v.Set("inline", "true")
	b.RawQuery = v.Encode()
	fmt.Println("built:", b.String())
	fmt.Println("segment PathEscape:", url.PathEscape(file))
	fmt.Println("QueryEscape:", url.QueryEscape(file))
	un, _ := url.PathUnescape("Q1%202024%20%23final.pdf")
	qu, _ := url.QueryUnescape("go+lang%21")
	fmt.Println("unescaped:", un, "|", qu)
	_, err = url.QueryUnescape("bad%zzescape")
	fmt.Println("bad escape:", err)

	// Resolving links found on a page.
	page, _ := url.Parse("https://blog.example.com/posts/2024/hello/index.html?ref=home")
	for _, link := range []string{
		"image.png",
		"../",
		"../../archive/",
		"/about",
		"?page=2",
		"#comments",
		"//cdn.example.com/lib.js",
		"mailto:someone@example.com",
		"https://other.org/x",
	} {
		ref, err := url.Parse(link)
		if err != nil {
			fmt.Println("bad link:", err)
			continue
		}
		fmt.Printf("  %-28s -> %s\n", link, page.ResolveReference(ref))
	}
	fmt.Println("JoinPath:", page.JoinPath("..", "comments", "new").String())

	// Parsing query strings directly, and malformed URLs.
	vals, err := url.ParseQuery("a=1&b=2&a=3&empty=&flag")
	fmt.Println("ParseQuery:", vals.Encode(), err)
	_, err = url.ParseQuery("x=1;y=2")
	fmt.Println("semicolon:", err)
	for _, bad := range []string{"http://[::1", "://missing-scheme", "http://host:port/"} {
		_, err := url.Parse(bad)
		fmt.Println("parse error:", err)
	}
	rel, _ := url.Parse("/just/a/path?x=1")
	fmt.Println("IsAbs:", rel.IsAbs(), page.IsAbs(), "RequestURI:", rel.RequestURI())
	op, _ := url.Parse("mailto:dev@example.com")
	fmt.Println("opaque:", op.Opaque, "scheme:", op.Scheme)
	fmt.Println("userinfo:", url.UserPassword("bob", "s e:c/ret").String(), url.User("anon").String())
	fmt.Println("lowercase host kept:", strings.ToLower("API.Example.COM") == "api.example.com")
}
