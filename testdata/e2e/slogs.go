// log/slog with its text and JSON handlers (string attributes go through unsafe.StringData and
// unsafe.String), groups, LogValuer, levels; the time attribute is dropped for a stable output.
package main

import (
	"context"
	"log/slog"
	"os"
	"unsafe"
)

type user struct{ id int }

func (u user) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.id), slog.String("role", "admin"))
}

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

func main() {
	opts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noTime}
	text := slog.New(slog.NewTextHandler(os.Stdout, opts))
	text.Info("hello", "n", 3, "s", "with space", "ok", true)
	text.Debug("details", slog.Group("req", "method", "GET", "path", "/x"), "user", user{7})
	text.With("svc", "api").WithGroup("g").Warn("slow", "ms", 250.5)

	js := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	js.Error("failed", "err", os.ErrNotExist, "attempt", 2, "tags", []string{"a", "b"})
	js.Debug("not shown")
	js.LogAttrs(context.Background(), slog.LevelInfo, "attrs", slog.String("k", "v"), slog.Any("user", user{8}))
	v := slog.StringValue("round trip")
	text.Info(v.String(), "kind", v.Kind().String())

	s := "bytes of a string"
	p := unsafe.StringData(s)
	text.Info(unsafe.String(p, 5), "same", unsafe.String(p, len(s)) == s, "empty", unsafe.String(nil, 0) == "")
}
