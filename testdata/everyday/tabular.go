// tabular prints a disk-usage style report and a price list using
// text/tabwriter, with left/right alignment and the Debug column separators.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

type mount struct {
	fs      string
	sizeGB  float64
	usedGB  float64
	mounted string
}

func bar(frac float64, width int) string {
	n := int(frac*float64(width) + 0.5)
	return strings.Repeat("#", n) + strings.Repeat(".", width-n)
}

func main() {
	mounts := []mount{
		{"/dev/sda1", 465.8, 312.4, "/"},
		{"/dev/sdb1", 1863.0, 1650.2, "/data"},
		{"tmpfs", 15.6, 0.2, "/run"},
		{"/dev/nvme0n1p2", 931.5, 77.9, "/home/user/projects"},
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "Filesystem\tSize\tUsed\tAvail\tUse%\tMounted on\t")
	for _, m := range mounts {
		fmt.Fprintf(w, "%s\t%.1fG\t%.1fG\t%.1fG\t%.0f%%\t%s\t\n",
			m.fs, m.sizeGB, m.usedGB, m.sizeGB-m.usedGB, m.usedGB/m.sizeGB*100, m.mounted)
	}
	w.Flush()
	fmt.Println()

	// Right-aligned numeric columns; trailing tab terminates each cell.
	rw := tabwriter.NewWriter(os.Stdout, 6, 4, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(rw, "item\tqty\tunit\ttotal\t")
	items := []struct {
		name  string
		qty   int
		price float64
	}{{"coffee", 2, 3.5}, {"bagel", 12, 1.25}, {"orange juice", 1, 4.99}, {"tip", 1, 10}}
	sum := 0.0
	for _, it := range items {
		t := float64(it.qty) * it.price
		sum += t
		fmt.Fprintf(rw, "%s\t%d\t%.2f\t%.2f\t\n", it.name, it.qty, it.price, t)
	}
	fmt.Fprintf(rw, "\t\t\t%.2f\t\n", sum)
	rw.Flush()
	fmt.Println()

	// Debug flag draws the column boundaries with '|'.
	dw := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', tabwriter.Debug)
	fmt.Fprintln(dw, "disk\tusage\tmount")
	for _, m := range mounts {
		fmt.Fprintf(dw, "%s\t%s\t%s\n", m.fs, bar(m.usedGB/m.sizeGB, 10), m.mounted)
	}
	dw.Flush()
	fmt.Println()

	// Debug + AlignRight, with dots as padding.
	dr := tabwriter.NewWriter(os.Stdout, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(dr, "a\tbb\tccc\t")
	fmt.Fprintln(dr, "dddd\te\tf\t")
	fmt.Fprintln(dr, "\t\t\t")
	dr.Flush()
	fmt.Println()

	// Cells in a column block end at a line without that column.
	bw := tabwriter.NewWriter(os.Stdout, 0, 4, 1, '-', tabwriter.DiscardEmptyColumns)
	fmt.Fprintln(bw, "x\ty\tz")
	fmt.Fprintln(bw, "longer cell\t\tshort")
	fmt.Fprintln(bw, "no tabs here")
	fmt.Fprintln(bw, "a\tb")
	bw.Flush()

	// Escaped text is not split on tabs.
	ew := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.StripEscape)
	esc := string([]byte{tabwriter.Escape})
	fmt.Fprintf(ew, "key\t%sliteral\ttab%s\tvalue\n", esc, esc)
	fmt.Fprintln(ew, "k2\tx\tv2")
	ew.Flush()

	// Tab padding with minwidth.
	tw := tabwriter.NewWriter(os.Stdout, 8, 8, 1, '\t', 0)
	fmt.Fprintln(tw, "id\tname\tstatus")
	fmt.Fprintln(tw, "1\tweb-frontend-01\trunning")
	fmt.Fprintln(tw, "22\tdb\tstopped")
	tw.Flush()
}
