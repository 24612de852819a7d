// encoding/json with types that marshal themselves (reflect.TypeAssert), time.Time in both
// directions, and time's methods that were missing: ISOWeek, Duration.Round/Truncate/Abs.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

func (c *Celsius) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	var f float64
	_, err := fmt.Sscanf(strings.TrimSuffix(s, "C"), "%g", &f)
	*c = Celsius(f)
	return err
}

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte([]string{"low", "high"}[l]), nil }

func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 0
	case "high":
		*l = 1
	default:
		return fmt.Errorf("bad level %q", b)
	}
	return nil
}

type Reading struct {
	At     time.Time        `json:"at"`
	Temp   Celsius          `json:"temp"`
	Level  Level            `json:"level"`
	ByName map[Level]string `json:"by_name,omitempty"`
	Note   *string          `json:"note,omitempty"`
}

func main() {
	at := time.Date(2024, 12, 30, 8, 15, 0, 0, time.UTC)
	r := Reading{At: at, Temp: 21.5, Level: 1, ByName: map[Level]string{0: "a", 1: "b"}}
	b, err := json.Marshal(r)
	fmt.Println(string(b), err)
	var back Reading
	err = json.Unmarshal(b, &back)
	fmt.Println(err, back.At.Equal(at), back.Temp, back.Level, back.ByName, back.Note == nil)
	fmt.Println(json.Unmarshal([]byte(`{"level":"medium"}`), &back))
	fmt.Println(json.Unmarshal([]byte(`{"at":"yesterday"}`), &back) != nil)
	out, _ := json.MarshalIndent(map[string]any{"when": at, "temps": []Celsius{1, 2.25}}, "", "  ")
	fmt.Println(string(out))

	y, w := at.ISOWeek()
	fmt.Println(y, w)
	d := 90*time.Minute + 29*time.Second + 600*time.Millisecond
	fmt.Println(d.Round(time.Second), d.Round(time.Minute), d.Truncate(time.Hour), (-d).Abs())
	tb, _ := at.MarshalText()
	var t2 time.Time
	fmt.Println(string(tb), t2.UnmarshalText(tb), t2.Equal(at))
}
