// mailparse reads a raw email the way a mail filter does: parses headers and
// address lists with net/mail and canonicalises header keys with textproto.
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"mime"
	"net/mail"
	"net/textproto"
	"strings"
)

const rawMessage = "From: \"Alice Example\" <alice@example.com>\r\n" +
	"To: Bob <bob@example.org>, carol@example.net, \"Dave, Jr.\" <dave@example.com>\r\n" +
	"Cc: undisclosed-recipients:;\r\n" +
	"Subject: =?UTF-8?Q?Quarterly_r=C3=A9port?= ready\r\n" +
	"Date: Mon, 02 Jan 2006 15:04:05 -0700\r\n" +
	"Message-ID: <1234@mail.example.com>\r\n" +
	"x-custom-header: first\r\n" +
	"X-Custom-Header: second\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"Received: from mx1.example.com\r\n" +
	"  by mx2.example.com; Mon, 02 Jan 2006 15:04:06 -0700\r\n" +
	"\r\n" +
	"Hi Bob,\r\n\r\nThe report is attached.\r\n\r\n-- \r\nAlice\r\n"

func main() {
	msg, err := mail.ReadMessage(strings.NewReader(rawMessage))
	if err != nil {
		log.Fatal(err)
	}
	h := msg.Header
	from, err := mail.ParseAddress(h.Get("From"))
	fmt.Printf("from: name=%q addr=%q err=%v\n", from.Name, from.Address, err)
	to, err := h.AddressList("To")
	if err != nil {
		log.Fatal(err)
	}
	for i, a := range to {
		fmt.Printf("to[%d]: name=%-10q addr=%-18s formatted=%s\n", i, a.Name, a.Address, a.String())
	}
	cc, err := h.AddressList("Cc")
	fmt.Println("cc:", len(cc), err)
	fmt.Println("subject raw:", h.Get("Subject"))
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	fmt.Println("subject decoded:", subject, err)
	date, err := h.Date()
	fmt.Println("date:", date.UTC().Format("2006-01-02 15:04:05 MST"), err)
	fmt.Println("message-id:", h.Get("Message-Id"))
	fmt.Println("custom headers:", h["X-Custom-Header"])
	fmt.Printf("received (folded): %q\n", h.Get("Received"))
	body, _ := io.ReadAll(msg.Body)
	fmt.Printf("body: %d bytes, %d lines\n", len(body), strings.Count(string(body), "\n"))

	// Address parsing edge cases.
	for _, s := range []string{
		"joe@example.com",
		"Joe Q. Public <john.q.public@example.com>",
		"\"Smith, John\" <smith@example.com>",
		"=?utf-8?q?J=C3=B6rg?= <joerg@example.de>",
		"no-at-sign",
		"<missing-close@example.com",
		"",
	} {
		a, err := mail.ParseAddress(s)
		if err != nil {
			fmt.Printf("parse %-45q error: %v\n", s, err)
			continue
		}
		fmt.Printf("parse %-45q name=%q addr=%s\n", s, a.Name, a.Address)
	}
	list, err := mail.ParseAddressList("a@x.com, B <b@y.com>; c@z.com")
	fmt.Println("list with semicolon:", len(list), err)
	list, err = mail.ParseAddressList("a@x.com, B <b@y.com>")
	fmt.Println("list:", len(list), err)
	fmt.Println("formatted unicode name:", (&mail.Address{Name: "Zoë", Address: "zoe@example.com"}).String())

	// textproto canonical keys and MIMEHeader.
	for _, k := range []string{"content-type", "x-forwarded-for", "WWW-AUTHENTICATE", "message-id", "x_under_score", "dnt"} {
		fmt.Printf("canonical %-18s -> %s\n", k, textproto.CanonicalMIMEHeaderKey(k))
	}
	mh := textproto.MIMEHeader{}
	mh.Add("accept", "text/html")
	mh.Add("Accept", "application/json")
	mh.Set("user-agent", "mailparse/1.0")
	fmt.Println("MIMEHeader Accept:", mh.Values("ACCEPT"), "UA:", mh.Get("User-Agent"), "keys:", len(mh))

	tr := textproto.NewReader(bufio.NewReader(strings.NewReader("Host: example.com\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\nrest")))
	rh, err := tr.ReadMIMEHeader()
	fmt.Println("ReadMIMEHeader:", rh.Get("Host"), rh["X-Multi"], err)
}
