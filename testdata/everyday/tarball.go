// tarball builds a small source-release tarball in memory, then lists and
// extracts it again, the way a release script might.
package main

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"strings"
	"time"
)

type entry struct {
	name string
	mode int64
	body string
	dir  bool
	link string
}

func main() {
	mtime := time.Date(2024, 3, 15, 12, 30, 0, 0, time.UTC)
	entries := []entry{
		{name: "myapp-1.2.0/", mode: 0o755, dir: true},
		{name: "myapp-1.2.0/README.md", mode: 0o644, body: "# myapp\n\nA tiny app.\n"},
		{name: "myapp-1.2.0/bin/", mode: 0o755, dir: true},
		{name: "myapp-1.2.0/bin/myapp", mode: 0o755, body: "#!/bin/sh\necho hello from myapp\n"},
		{name: "myapp-1.2.0/etc/config.ini", mode: 0o600, body: "[server]\nport = 8080\nhost = localhost\n"},
		{name: "myapp-1.2.0/bin/run", mode: 0o777, link: "myapp"},
		{name: "myapp-1.2.0/LICENSE", mode: 0o644, body: strings.Repeat("Permission is hereby granted. ", 40)},
	}

	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		hdr := &tar.Header{
			Name:    e.name,
			Mode:    e.mode,
			ModTime: mtime,
			Uname:   "builder",
			Gname:   "staff",
			Uid:     1000,
			Gid:     50,
			Format:  tar.FormatPAX,
		}
		switch {
		case e.dir:
			hdr.Typeflag = tar.TypeDir
		case e.link != "":
			hdr.Typeflag = tar.TypeSymlink
			hdr.Linkname = e.link
		default:
			hdr.Typeflag = tar.TypeReg
			hdr.Size = int64(len(e.body))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			log.Fatalf("header %s: %v", e.name, err)
		}
		if hdr.Typeflag == tar.TypeReg {
			if _, err := io.WriteString(tw, e.body); err != nil {
				log.Fatalf("write %s: %v", e.name, err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("archive size: %d bytes (multiple of 512: %v)\n", buf.Len(), buf.Len()%512 == 0)
	fmt.Printf("archive sha256: %x\n", sha256.Sum256(buf.Bytes()))

	// List it like `tar tvf`.
	fmt.Println("listing:")
	tr := tar.NewReader(bytes.NewReader(buf.Bytes()))
	contents := map[string]string{}
	var order []string
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fi := hdr.FileInfo()
		line := fmt.Sprintf("  %s %s/%s %6d %s %s", fi.Mode(), hdr.Uname, hdr.Gname,
			hdr.Size, hdr.ModTime.UTC().Format("2006-01-02 15:04"), hdr.Name)
		if hdr.Typeflag == tar.TypeSymlink {
			line += " -> " + hdr.Linkname
		}
		fmt.Println(line)
		if hdr.Typeflag == tar.TypeReg {
			data, err := io.ReadAll(tr)
			if err != nil {
				log.Fatal(err)
			}
			contents[hdr.Name] = string(data)
			order = append(order, hdr.Name)
		}
	}

	fmt.Println("extracted files:")
	for _, name := range order {
		body := contents[name]
		first, _, _ := strings.Cut(body, "\n")
		if len(first) > 40 {
			first = first[:40] + "..."
		}
		fmt.Printf("  %-28s %4d bytes  first line: %q\n", strings.TrimPrefix(name, "myapp-1.2.0/"), len(body), first)
	}

	// A truncated archive must be reported as an error.
	tr = tar.NewReader(bytes.NewReader(buf.Bytes()[:700]))
	var err error
	for err == nil {
		_, err = tr.Next()
		if err == nil {
			_, err = io.Copy(io.Discard, tr)
		}
	}
	fmt.Println("truncated archive:", err)
}
