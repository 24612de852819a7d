// jsonapi encodes and decodes API payloads with encoding/json: struct tags,
// omitempty, embedded structs, custom (un)marshalers, RawMessage and a
// streaming Decoder over several concatenated objects.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"slices"
	"strings"
	"time"
)

// Status marshals as a string rather than an int.
type Status int

const (
	Active Status = iota + 1
	Suspended
)

var statusNames = []string{Active: "active", Suspended: "suspended"}

func (s Status) MarshalJSON() ([]byte, error) {
	if s < Active || s > Suspended {
		return nil, fmt.Errorf("unknown status %d", int(s))
	}
	return json.Marshal(statusNames[s])
}

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	i := slices.Index(statusNames, str)
	if i < int(Active) {
		return fmt.Errorf("bad status %q", str)
	}
	*s = Status(i)
	return nil
}

type Timestamps struct {
	Created time.Time  `json:"created"`
	Updated *time.Time `json:"updated,omitempty"`
}

type User struct {
	ID    int64    `json:"id"`
	Name  string   `json:"name"`
	Email string   `json:"email,omitempty"`
	Tags  []string `json:"tags,omitempty"`
	State Status   `json:"status"`
	Score float64  `json:"score,string"`
	Timestamps
	password string
	Internal string `json:"-"`
}

// Envelope carries a payload whose shape depends on Kind.
type Envelope struct {
	Kind    string          `json:"kind"`
	Payload json.RawMessage `json:"payload"`
}

type Event struct {
	Action string         `json:"action"`
	Meta   map[string]any `json:"meta"`
}

func main() {
	created := time.Date(2024, 3, 15, 9, 30, 0, 0, time.UTC)
	u := User{ID: 7, Name: "Ada <admin>", State: Active, Score: 98.5,
		Timestamps: Timestamps{Created: created}, password: "secret", Internal: "x"}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)

	updated := created.Add(36 * time.Hour)
	u.Updated = &updated
	u.Tags = []string{"math", "engines"}
	u.Email = "ada@example.com"
	pretty, _ := json.MarshalIndent(u, "", "  ")
	fmt.Println(string(pretty))

	var back User
	err = json.Unmarshal(pretty, &back)
	fmt.Printf("round trip: id=%d name=%q status=%d score=%.1f updated=%s tags=%v err=%v\n",
		back.ID, back.Name, back.State, back.Score, back.Updated.Format(time.RFC3339), back.Tags, err)

	fmt.Println("error:", json.Unmarshal([]byte(`{"status":"deleted"}`), &back))
	var typeErr *json.UnmarshalTypeError
	err = json.Unmarshal([]byte(`{"id":"seven"}`), &back)
	fmt.Printf("type error: %v (%T)\n", err, err)
	if errors.As(err, &typeErr) {
		fmt.Printf("  field=%s value=%s offset=%d\n", typeErr.Field, typeErr.Value, typeErr.Offset)
	}

	stream := `
{"kind":"user","payload":{"id":1,"name":"Bob","status":"suspended","score":"12.25","created":"2023-01-02T03:04:05Z"}}
{"kind":"event","payload":{"action":"login","meta":{"ip":"10.0.0.1","attempts":3,"ok":true}}}
{"kind":"unknown","payload":[1,2,3]}
`
	dec := json.NewDecoder(strings.NewReader(stream))
	for {
		var env Envelope
		if err := dec.Decode(&env); err == io.EOF {
			break
		} else if err != nil {
			log.Fatal(err)
		}
		switch env.Kind {
		case "user":
			var pu User
			if err := json.Unmarshal(env.Payload, &pu); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("user %d %s status=%d score=%v created=%s\n",
				pu.ID, pu.Name, pu.State, pu.Score, pu.Created.Format("2006-01-02"))
		case "event":
			var ev Event
			if err := json.Unmarshal(env.Payload, &ev); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("event %s ip=%v attempts=%v (%T) ok=%v\n",
				ev.Action, ev.Meta["ip"], ev.Meta["attempts"], ev.Meta["attempts"], ev.Meta["ok"])
			out, _ := json.Marshal(ev.Meta) // map keys are sorted
			fmt.Println("  meta re-encoded:", string(out))
		default:
			fmt.Printf("skipping %s payload %s\n", env.Kind, env.Payload)
		}
	}

	var generic any
	json.Unmarshal([]byte(`{"a":[1,"two",null,{"b":false}],"n":1e3}`), &generic)
	fmt.Printf("generic: %v\n", generic)

	dec2 := json.NewDecoder(strings.NewReader(`{"id": 12345678901234567}`))
	dec2.UseNumber()
	var m map[string]any
	dec2.Decode(&m)
	fmt.Printf("number: %v %T\n", m["id"], m["id"])

	strict := json.NewDecoder(strings.NewReader(`{"id":1,"nickname":"x"}`))
	strict.DisallowUnknownFields()
	fmt.Println("strict:", strict.Decode(&back))
}
