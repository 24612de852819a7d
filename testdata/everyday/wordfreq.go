// wordfreq counts word frequencies in a text with bufio.Scanner, normalizes
// words, and prints the most common ones sorted by count then word.
package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we
were all going direct the other way -- in short, the period was so far like
the present period, that some of its noisiest authorities insisted on its
being received, for good or for evil, in the superlative degree of comparison
only. Don't stop; café CAFÉ Café!`

type wordCount struct {
	word  string
	count int
}

func normalize(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	w = strings.Trim(w, "'")
	return strings.ToLower(w)
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Split(bufio.ScanWords)
	counts := make(map[string]int)
	total, longest := 0, ""
	for sc.Scan() {
		w := normalize(sc.Text())
		if w == "" {
			continue
		}
		counts[w]++
		total++
		if len([]rune(w)) > len([]rune(longest)) || (len([]rune(w)) == len([]rune(longest)) && w < longest) {
			longest = w
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Println("scan error:", err)
		return
	}

	list := make([]wordCount, 0, len(counts))
	for w, c := range counts {
		list = append(list, wordCount{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})

	fmt.Printf("total words: %d, distinct: %d, longest: %q\n", total, len(counts), longest)
	fmt.Println("top 15:")
	for i, wc := range list[:15] {
		fmt.Printf("%2d. %-12s %3d %s\n", i+1, wc.word, wc.count, strings.Repeat("*", wc.count))
	}

	hapax := []string{}
	for _, wc := range list {
		if wc.count == 1 {
			hapax = append(hapax, wc.word)
		}
	}
	fmt.Printf("words seen once (%d): %s\n", len(hapax), strings.Join(hapax[:10], ", "))

	// Line and rune statistics with other split functions.
	lines := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for lines.Scan() {
		n++
		if n <= 2 {
			fmt.Printf("line %d has %d words\n", n, len(strings.Fields(lines.Text())))
		}
	}
	fmt.Println("lines:", n)
	runes := bufio.NewScanner(strings.NewReader("café ☕"))
	runes.Split(bufio.ScanRunes)
	var rs []string
	for runes.Scan() {
		rs = append(rs, runes.Text())
	}
	fmt.Printf("runes: %q\n", rs)

	// Custom split: comma-separated tokens.
	csv := bufio.NewScanner(strings.NewReader("red,green,,blue"))
	csv.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, b := range data {
			if b == ',' {
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for csv.Scan() {
		fmt.Printf("[%s]", csv.Text())
	}
	fmt.Println()

	// Tokens longer than the buffer produce ErrTooLong.
	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100)))
	long.Buffer(make([]byte, 16), 32)
	for long.Scan() {
	}
	fmt.Println("long token:", long.Err())
}
