// multipartform builds a multipart/form-data upload body in memory, as an
// HTTP client would, then parses it back like a server handler.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
)

func main() {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := mw.SetBoundary("----goformboundary7MA4YWxkTrZu0gW"); err != nil {
		log.Fatal(err)
	}
	fields := [][2]string{
		{"title", "Vacation photos"},
		{"description", "Summer 2023\nBeach & mountains"},
		{"visibility", "friends"},
	}
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			log.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile("photo", "beach day.png")
	if err != nil {
		log.Fatal(err)
	}
	img := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a}, 50)
	fw.Write(img)

	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", `form-data; name="meta"; filename="meta.json"`)
	h.Set("Content-Type", "application/json")
	pw, _ := mw.CreatePart(h)
	io.WriteString(pw, `{"camera":"X100","iso":200}`)
	if err := mw.Close(); err != nil {
		log.Fatal(err)
	}

	contentType := mw.FormDataContentType()
	fmt.Println("Content-Type:", contentType)
	fmt.Println("body size:", body.Len())

	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("media type:", mediaType, "boundary:", params["boundary"])

	// Stream the parts one by one.
	mr := multipart.NewReader(bytes.NewReader(body.Bytes()), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		data, _ := io.ReadAll(part)
		if part.FileName() != "" {
			fmt.Printf("file  %-12s filename=%q type=%s size=%d sha256=%x\n", part.FormName(), part.FileName(),
				part.Header.Get("Content-Type"), len(data), sha256.Sum256(data))
		} else {
			fmt.Printf("field %-12s = %q\n", part.FormName(), data)
		}
	}

	// Parse everything at once with ReadForm, as http.Request.ParseMultipartForm does.
	mr = multipart.NewReader(bytes.NewReader(body.Bytes()), params["boundary"])
	form, err := mr.ReadForm(1 << 20)
	if err != nil {
		log.Fatal(err)
	}
	defer form.RemoveAll()
	fmt.Println("form values:", len(form.Value), "title:", form.Value["title"][0])
	for _, name := range []string{"photo", "meta"} {
		fh := form.File[name][0]
		f, _ := fh.Open()
		head := make([]byte, 4)
		f.Read(head)
		f.Close()
		fmt.Printf("form file %s: %s (%d bytes) starts %q\n", name, fh.Filename, fh.Size, head)
	}

	// Truncated body: the reader reports an error.
	cut := body.Bytes()[:body.Len()-60]
	mr = multipart.NewReader(bytes.NewReader(cut), params["boundary"])
	var lastErr error
	for lastErr == nil {
		var p *multipart.Part
		p, lastErr = mr.NextPart()
		if lastErr == nil {
			_, lastErr = io.ReadAll(p)
		}
	}
	fmt.Println("truncated:", lastErr)

	// MIME types and media type formatting.
	for _, ext := range []string{".html", ".json", ".png"} {
		fmt.Printf("TypeByExtension(%s) = %s\n", ext, mime.TypeByExtension(ext))
	}
	fmt.Println(mime.FormatMediaType("text/plain", map[string]string{"charset": "utf-8", "format": "flowed"}))
	fmt.Println(mime.FormatMediaType("attachment", map[string]string{"filename": "résumé final.pdf"}))
	_, p2, err := mime.ParseMediaType(`attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`)
	fmt.Println("decoded filename:", p2["filename"], err)
	enc := mime.QEncoding.Encode("utf-8", "Grüße aus Köln")
	dec, _ := new(mime.WordDecoder).DecodeHeader(enc)
	fmt.Println("Q-encoded:", enc, "->", dec)
	fmt.Println("trimmed:", strings.TrimSpace(mime.BEncoding.Encode("utf-8", "¡hola!")))
}
