// logparse extracts structured fields from access-log lines with regexp
// named groups, summarizes them, and redacts sensitive values.
package main

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const logs = `192.168.1.10 - alice [10/Oct/2023:13:55:36 +0000] "GET /api/users?id=42&token=abc123 HTTP/1.1" 200 512 "curl/8.0"
10.0.0.5 - - [10/Oct/2023:13:55:40 +0000] "POST /api/login HTTP/1.1" 401 64 "Mozilla/5.0"
192.168.1.10 - alice [10/Oct/2023:13:56:01 +0000] "GET /static/app.js HTTP/2.0" 304 0 "Mozilla/5.0"
garbage line that does not match
172.16.0.2 - bob [10/Oct/2023:13:57:12 +0000] "DELETE /api/users/7 HTTP/1.1" 500 128 "Go-http-client/1.1"
10.0.0.5 - - [10/Oct/2023:13:58:00 +0000] "POST /api/login?password=hunter2 HTTP/1.1" 200 256 "Mozilla/5.0"`

var lineRE = regexp.MustCompile(`^(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) (?P<proto>HTTP/[\d.]+)" (?P<status>\d{3}) (?P<size>\d+) "(?P<agent>[^"]*)"$`)

var secretRE = regexp.MustCompile(`(?i)(token|password)=([^&\s]+)`)

func main() {
	names := lineRE.SubexpNames()
	fmt.Println("groups:", strings.Join(names[1:], ","), "count:", lineRE.NumSubexp())
	fmt.Println("status index:", lineRE.SubexpIndex("status"))

	statusCount := map[int]int{}
	bytesByIP := map[string]int{}
	var errorsSeen []string
	lines := strings.Split(logs, "\n")
	for i, line := range lines {
		m := lineRE.FindStringSubmatch(line)
		if m == nil {
			fmt.Printf("line %d: no match: %q\n", i+1, line)
			continue
		}
		fields := map[string]string{}
		for j, n := range names {
			if n != "" {
				fields[n] = m[j]
			}
		}
		status, _ := strconv.Atoi(fields["status"])
		size, _ := strconv.Atoi(fields["size"])
		statusCount[status]++
		bytesByIP[fields["ip"]] += size
		if status >= 400 {
			errorsSeen = append(errorsSeen, fmt.Sprintf("%s %s -> %d", fields["method"], fields["path"], status))
		}
		redacted := secretRE.ReplaceAllString(fields["path"], "$1=REDACTED")
		fmt.Printf("line %d: %-6s %-32s %d user=%s\n", i+1, fields["method"], redacted, status, fields["user"])
	}

	codes := make([]int, 0, len(statusCount))
	for c := range statusCount {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	for _, c := range codes {
		fmt.Printf("status %d: %d\n", c, statusCount[c])
	}
	ips := make([]string, 0, len(bytesByIP))
	for ip := range bytesByIP {
		ips = append(ips, ip)
	}
	sort.Strings(ips)
	for _, ip := range ips {
		fmt.Printf("%-14s %5d bytes\n", ip, bytesByIP[ip])
	}
	fmt.Println("errors:", strings.Join(errorsSeen, "; "))

	// All timestamps at once with FindAllStringSubmatch.
	tsRE := regexp.MustCompile(`\[(\d{2})/(\w{3})/(\d{4}):(\d{2}:\d{2}:\d{2})`)
	for _, m := range tsRE.FindAllStringSubmatch(logs, 3) {
		fmt.Printf("date %s-%s-%s time %s\n", m[3], m[2], m[1], m[4])
	}
	idx := tsRE.FindAllStringIndex(logs, -1)
	fmt.Println("timestamp matches:", len(idx), "first at", idx[0])

	// ReplaceAllStringFunc: mask the last octet of every IP address.
	ipRE := regexp.MustCompile(`\b(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}\b`)
	masked := ipRE.ReplaceAllStringFunc(lines[0], func(s string) string {
		return s[:strings.LastIndexByte(s, '.')] + ".xxx"
	})
	fmt.Println(masked)

	// Upper-case HTTP methods found in free text, with Expand templating.
	method := regexp.MustCompile(`(?P<verb>get|post|put) (?P<obj>\w+)`)
	text := "please get users then post orders and put items"
	var out []byte
	for _, sm := range method.FindAllStringSubmatchIndex(text, -1) {
		out = method.ExpandString(out, "${obj}:${verb} ", text, sm)
	}
	fmt.Println(strings.TrimSpace(string(out)))
	fmt.Println(method.ReplaceAllStringFunc(text, strings.ToUpper))
	fmt.Println(regexp.QuoteMeta("a.b*c"), regexp.MustCompile(`a+b`).MatchString("caaab"))
	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;  d", -1))
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println("compile error:", err)
}
