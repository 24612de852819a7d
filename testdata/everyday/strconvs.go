// strconvs parses and formats configuration values with strconv, handling
// and reporting errors the way a config loader would.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

type setting struct {
	key, raw, kind string
}

func parse(s setting) (any, error) {
	switch s.kind {
	case "int":
		return strconv.ParseInt(s.raw, 0, 64)
	case "int8":
		v, err := strconv.ParseInt(s.raw, 10, 8)
		return int8(v), err
	case "uint":
		return strconv.ParseUint(s.raw, 10, 32)
	case "float":
		return strconv.ParseFloat(s.raw, 64)
	case "bool":
		return strconv.ParseBool(s.raw)
	case "string":
		return strconv.Unquote(s.raw)
	}
	return nil, fmt.Errorf("unknown kind %q", s.kind)
}

func main() {
	settings := []setting{
		{"port", "8080", "int"},
		{"mask", "0x1F", "int"},
		{"perm", "0o755", "int"},
		{"bits", "0b1011", "int"},
		{"big", "1_000_000", "int"},
		{"offset", "-128", "int8"},
		{"overflow", "300", "int8"},
		{"negative", "-1", "uint"},
		{"ratio", "0.75", "float"},
		{"sci", "6.022e23", "float"},
		{"inf", "-Inf", "float"},
		{"hexfloat", "0x1.8p1", "float"},
		{"huge", "1e400", "float"},
		{"debug", "TRUE", "bool"},
		{"verbose", "yes", "bool"},
		{"name", `"goro \"runtime\"\t\u00e9"`, "string"},
		{"bad", `"unterminated`, "string"},
		{"empty", "", "int"},
		{"mode", "fast", "enum"},
	}
	for _, s := range settings {
		v, err := parse(s)
		if err != nil {
			var ne *strconv.NumError
			switch {
			case errors.As(err, &ne):
				fmt.Printf("%-9s ERROR func=%s num=%q err=%v range=%v\n", s.key, ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrRange))
				fmt.Printf("%-9s       full: %v (value returned: %v)\n", "", err, v)
			default:
				fmt.Printf("%-9s ERROR %v\n", s.key, err)
			}
			continue
		}
		fmt.Printf("%-9s %-22v (%T)\n", s.key, v, v)
	}

	n, err := strconv.Atoi("  42")
	fmt.Println("Atoi with spaces:", n, err)

	// Formatting floats in every format and precision.
	for _, f := range []float64{3.14159265358979, 1e21, 0.000012345, math.Copysign(0, -1), 100, 123456.789, math.NaN()} {
		fmt.Printf("%-10s f=%s e=%s g=%s g3=%s b=%s x=%s\n",
			strconv.FormatFloat(f, 'g', -1, 64),
			strconv.FormatFloat(f, 'f', 2, 64),
			strconv.FormatFloat(f, 'e', 3, 64),
			strconv.FormatFloat(f, 'g', -1, 32),
			strconv.FormatFloat(f, 'g', 3, 64),
			strconv.FormatFloat(f, 'b', -1, 64),
			strconv.FormatFloat(f, 'x', -1, 64))
	}
	fmt.Println("float32 shortest:", strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 32), strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 64))

	// Integers in bases.
	for _, b := range []int{2, 8, 10, 16, 36} {
		fmt.Printf("255 base %2d = %s, -255 = %s\n", b, strconv.FormatInt(255, b), strconv.FormatInt(-255, b))
	}
	fmt.Println("uint64 max:", strconv.FormatUint(math.MaxUint64, 10), "itoa:", strconv.Itoa(-9876))

	// Append variants build output without intermediate strings.
	buf := []byte("values:")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = append(buf, ',')
	buf = strconv.AppendFloat(buf, 2.5, 'f', 3, 64)
	buf = append(buf, ',')
	buf = strconv.AppendBool(buf, true)
	buf = append(buf, ',')
	buf = strconv.AppendQuote(buf, "tab\there")
	buf = append(buf, ',')
	buf = strconv.AppendQuoteRune(buf, '☺')
	fmt.Println(string(buf))

	// Quoting.
	for _, s := range []string{"plain", "with \"quotes\"", "new\nline", "unicode é ☺", "\x00\x7f bytes \xff"} {
		fmt.Printf("Quote=%s ASCII=%s Graphic=%s backquote=%v\n", strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	fmt.Println(strconv.QuoteRune('\n'), strconv.QuoteRuneToASCII('é'))
	for _, q := range []string{"`raw \\n`", "'x'", `"\x41\101\u0042"`, `'ab'`, `noquotes`} {
		u, err := strconv.Unquote(q)
		fmt.Printf("Unquote(%s) = %q err=%v\n", q, u, err)
	}
	r, multibyte, tail, err := strconv.UnquoteChar(`\u00e9rest`, '"')
	fmt.Printf("UnquoteChar: %q %v %q %v\n", r, multibyte, tail, err)
	prefix, err := strconv.QuotedPrefix(`"hello" world`)
	fmt.Println("QuotedPrefix:", prefix, err)
	fmt.Println("IsPrint:", strconv.IsPrint('\u00ad'), strconv.IsGraphic('\u3000'))
}
