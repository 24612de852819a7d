// httpjson is a tiny JSON REST API for a todo list, served on a loopback
// port and exercised by an http.Client.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Item struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Done  bool   `json:"done"`
}

type store struct {
	mu    sync.Mutex
	next  int
	items map[int]Item
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *store) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		list := make([]Item, 0, len(s.items))
		for _, it := range s.items {
			if r.URL.Query().Get("done") == "" || strconv.FormatBool(it.Done) == r.URL.Query().Get("done") {
				list = append(list, it)
			}
		}
		s.mu.Unlock()
		sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
		writeJSON(w, http.StatusOK, list)
	})
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) {
		var in Item
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Title == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid item"})
			return
		}
		s.mu.Lock()
		s.next++
		in.ID = s.next
		s.items[in.ID] = in
		s.mu.Unlock()
		w.Header().Set("Location", fmt.Sprintf("/items/%d", in.ID))
		writeJSON(w, http.StatusCreated, in)
	})
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		s.mu.Lock()
		it, ok := s.items[id]
		s.mu.Unlock()
		if err != nil || !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no item " + r.PathValue("id")})
			return
		}
		writeJSON(w, http.StatusOK, it)
	})
	mux.HandleFunc("DELETE /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.items, id)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: (&store{items: map[int]Item{}}).routes()}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()
	client := &http.Client{}

	do := func(method, path, body string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		resp, err := client.Do(req)
		if err != nil {
			log.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		extra := ""
		for _, h := range []string{"Location", "Allow"} {
			if v := resp.Header.Get(h); v != "" {
				extra += " " + strings.ToLower(h) + "=" + v
			}
		}
		fmt.Printf("%-6s %-16s -> %d %s ct=%q%s\n", method, path, resp.StatusCode,
			http.StatusText(resp.StatusCode), resp.Header.Get("Content-Type"), extra)
		if len(bytes.TrimSpace(data)) > 0 {
			fmt.Printf("       body: %s\n", bytes.TrimSpace(data))
		}
	}

	do("GET", "/items", "")
	do("POST", "/items", `{"title":"buy milk"}`)
	do("POST", "/items", `{"title":"write report","done":true}`)
	do("POST", "/items", `{"title":"call mom"}`)
	do("POST", "/items", `not json`)
	do("GET", "/items", "")
	do("GET", "/items?done=true", "")
	do("GET", "/items/2", "")
	do("GET", "/items/99", "")
	do("DELETE", "/items/1", "")
	do("GET", "/items/1", "")
	do("PUT", "/items/2", `{"title":"x"}`)
	do("GET", "/nothing/here", "")

	// Decode a list response into structs.
	resp, err := client.Get(base + "/items")
	var items []Item
	if err == nil {
		err = json.NewDecoder(resp.Body).Decode(&items)
		resp.Body.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
	for _, it := range items {
		fmt.Printf("item %d: %-14q done=%v\n", it.ID, it.Title, it.Done)
	}
	fmt.Println("proto:", resp.Proto, "content-length set:", resp.ContentLength > 0)

	srv.Close()
	_, err = client.Get(base + "/items")
	fmt.Println("after close, request fails:", err != nil)
}
