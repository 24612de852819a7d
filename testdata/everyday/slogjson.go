// slogjson configures structured logging the way a small service does:
// JSON logs for machines, text logs for humans, with request-scoped fields.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// User implements slog.LogValuer so secrets never reach the logs.
type User struct {
	ID       int
	Name     string
	Password string
}

func (u User) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Int("id", u.ID),
		slog.String("name", u.Name),
		slog.String("password", "REDACTED"),
	)
}

type Money int64

func (m Money) LogValue() slog.Value {
	return slog.StringValue(fmt.Sprintf("$%d.%02d", m/100, m%100))
}

func dropTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	// Shorten level names for the console.
	if a.Key == slog.LevelKey {
		lvl := a.Value.Any().(slog.Level)
		if lvl == LevelTrace {
			return slog.String(slog.LevelKey, "TRACE")
		}
	}
	return a
}

const LevelTrace = slog.Level(-8)

func handleRequest(logger *slog.Logger, id string, user User, amount Money) {
	reqLog := logger.With("request_id", id).WithGroup("req")
	reqLog.Info("start", "path", "/checkout", "user", user)
	reqLog.Debug("cart loaded", slog.Int("items", 3), slog.Any("amount", amount))
	if amount > 10000 {
		reqLog.Warn("large order", "amount", amount)
	}
	reqLog.LogAttrs(context.Background(), slog.LevelInfo, "done",
		slog.Duration("took", 1500*time.Millisecond),
		slog.Bool("ok", true),
		slog.Group("db", slog.Int("queries", 4), slog.Float64("hit_ratio", 0.75)),
	)
}

func main() {
	level := new(slog.LevelVar)
	level.Set(slog.LevelInfo)
	jsonLog := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		Level:       level,
		ReplaceAttr: dropTime,
	}))
	textLog := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level:       LevelTrace,
		ReplaceAttr: dropTime,
	}))

	alice := User{ID: 1, Name: "alice", Password: "hunter2"}
	bob := User{ID: 2, Name: "bob smith", Password: "letmein"}

	handleRequest(jsonLog, "r-001", alice, 2599)
	level.Set(slog.LevelDebug)
	handleRequest(jsonLog, "r-002", bob, 125000)

	svc := textLog.With(slog.String("service", "billing"), slog.Int("pid", 4242))
	svc.Log(context.Background(), LevelTrace, "entering loop")
	svc.Info("invoice sent", "to", "bob@example.com", "lines", []string{"a", "b"})
	svc.Error("charge failed", "err", errors.New("card declined"), "user", bob)
	svc.WithGroup("retry").Warn("scheduling retry", "attempt", 2, "backoff", 250*time.Millisecond)

	fmt.Println("enabled debug on json:", jsonLog.Enabled(context.Background(), slog.LevelDebug))
	level.Set(slog.LevelError)
	fmt.Println("enabled warn on json after raising:", jsonLog.Enabled(context.Background(), slog.LevelWarn))
	jsonLog.Warn("this is dropped")
	jsonLog.Error("quoting test", "msg2", "line1\nline2 \"q\"", "empty", "")
	fmt.Println("level names:", slog.LevelDebug, slog.LevelInfo+2, slog.LevelError+1, LevelTrace)
}
