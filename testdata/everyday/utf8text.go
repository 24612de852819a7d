// utf8text inspects multilingual strings: byte vs rune counts, validation,
// rune-wise reversal, title casing, Unicode categories, and UTF-16 for
// interop with JavaScript-style string lengths.
package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func titleCase(s string) string {
	var b strings.Builder
	upNext := true
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '-':
			upNext = true
			b.WriteRune(r)
		case upNext:
			b.WriteRune(unicode.ToTitle(r))
			upNext = false
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func classify(r rune) string {
	var cats []string
	for _, c := range []struct {
		name string
		tab  *unicode.RangeTable
	}{
		{"Letter", unicode.Letter}, {"Upper", unicode.Upper}, {"Lower", unicode.Lower},
		{"Digit", unicode.Digit}, {"Punct", unicode.Punct}, {"Symbol", unicode.Symbol},
		{"Space", unicode.White_Space}, {"Han", unicode.Han}, {"Greek", unicode.Greek},
		{"Cyrillic", unicode.Cyrillic}, {"Mark", unicode.Mark},
	} {
		if unicode.Is(c.tab, r) {
			cats = append(cats, c.name)
		}
	}
	return strings.Join(cats, ",")
}

func main() {
	samples := []string{"hello", "naïve café", "Привет мир", "日本語テキスト", "emoji 👍🏽!", "e\u0301 (combining)"}
	for _, s := range samples {
		fmt.Printf("%-22q bytes=%2d runes=%2d utf16=%2d reversed=%q\n",
			s, len(s), utf8.RuneCountInString(s), len(utf16.Encode([]rune(s))), reverseRunes(s))
	}

	for _, s := range []string{"ünïcödé-aware title-case", "ΣΊΣΥΦΟΣ the GREEK", "o'neil and mcdonald"} {
		fmt.Printf("title(%q) = %q\n", s, titleCase(s))
	}
	fmt.Println("ToUpper ß:", strings.ToUpper("straße"), "ToLower Σ:", strings.ToLower("ΟΔΟΣ"), "EqualFold:", strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Gö", "GÖ"))

	for _, r := range []rune{'A', 'z', '7', '٣', '!', '€', ' ', '中', 'λ', 'Ж', '\u0301', '\u00A0'} {
		fmt.Printf("%U %-3q width=%d cats=%s\n", r, r, utf8.RuneLen(r), classify(r))
	}

	// Decoding byte by byte, including invalid sequences.
	raw := []byte("a\xffb\xe2\x82\xacc\xe2\x82")
	fmt.Printf("valid? %v  string=%q\n", utf8.Valid(raw), raw)
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			fmt.Printf("  offset %d: invalid byte %#x\n", i, raw[i])
		} else {
			fmt.Printf("  offset %d: %q (%d bytes)\n", i, r, size)
		}
		i += size
	}
	fmt.Printf("ToValidUTF8: %q\n", strings.ToValidUTF8(string(raw), "?"))
	for i, r := range "a\xffé" {
		fmt.Printf("  range: index %d rune %U\n", i, r)
	}
	last, size := utf8.DecodeLastRuneInString("añ")
	fmt.Printf("last rune %q size %d, FullRune(\\xe2\\x82)=%v\n", last, size, utf8.FullRune([]byte{0xe2, 0x82}))

	buf := utf8.AppendRune(nil, '世')
	buf = utf8.AppendRune(buf, 0x10FFFF+1)
	fmt.Printf("append: % x, ValidRune(0xD800)=%v\n", buf, utf8.ValidRune(0xD800))

	// UTF-16: surrogate pairs.
	units := utf16.Encode([]rune("A😀€"))
	fmt.Printf("utf16 units: %04x\n", units)
	fmt.Println("surrogate?", utf16.IsSurrogate(rune(units[1])), "decoded:", string(utf16.Decode(units)))
	r1, r2 := utf16.EncodeRune('😀')
	fmt.Printf("pair %x %x -> %q\n", r1, r2, utf16.DecodeRune(r1, r2))
	fmt.Println("lone surrogate:", string(utf16.Decode([]uint16{0xd83d, 0x41})))
	fmt.Println("RuneLen 😀 utf16:", utf16.RuneLen('😀'))

	// Counting only letters, and a simple slug.
	text := "Ünïcode Strings — Déjà Vu 2024!"
	letters, digits := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		} else if unicode.IsDigit(r) {
			digits++
		}
	}
	slug := strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), "-")
	fmt.Printf("letters=%d digits=%d slug=%s\n", letters, digits, slug)
	fmt.Println("SimpleFold('k'):", string(unicode.SimpleFold('k')), string(unicode.SimpleFold('\u212A')))
}
