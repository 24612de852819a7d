// checksums computes the usual non-cryptographic checksums over a few
// inputs, the way a file-sync tool might fingerprint blocks.
package main

import (
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
	"strings"
)

func main() {
	inputs := []string{
		"",
		"a",
		"hello, world",
		"The quick brown fox jumps over the lazy dog",
		strings.Repeat("0123456789", 100),
	}
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	koopman := crc32.MakeTable(crc32.Koopman)
	iso := crc64.MakeTable(crc64.ISO)
	ecma := crc64.MakeTable(crc64.ECMA)

	for _, in := range inputs {
		label := in
		if len(label) > 20 {
			label = label[:20] + "..."
		}
		b := []byte(in)
		fmt.Printf("input %q (%d bytes)\n", label, len(b))
		fmt.Printf("  crc32 ieee=%08x castagnoli=%08x koopman=%08x\n",
			crc32.ChecksumIEEE(b), crc32.Checksum(b, castagnoli), crc32.Checksum(b, koopman))
		fmt.Printf("  crc64 iso=%016x ecma=%016x\n", crc64.Checksum(b, iso), crc64.Checksum(b, ecma))
		fmt.Printf("  adler32=%08x\n", adler32.Checksum(b))

		hashes := []struct {
			name string
			h    hash.Hash
		}{
			{"fnv32", fnv.New32()}, {"fnv32a", fnv.New32a()},
			{"fnv64", fnv.New64()}, {"fnv64a", fnv.New64a()},
			{"fnv128", fnv.New128()}, {"fnv128a", fnv.New128a()},
		}
		var parts []string
		for _, h := range hashes {
			h.h.Write(b)
			parts = append(parts, fmt.Sprintf("%s=%x", h.name, h.h.Sum(nil)))
		}
		fmt.Println("  " + strings.Join(parts[:4], " "))
		fmt.Println("  " + strings.Join(parts[4:], " "))
	}

	// Incremental updates give the same result as one-shot checksums.
	text := []byte(inputs[3])
	crc := uint32(0)
	for i := 0; i < len(text); i += 7 {
		end := min(i+7, len(text))
		crc = crc32.Update(crc, castagnoli, text[i:end])
	}
	fmt.Printf("incremental castagnoli=%08x matches=%v\n", crc, crc == crc32.Checksum(text, castagnoli))

	a := adler32.New()
	for _, w := range strings.Fields(inputs[3]) {
		a.Write([]byte(w + " "))
	}
	fmt.Printf("adler32 of words+spaces=%08x size=%d blocksize=%d\n", a.Sum32(), a.Size(), a.BlockSize())

	// Bucketing keys with FNV-1a like a hash ring would.
	buckets := make([]int, 5)
	for i := 0; i < 1000; i++ {
		h := fnv.New32a()
		fmt.Fprintf(h, "user-%d", i)
		buckets[h.Sum32()%5]++
	}
	fmt.Println("fnv32a buckets for 1000 keys:", buckets)

	// Sum appends to the given slice.
	h := crc32.NewIEEE()
	h.Write([]byte("abc"))
	fmt.Printf("Sum append: %x\n", h.Sum([]byte("prefix:")))
}
