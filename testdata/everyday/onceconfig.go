// onceconfig lazily loads configuration exactly once while many request
// goroutines race to use it, and caches derived values in a sync.Map.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

type Config struct {
	DBHost   string
	MaxConns int
	Features map[string]bool
}

var loads atomic.Int64

const configText = `
db_host = db.internal:5432
max_conns = 25
features = search, export, beta-ui
`

func parseConfig(text string) (*Config, error) {
	loads.Add(1)
	cfg := &Config{Features: map[string]bool{}}
	for _, line := range strings.Split(text, "\n") {
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch key {
		case "db_host":
			cfg.DBHost = val
		case "max_conns":
			n, err := strconv.Atoi(val)
			if err != nil {
				return nil, fmt.Errorf("max_conns: %w", err)
			}
			cfg.MaxConns = n
		case "features":
			for _, f := range strings.Split(val, ",") {
				cfg.Features[strings.TrimSpace(f)] = true
			}
		}
	}
	return cfg, nil
}

var getConfig = sync.OnceValues(func() (*Config, error) { return parseConfig(configText) })

var badConfig = sync.OnceValues(func() (*Config, error) { return parseConfig("max_conns = lots") })

var banner = sync.OnceValue(func() string {
	cfg, _ := getConfig()
	return fmt.Sprintf("connected to %s (pool %d)", cfg.DBHost, cfg.MaxConns)
})

var (
	initOnce  sync.Once
	initCalls atomic.Int32
)

func main() {
	var cache sync.Map // user ID -> rendered greeting
	var hits, misses, requests atomic.Int64
	var wg sync.WaitGroup

	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			initOnce.Do(func() { initCalls.Add(1) })
			cfg, err := getConfig()
			if err != nil {
				panic(err)
			}
			for i := 0; i < 50; i++ {
				requests.Add(1)
				user := (w*7 + i) % 10
				if _, ok := cache.Load(user); ok {
					hits.Add(1)
					continue
				}
				greeting := fmt.Sprintf("hello user%d, beta=%v", user, cfg.Features["beta-ui"])
				if _, loaded := cache.LoadOrStore(user, greeting); loaded {
					hits.Add(1)
				} else {
					misses.Add(1)
				}
			}
			_ = banner()
		}()
	}
	wg.Wait()

	cfg, _ := getConfig()
	var feats []string
	for f := range cfg.Features {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	fmt.Println("config loads:", loads.Load(), "init calls:", initCalls.Load())
	fmt.Println("db:", cfg.DBHost, "max conns:", cfg.MaxConns, "features:", feats)
	fmt.Println("banner:", banner())
	fmt.Println("requests:", requests.Load(), "misses:", misses.Load(), "hits:", hits.Load())

	var keys []int
	cache.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	fmt.Println("cached users:", keys)
	v, _ := cache.Load(3)
	fmt.Println("user 3:", v)
	cache.Delete(3)
	_, ok := cache.Load(3)
	fmt.Println("after delete present:", ok)
	prev, loaded := cache.Swap(4, "replaced")
	fmt.Println("swap returned previous:", loaded, prev)
	fmt.Println("CompareAndDelete wrong value:", cache.CompareAndDelete(4, "nope"))
	fmt.Println("CompareAndDelete right value:", cache.CompareAndDelete(4, "replaced"))

	// A failing OnceValues returns the same error every time without re-running.
	for i := 0; i < 3; i++ {
		_, err := badConfig()
		var numErr *strconv.NumError
		fmt.Printf("bad config call %d: %v (NumError=%v)\n", i+1, err, errors.As(err, &numErr))
	}
	fmt.Println("total parse calls:", loads.Load())

	// sync.OnceFunc: a panicking function panics again on every call.
	cleanup := sync.OnceFunc(func() { panic("cleanup failed") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			cleanup()
		}()
	}
}
