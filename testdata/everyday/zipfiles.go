// zipfiles packs a report bundle into a zip in memory using both Store and
// Deflate, then opens it again and verifies every member.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"sort"
	"strings"
	"time"
)

func main() {
	modified := time.Date(2023, 11, 2, 9, 45, 30, 0, time.UTC)
	files := []struct {
		name   string
		method uint16
		body   string
		note   string
	}{
		{"report/summary.txt", zip.Deflate, strings.Repeat("all systems nominal\n", 50), "daily summary"},
		{"report/data.csv", zip.Deflate, "id,name,score\n1,alice,93\n2,bob,87\n3,carol,78\n", ""},
		{"report/logo.bin", zip.Store, string([]byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3, 4, 5}), "already compressed"},
		{"report/empty.txt", zip.Store, "", ""},
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if err := zw.SetComment("weekly report bundle v3"); err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		hdr := &zip.FileHeader{
			Name:     f.name,
			Method:   f.method,
			Modified: modified,
			Comment:  f.note,
		}
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			log.Fatal(err)
		}
	}
	// A directory entry.
	if _, err := zw.Create("report/archive/"); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("zip size: %d bytes\n", buf.Len())

	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("archive comment: %q\n", zr.Comment)
	fmt.Printf("%d entries:\n", len(zr.File))
	for _, f := range zr.File {
		method := "store"
		if f.Method == zip.Deflate {
			method = "deflate"
		}
		fmt.Printf("  %-22s %-7s %5d -> %5d crc=%08x dir=%-5v mod=%s",
			f.Name, method, f.UncompressedSize64, f.CompressedSize64, f.CRC32,
			f.FileInfo().IsDir(), f.Modified.UTC().Format(time.DateTime))
		if f.Comment != "" {
			fmt.Printf(" comment=%q", f.Comment)
		}
		fmt.Println()
	}

	fmt.Println("verify:")
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			log.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			log.Fatal(err)
		}
		ok := crc32.ChecksumIEEE(data) == f.CRC32
		fmt.Printf("  %-22s %5d bytes crc ok=%v\n", f.Name, len(data), ok)
	}

	// Use the fs.FS view to read one file by name.
	data, err := zr.Open("report/data.csv")
	if err != nil {
		log.Fatal(err)
	}
	csv, _ := io.ReadAll(data)
	data.Close()
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	sort.Strings(lines[1:])
	fmt.Println("data.csv rows:", len(lines)-1, "header:", lines[0])

	_, err = zr.Open("report/missing.txt")
	fmt.Println("open missing:", err)

	_, err = zip.NewReader(bytes.NewReader([]byte("not a zip file")), 14)
	fmt.Println("bad archive:", err)
}
