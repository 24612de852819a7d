// httpmiddleware wires a handler chain (logging, panic recovery, auth) around
// a small admin API and tests it with httptest.NewRecorder.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
)

type middleware func(http.Handler) http.Handler

func chain(h http.Handler, mws ...middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func logging(l *log.Logger) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(sw, r)
			l.Printf("%s %s -> %d", r.Method, r.URL.Path, sw.status)
		})
	}
}

func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if err := recover(); err != nil {
				http.Error(w, fmt.Sprintf("internal error: %v", err), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func requireToken(token string) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			auth := r.Header.Get("Authorization")
			if c, err := r.Cookie("session"); err == nil && c.Value == "s3cr3t" {
				auth = "Bearer " + token
			}
			if auth != "Bearer "+token {
				w.Header().Set("WWW-Authenticate", `Bearer realm="admin"`)
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func main() {
	var logBuf bytes.Buffer
	logger := log.New(&logBuf, "access: ", 0)

	api := http.NewServeMux()
	api.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "alice,bob,carol")
	})
	api.HandleFunc("/crash", func(w http.ResponseWriter, r *http.Request) {
		var m map[string]int
		m["boom"]++ // nil map write panics
	})
	api.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s3cr3t", Path: "/", HttpOnly: true, MaxAge: 3600})
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	})

	root := http.NewServeMux()
	root.Handle("/admin/", http.StripPrefix("/admin", chain(api, requireToken("t0k3n"))))
	root.Handle("/old-home", http.RedirectHandler("/", http.StatusMovedPermanently))
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "welcome")
	})
	handler := chain(root, logging(logger), recoverer)

	type call struct {
		method, target string
		header, cookie string
	}
	calls := []call{
		{"GET", "/", "", ""},
		{"GET", "/admin/users", "", ""},
		{"GET", "/admin/users", "Bearer wrong", ""},
		{"GET", "/admin/users", "Bearer t0k3n", ""},
		{"GET", "/admin/users", "", "s3cr3t"},
		{"GET", "/admin/crash", "Bearer t0k3n", ""},
		{"POST", "/admin/login", "Bearer t0k3n", ""},
		{"GET", "/old-home", "", ""},
		{"GET", "/missing", "", ""},
	}
	for _, c := range calls {
		req := httptest.NewRequest(c.method, c.target, nil)
		if c.header != "" {
			req.Header.Set("Authorization", c.header)
		}
		if c.cookie != "" {
			req.AddCookie(&http.Cookie{Name: "session", Value: c.cookie})
		}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		fmt.Printf("%s %s => %d %q\n", c.method, c.target, res.StatusCode, strings.TrimSpace(string(body)))
		if loc := res.Header.Get("Location"); loc != "" {
			fmt.Println("    Location:", loc)
		}
		if wa := res.Header.Get("WWW-Authenticate"); wa != "" {
			fmt.Println("    WWW-Authenticate:", wa)
		}
		for _, ck := range res.Cookies() {
			fmt.Printf("    cookie %s=%s path=%s maxage=%d httponly=%v\n", ck.Name, ck.Value, ck.Path, ck.MaxAge, ck.HttpOnly)
		}
	}
	fmt.Print(logBuf.String())
}
