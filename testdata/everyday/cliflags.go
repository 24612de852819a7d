// cliflags parses command lines for a small "deploy" tool with the flag
// package, using fixed argument lists so the output is reproducible.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"
)

// listFlag collects repeated -tag values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	if v == "" {
		return errors.New("empty tag")
	}
	*l = append(*l, v)
	return nil
}

type config struct {
	env      string
	replicas int
	dryRun   bool
	timeout  time.Duration
	tags     listFlag
	labels   map[string]string
	ratio    float64
}

func parse(args []string) (*config, []string, string, error) {
	cfg := &config{labels: map[string]string{}}
	var usage bytes.Buffer
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.SetOutput(&usage)
	fs.StringVar(&cfg.env, "env", "staging", "target `environment`")
	fs.IntVar(&cfg.replicas, "replicas", 1, "number of replicas")
	fs.BoolVar(&cfg.dryRun, "dry-run", false, "print actions only")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "rollout timeout")
	fs.Float64Var(&cfg.ratio, "canary", 0.1, "canary traffic ratio")
	fs.Var(&cfg.tags, "tag", "image tag (repeatable)")
	fs.Func("label", "key=value label (repeatable)", func(s string) error {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return fmt.Errorf("label %q: want key=value", s)
		}
		cfg.labels[k] = v
		return nil
	})
	err := fs.Parse(args)
	if err != nil {
		return nil, nil, usage.String(), err
	}
	var set []string
	fs.Visit(func(f *flag.Flag) { set = append(set, f.Name) })
	fmt.Printf("  explicitly set: %v (NFlag=%d)\n", set, fs.NFlag())
	return cfg, fs.Args(), usage.String(), nil
}

func main() {
	cases := [][]string{
		{"-env=prod", "--replicas", "3", "-tag", "v1.2", "-tag=latest", "web", "worker"},
		{"-dry-run", "-timeout", "1m30s", "-label", "team=core", "-label=tier=frontend", "--", "-not-a-flag"},
		{"-canary", "0.25", "-dry-run=false", "api"},
		{},
		{"-replicas", "many"},
		{"-label", "oops"},
		{"-unknown"},
		{"-h"},
	}
	for i, args := range cases {
		fmt.Printf("case %d: %q\n", i+1, args)
		cfg, rest, usage, err := parse(args)
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Println("  help requested; usage text:")
			} else {
				fmt.Println("  error:", err)
			}
			// Print only the first lines of the usage output.
			lines := strings.Split(strings.TrimRight(usage, "\n"), "\n")
			for _, l := range lines[:min(len(lines), 5)] {
				fmt.Println("  |", l)
			}
			continue
		}
		var labels []string
		for _, k := range []string{"team", "tier"} {
			if v, ok := cfg.labels[k]; ok {
				labels = append(labels, k+"="+v)
			}
		}
		fmt.Printf("  env=%s replicas=%d dry=%v timeout=%v canary=%.2f tags=[%s] labels=%v rest=%q\n",
			cfg.env, cfg.replicas, cfg.dryRun, cfg.timeout, cfg.ratio, cfg.tags.String(), labels, rest)
	}
}
