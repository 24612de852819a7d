// csvreport reads sales records from CSV, aggregates revenue per region and
// product, and writes a summary CSV report to stdout.
package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
)

const salesCSV = `date,region,product,units,unit_price
2024-01-03,North,Widget,10,2.50
2024-01-03,South,Gadget,3,19.99
2024-01-04,North,Gadget,1,19.99
2024-01-05,"East, Coastal",Widget,25,2.40
# comment lines are skipped
2024-01-05,South,Widget,7,2.50
2024-01-06,North,"Gizmo ""Pro""",2,149.00
2024-01-07,East,Widget,bad,2.50
2024-01-07,South,Gadget,4,18.50
2024-01-08,"East, Coastal",Gadget,2,19.99
`

type key struct{ region, product string }

type agg struct {
	units   int
	revenue float64
	orders  int
}

func main() {
	r := csv.NewReader(strings.NewReader(salesCSV))
	r.Comment = '#'
	r.FieldsPerRecord = 5

	header, err := r.Read()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("columns:", strings.Join(header, " | "))

	totals := map[key]*agg{}
	regionTotals := map[string]float64{}
	var skipped []string
	line := 1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		line++
		units, err := strconv.Atoi(rec[3])
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("record %d: %v", line, err))
			continue
		}
		price, err := strconv.ParseFloat(rec[4], 64)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("record %d: %v", line, err))
			continue
		}
		k := key{rec[1], rec[2]}
		a := totals[k]
		if a == nil {
			a = &agg{}
			totals[k] = a
		}
		a.units += units
		a.revenue += float64(units) * price
		a.orders++
		regionTotals[rec[1]] += float64(units) * price
	}

	for _, s := range skipped {
		fmt.Println("skipped", s)
	}

	keys := make([]key, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].region != keys[j].region {
			return keys[i].region < keys[j].region
		}
		return keys[i].product < keys[j].product
	})

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"region", "product", "orders", "units", "revenue", "share"})
	var grand float64
	for _, k := range keys {
		a := totals[k]
		grand += a.revenue
		share := a.revenue / regionTotals[k.region] * 100
		w.Write([]string{
			k.region, k.product,
			strconv.Itoa(a.orders), strconv.Itoa(a.units),
			strconv.FormatFloat(a.revenue, 'f', 2, 64),
			fmt.Sprintf("%.1f%%", share),
		})
	}
	w.Write([]string{"TOTAL", "", "", "", strconv.FormatFloat(grand, 'f', 2, 64), ""})
	w.Flush()
	if err := w.Error(); err != nil {
		log.Fatal(err)
	}

	// Regions ranked by revenue, written tab-separated with CRLF.
	regions := make([]string, 0, len(regionTotals))
	for reg := range regionTotals {
		regions = append(regions, reg)
	}
	sort.Slice(regions, func(i, j int) bool { return regionTotals[regions[i]] > regionTotals[regions[j]] })
	var sb strings.Builder
	tw := csv.NewWriter(&sb)
	tw.Comma = '\t'
	tw.UseCRLF = true
	for i, reg := range regions {
		tw.Write([]string{strconv.Itoa(i + 1), reg, fmt.Sprintf("%.2f", regionTotals[reg])})
	}
	tw.Flush()
	fmt.Printf("%q\n", sb.String())

	// Malformed input errors carry positions.
	bad := csv.NewReader(strings.NewReader("a,b\n\"unterminated,c\n"))
	_, err = bad.ReadAll()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		fmt.Printf("parse error: line=%d col=%d err=%v\n", pe.Line, pe.Column, pe.Err)
	}
	short := csv.NewReader(strings.NewReader("a,b,c\n1,2\n"))
	_, err = short.ReadAll()
	fmt.Println("field count:", err)
}
