package load

import (
	"go/scanner"
	"go/token"
)

// stripBodies blanks the bodies of the top-level functions in src, leaving
// declarations as assembly functions are declared, with every byte's line
// and column unchanged. Native packages are parsed this way: their bodies
// would only be parsed and type-checked to be thrown away.
func stripBodies(src []byte) []byte {
	out := append([]byte(nil), src...)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	depth := 0      // brace depth
	inFunc := false // after a top-level func keyword, before its body
	parens := 0     // paren and bracket depth within the signature
	typeBrace := 0  // depth of braces that belong to types in the signature
	prev := token.SEMICOLON
	outerParens := 0 // paren depth outside function bodies (var x = f(func() {...}))
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case depth == 0 && outerParens == 0 && tok == token.FUNC && !inFunc && prev == token.SEMICOLON:
			inFunc, parens, typeBrace = true, 0, 0
		case inFunc:
			switch tok {
			case token.LPAREN, token.LBRACK:
				parens++
			case token.RPAREN, token.RBRACK:
				parens--
			case token.LBRACE:
				if parens > 0 || typeBrace > 0 || prev == token.INTERFACE || prev == token.STRUCT {
					typeBrace++
					break
				}
				// The body: blank it up to its matching brace.
				start := file.Offset(pos)
				end := skipBlock(&s, file)
				for i := start; i < end && i < len(out); i++ {
					if out[i] != '\n' {
						out[i] = ' '
					}
				}
				inFunc = false
			case token.RBRACE:
				typeBrace--
			case token.SEMICOLON:
				if parens == 0 && typeBrace == 0 {
					inFunc = false // a declaration without a body
				}
			}
		case tok == token.LBRACE:
			depth++
		case tok == token.RBRACE:
			depth--
		case tok == token.LPAREN:
			outerParens++
		case tok == token.RPAREN:
			outerParens--
		}
		prev = tok
	}
	return out
}

// skipBlock scans past the block whose opening brace was just scanned and
// returns the offset just after its closing brace.
func skipBlock(s *scanner.Scanner, file *token.File) int {
	depth := 1
	for {
		pos, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			return file.Size()
		case token.LBRACE:
			depth++
		case token.RBRACE:
			depth--
			if depth == 0 {
				return file.Offset(pos) + 1
			}
		}
	}
}
