// bufparse reads a small INI-like config with bufio, handling comments,
// sections, quoted values and line continuations, then writes it back out.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

const input = `# service config
name = orders
port=8080
  debug = true

[db]
host = "db.local"   # trailing comment
user = app
password = "p#ss word"
pool = 10 \
       + 5

[cache]
ttl = 30s
größe = 64
bad line without equals
`

type entry struct{ section, key, value string }

func parse(r io.Reader) ([]entry, []string) {
	br := bufio.NewReaderSize(r, 16)
	var entries []entry
	var problems []string
	section := ""
	lineNo := 0
	for {
		line, err := br.ReadString('\n')
		if len(line) == 0 && err != nil {
			break
		}
		lineNo++
		line = strings.TrimSpace(line)
		for strings.HasSuffix(line, "\\") {
			next, _ := br.ReadString('\n')
			lineNo++
			line = strings.TrimSuffix(line, "\\") + strings.TrimSpace(next)
		}
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '[' && line[len(line)-1] == ']':
			section = line[1 : len(line)-1]
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			problems = append(problems, fmt.Sprintf("line %d: missing '=' in %q", lineNo, line))
			continue
		}
		val = strings.TrimSpace(val)
		if strings.HasPrefix(val, `"`) {
			if uq, err := strconv.QuotedPrefix(val); err == nil {
				val, _ = strconv.Unquote(uq)
			}
		} else if i := strings.Index(val, "#"); i >= 0 {
			val = strings.TrimSpace(val[:i])
		}
		entries = append(entries, entry{section, strings.TrimSpace(key), val})
	}
	return entries, problems
}

func main() {
	entries, problems := parse(strings.NewReader(input))
	for _, e := range entries {
		fmt.Printf("%-6s %-9s = %q\n", e.section, e.key, e.value)
	}
	for _, p := range problems {
		fmt.Println("problem:", p)
	}

	// Peek and ReadRune on a bufio.Reader.
	br := bufio.NewReader(strings.NewReader("größe=64 ✓"))
	peek, _ := br.Peek(4)
	fmt.Printf("peek 4 bytes: %q (buffered %d)\n", peek, br.Buffered())
	var runes []string
	for {
		r, size, err := br.ReadRune()
		if err != nil {
			break
		}
		if unicode.IsLetter(r) && size > 1 {
			runes = append(runes, fmt.Sprintf("%c:%d", r, size))
		}
		if r == '=' {
			br.UnreadRune()
			br.ReadByte()
		}
	}
	fmt.Println("multi-byte letters:", runes)

	// bytes.Reader supports seeking and ReadAt.
	rd := bytes.NewReader([]byte("key=value;other=thing"))
	rd.Seek(4, io.SeekStart)
	b := make([]byte, 5)
	rd.Read(b)
	fmt.Printf("bytes.Reader: %q remaining=%d size=%d\n", b, rd.Len(), rd.Size())
	rd.ReadAt(b, 16)
	fmt.Printf("ReadAt(16): %q\n", b)

	// Write the config back out, sorted, through a buffered writer.
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].section < entries[j].section })
	var out bytes.Buffer
	w := bufio.NewWriterSize(&out, 32)
	cur := "-"
	for _, e := range entries {
		if e.section != cur {
			if e.section != "" {
				fmt.Fprintf(w, "[%s]\n", e.section)
			}
			cur = e.section
		}
		fmt.Fprintf(w, "%s = %s\n", e.key, strconv.Quote(e.value))
	}
	fmt.Println("before flush:", out.Len(), "bytes in buffer, pending", w.Buffered())
	w.Flush()
	fmt.Println("after flush:", out.Len(), "bytes")
	io.Copy(os.Stdout, &out)

	// bytes.Buffer utilities.
	var buf bytes.Buffer
	buf.WriteString("alpha\nbeta\ngamma")
	first, _ := buf.ReadString('\n')
	next := buf.Next(2)
	fmt.Printf("first=%q next=%q rest=%q\n", first, next, buf.String())
	buf.Truncate(2)
	buf.WriteByte('!')
	buf.WriteRune('é')
	fmt.Printf("after truncate: %q len=%d\n", buf.String(), buf.Len())
}
