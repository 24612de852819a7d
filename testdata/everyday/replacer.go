// replacer cleans up and reformats product descriptions with the strings
// package: escaping, splitting, case folding and a builder-made report.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

var smartQuotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u2014", "--")

// titleCase capitalises each word, keeping short joining words lower-case.
func titleCase(s string) string {
	small := map[string]bool{"a": true, "of": true, "the": true, "and": true, "for": true, "with": true}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && small[w] {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func slug(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			return '-'
		}
		return -1 // drop
	}, s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' })
	return strings.Join(parts, "-")
}

func main() {
	products := []string{
		"  THE LORD of the rings — box set  ",
		"Coffee & Cream <limited> edition",
		"\u201cSmart\u201d phone case with stand",
		"set of 3 cast-iron pans__for induction",
		"Crème brûlée torch",
	}
	var sb strings.Builder
	sb.WriteString("PRODUCT REPORT\n")
	sb.WriteString(strings.Repeat("=", 14) + "\n")
	for i, p := range products {
		clean := strings.TrimSpace(smartQuotes.Replace(p))
		fmt.Fprintf(&sb, "%d. %s\n", i+1, titleCase(clean))
		fmt.Fprintf(&sb, "   html: %s\n", htmlEscaper.Replace(clean))
		fmt.Fprintf(&sb, "   slug: %s\n", slug(clean))
	}
	fmt.Print(sb.String())
	fmt.Println("report length:", sb.Len())

	// Parsing "key: value" headers with Cut and prefixes.
	lines := []string{"Content-Type: text/html", "X-Debug:on", "malformed line", "Set-Cookie: a=1; Path=/"}
	for _, l := range lines {
		k, v, ok := strings.Cut(l, ":")
		fmt.Printf("cut %-26q -> key=%q value=%q ok=%v\n", l, k, strings.TrimSpace(v), ok)
	}
	for _, path := range []string{"/api/v1/users", "/static/app.js", "/api/v2/"} {
		if rest, ok := strings.CutPrefix(path, "/api/"); ok {
			ver, sub, _ := strings.Cut(rest, "/")
			fmt.Printf("api call version=%s resource=%q\n", ver, sub)
		} else if name, ok := strings.CutSuffix(path, ".js"); ok {
			fmt.Println("script:", name)
		}
	}

	// Case-insensitive matching and counting.
	tags := []string{"Go", "golang", "GO", "Rust", "go", "rust", "Zig"}
	counts := map[string]int{}
	for _, t := range tags {
		key := strings.ToLower(t)
		if strings.EqualFold(t, "golang") {
			key = "go"
		}
		counts[key]++
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Printf("tag %-5s %s\n", k, strings.Repeat("*", counts[k]))
	}
	fmt.Println("EqualFold Σ/σ:", strings.EqualFold("ΣΑΣ", "σας"), "ß/SS:", strings.EqualFold("ß", "SS"))

	fields := strings.FieldsFunc("a1,b2;;c3 d4", func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	fmt.Printf("FieldsFunc: %q\n", fields)
	fmt.Println("Title-ish:", titleCase("a tale OF two cities"), "|", strings.ToTitle("ǆemal"))
	fmt.Println("Index/Last:", strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexFunc("abc123", unicode.IsDigit))
	fmt.Printf("Repeat/Count: %q %d\n", strings.Repeat("ab", 3), strings.Count("cheese", "e"))
}
