// nethttp: a net/http server and client in one program (net/http from
// source over goro's sockets): routing with patterns, headers, a POST
// body, a 404, keep-alive connections, httptest, and the server's Close.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Goro", "yes")
		fmt.Fprintf(w, "hello, %s (%s)\n", r.PathValue("name"), r.Method)
	})
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte(strings.ToUpper(string(b))))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: mux}
	served := make(chan error)
	go func() { served <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	for _, name := range []string{"gopher", "goro", "gopher"} {
		resp, err := http.Get(base + "/hello/" + name)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Print(resp.Status, " ", resp.Header.Get("X-Goro"), " ", resp.Header.Get("Content-Type"), " ", string(b))
	}
	resp, err := http.Post(base+"/echo", "text/plain", strings.NewReader("shout this"))
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, string(b))
	resp, err = http.Get(base + "/missing")
	if err != nil {
		panic(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("%d %q\n", resp.StatusCode, b)
	srv.Close()
	fmt.Println("Serve:", <-served)

	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s %s %s", r.Method, r.URL.Path, r.URL.Query().Get("q"))
	}))
	defer ts.Close()
	resp, err = ts.Client().Get(ts.URL + "/search?q=goroutines")
	if err != nil {
		panic(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(b))
}
