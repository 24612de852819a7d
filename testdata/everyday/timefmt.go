// timefmt handles timestamps for a meeting scheduler: parsing and formatting
// with layouts, fixed time zones, arithmetic, rounding, durations, ISO weeks
// and Unix times. No wall-clock reads, so output is reproducible.
package main

import (
	"errors"
	"fmt"
	"time"
)

func main() {
	tokyo := time.FixedZone("JST", 9*60*60)
	newYork := time.FixedZone("EST", -5*60*60)
	india := time.FixedZone("IST", 5*60*60+30*60)

	meeting := time.Date(2024, time.February, 29, 14, 30, 15, 123456789, time.UTC)
	fmt.Println("UTC:     ", meeting)
	for _, z := range []*time.Location{tokyo, newYork, india} {
		fmt.Printf("%-8s  %s\n", z.String()+":", meeting.In(z).Format("Mon Jan _2 15:04:05 MST 2006 (-07:00)"))
	}

	layouts := []struct{ name, layout string }{
		{"RFC3339", time.RFC3339},
		{"RFC3339Nano", time.RFC3339Nano},
		{"RFC1123Z", time.RFC1123Z},
		{"Kitchen", time.Kitchen},
		{"DateTime", time.DateTime},
		{"custom", "02/01/2006 3:04PM .000"},
		{"stamp", time.StampMicro},
		{"yearday", "2006-002 Monday"},
	}
	for _, l := range layouts {
		fmt.Printf("%-12s %s\n", l.name, meeting.In(india).Format(l.layout))
	}

	// Parsing in various forms.
	inputs := []struct{ layout, value string }{
		{time.RFC3339, "2023-11-05T01:30:00-04:00"},
		{"2006-01-02 15:04", "2024-07-04 09:15"},
		{time.RFC1123, "Tue, 10 Sep 2024 18:00:00 UTC"},
		{"Jan 2, 2006 at 3:04pm (MST)", "Mar 9, 2025 at 7:45am (UTC)"},
		{"2006-01-02", "2024-02-30"},
		{time.Kitchen, "25:00PM"},
	}
	for _, in := range inputs {
		t, err := time.Parse(in.layout, in.value)
		if err != nil {
			var pe *time.ParseError
			fmt.Printf("parse %-32q error: %v (ParseError=%v)\n", in.value, err, errors.As(err, &pe))
			continue
		}
		fmt.Printf("parse %-32q -> %s unix=%d\n", in.value, t.UTC().Format(time.RFC3339), t.Unix())
	}
	local, _ := time.ParseInLocation("2006-01-02 15:04", "2024-12-31 23:59", tokyo)
	fmt.Println("in JST:", local, "UTC:", local.UTC())

	// Arithmetic.
	end := meeting.Add(90 * time.Minute)
	fmt.Println("ends:", end.Format(time.TimeOnly), "duration:", end.Sub(meeting))
	fmt.Println("next year:", meeting.AddDate(1, 0, 0).Format(time.DateOnly), "(Feb 29 normalizes)")
	fmt.Println("month later:", meeting.AddDate(0, 1, 0).Format(time.DateOnly))
	fmt.Println("before/after/equal:", meeting.Before(end), meeting.After(end), meeting.Equal(meeting.In(tokyo)))
	for _, d := range []time.Duration{time.Second, time.Minute, 15 * time.Minute, time.Hour, 24 * time.Hour} {
		fmt.Printf("truncate %-8v %s   round %s\n", d, meeting.Truncate(d).Format("15:04:05.000"), meeting.Round(d).Format("15:04:05.000"))
	}

	// Durations.
	durs := []time.Duration{1500 * time.Millisecond, 90 * time.Minute, 36*time.Hour + 15*time.Second, 750 * time.Microsecond, 42, -3 * time.Minute}
	for _, d := range durs {
		fmt.Printf("%-14v hours=%.3f minutes=%.1f round(1s)=%v trunc(1m)=%v\n", d, d.Hours(), d.Minutes(), d.Round(time.Second), d.Truncate(time.Minute))
	}
	pd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println("parsed duration:", pd, pd.Seconds(), err)
	_, err = time.ParseDuration("5 minutes")
	fmt.Println("bad duration:", err)

	// Calendar info.
	for _, day := range []time.Time{
		time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC),
		meeting,
	} {
		y, w := day.ISOWeek()
		fmt.Printf("%s is a %-9s ISO week %d-W%02d, day %d of year\n", day.Format(time.DateOnly), day.Weekday(), y, w, day.YearDay())
	}
	daysInFeb := time.Date(2024, 3, 0, 0, 0, 0, 0, time.UTC).Day()
	fmt.Println("days in Feb 2024:", daysInFeb)

	// Unix times.
	epoch := time.Unix(1_700_000_000, 0).UTC()
	fmt.Println("unix 1.7e9:", epoch, "ms:", epoch.UnixMilli())
	fmt.Println("from millis:", time.UnixMilli(1_234_567_890_123).UTC().Format(time.RFC3339Nano))
	fmt.Println("zero time:", time.Time{}.IsZero(), time.Time{})
	name, offset := meeting.In(india).Zone()
	fmt.Println("zone:", name, offset)
	b, _ := meeting.MarshalText()
	fmt.Println("marshal text:", string(b))
	fmt.Println("since epoch in days:", int(meeting.Sub(time.Unix(0, 0)).Hours()/24))
}
