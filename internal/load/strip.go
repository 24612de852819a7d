package load

import "bytes"

// stripBodies blanks the bodies of the top-level functions in src, leaving
// declarations as assembly functions are declared, with every byte's line
// and column unchanged. Native packages are parsed this way: their bodies
// would only be parsed and type-checked to be thrown away.
//
// It relies on gofmt's layout, which GOROOT keeps: a top-level function
// whose first line ends in " {" has its body closed by a line that is just
// "}". Functions laid out otherwise keep their bodies (the loader drops
// bodies after parsing anyway), and if the result does not parse the
// loader parses the original.
func stripBodies(src []byte, keep func(name string) bool) []byte {
	out := append([]byte(nil), src...)
	inBody := false
	start := 0 // offset of the body's opening brace
	for off := 0; off < len(out); {
		end := bytes.IndexByte(out[off:], '\n')
		if end < 0 {
			end = len(out)
		} else {
			end += off
		}
		line := out[off:end]
		switch {
		case !inBody && bytes.HasPrefix(line, []byte("func ")) && bytes.HasSuffix(line, []byte(" {")):
			if name, _, ok := bytes.Cut(line[len("func "):], []byte("(")); ok && keep(string(name)) {
				break // a body kept (Config.KeepBody)
			}
			inBody = true
			start = end - 1
		case inBody && len(line) == 1 && line[0] == '}':
			for i := start; i < end; i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			inBody = false
		}
		off = end + 1
	}
	if inBody {
		return src // unbalanced: leave it to the parser
	}
	return out
}
