// xmlfeed builds an RSS-like feed with encoding/xml, then parses a feed
// document back, including attributes, nested elements, chardata, comments
// and a token-level scan.
package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

type RSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel Channel  `xml:"channel"`
}

type Channel struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description,omitempty"`
	Language    string `xml:"language,omitempty"`
	Items       []Item `xml:"item"`
}

type Item struct {
	Title     string     `xml:"title"`
	Link      string     `xml:"link"`
	GUID      GUID       `xml:"guid"`
	PubDate   string     `xml:"pubDate"`
	Category  []string   `xml:"category"`
	Enclosure *Enclosure `xml:"enclosure"`
	Body      string     `xml:",cdata"`
	Note      string     `xml:",comment"`
}

type GUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type Enclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

const incoming = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Gopher &amp; Friends</title>
    <link>https://example.org/</link>
    <item>
      <title>Release 1.2</title>
      <link>https://example.org/r12</link>
      <guid isPermaLink="true">https://example.org/r12</guid>
      <pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate>
      <category>release</category>
      <category>go</category>
      <enclosure url="https://example.org/r12.mp3" length="123456" type="audio/mpeg"/>
    </item>
    <item>
      <title>Notes on &lt;generics&gt;</title>
      <link>https://example.org/gen</link>
      <guid isPermaLink="false">post-77</guid>
      <pubDate>Tue, 06 Feb 2024 08:30:00 GMT</pubDate>
      <extra>ignored element</extra>
    </item>
  </channel>
</rss>`

func main() {
	feed := RSS{Version: "2.0", Channel: Channel{
		Title: "Goro Blog", Link: "https://goro.example/", Language: "en-us",
		Items: []Item{
			{Title: "Hello, <world> & co", Link: "https://goro.example/1",
				GUID: GUID{true, "https://goro.example/1"}, PubDate: "Wed, 01 May 2024 12:00:00 GMT",
				Category: []string{"intro", "news"}, Body: "<p>first post</p>", Note: " draft reviewed "},
			{Title: "Podcast #1", Link: "https://goro.example/pod1",
				GUID: GUID{false, "pod-1"}, PubDate: "Thu, 02 May 2024 12:00:00 GMT",
				Enclosure: &Enclosure{"https://goro.example/pod1.ogg", 98765, "audio/ogg"}},
		},
	}}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(xml.Header)
	fmt.Println(string(out))

	var parsed RSS
	if err := xml.Unmarshal([]byte(incoming), &parsed); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("channel %q (%s) version %s, %d items\n", parsed.Channel.Title, parsed.Channel.Link, parsed.Version, len(parsed.Channel.Items))
	for i, it := range parsed.Channel.Items {
		fmt.Printf("%d. %s\n   guid=%s permalink=%v categories=%v\n", i+1, it.Title, it.GUID.Value, it.GUID.IsPermaLink, it.Category)
		if it.Enclosure != nil {
			fmt.Printf("   enclosure %s (%d bytes, %s)\n", it.Enclosure.URL, it.Enclosure.Length, it.Enclosure.Type)
		}
	}

	// Token-level scan: count elements and collect all titles.
	dec := xml.NewDecoder(strings.NewReader(incoming))
	counts := map[string]int{}
	var titles []string
	var inTitle bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			counts[t.Name.Local]++
			inTitle = t.Name.Local == "title"
		case xml.EndElement:
			inTitle = false
		case xml.CharData:
			if inTitle {
				titles = append(titles, string(t))
			}
		case xml.ProcInst:
			fmt.Printf("proc inst %s: %s\n", t.Target, t.Inst)
		}
	}
	fmt.Println("titles:", strings.Join(titles, " | "))
	fmt.Println("item elements:", counts["item"], "category:", counts["category"], "extra:", counts["extra"])

	var bad RSS
	err = xml.Unmarshal([]byte(`<rss><channel><title>x</channel></rss>`), &bad)
	fmt.Println("malformed:", err)

	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", " ")
	enc.Encode(Enclosure{URL: "a&b", Length: 1, Type: "t"})
	fmt.Println()
}
