// HTTPS: a TLS 1.3 server and client (httptest), whose handshake runs
// RSA (bigmod's kernels), ML-KEM (SHA-3's permutation) and AES-GCM
// (subtle.XORBytes) from the standard library's pure-Go code.
package main

import (
	"crypto/sha3"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

func main() {
	s := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello over %s, %s\n", tls.VersionName(r.TLS.Version), r.URL.Path)
	}))
	defer s.Close()
	for _, path := range []string{"/a", "/b"} {
		resp, err := s.Client().Get(s.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Print(resp.Status, " ", string(b))
	}
	fmt.Printf("%x\n", sha3.Sum256([]byte("abc")))
	fmt.Printf("%x\n", sha3.SumSHAKE128([]byte("abc"), 16))
}
