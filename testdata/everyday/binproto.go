// binproto implements a tiny binary telemetry protocol: a fixed header
// written with binary.Write, followed by varint-encoded records, then parses
// the frame back and validates it.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"math"
)

const magic = 0x474F524F // "GORO"

type Header struct {
	Magic          uint32
	Version, Flags uint16
	Count          uint32
	BaseTS         int64
}

type Reading struct {
	SensorID uint64
	DeltaTS  int64 // relative to header BaseTS, can be negative
	Value    float32
	Label    string
}

func encode(base int64, rs []Reading) []byte {
	var buf bytes.Buffer
	h := Header{Magic: magic, Version: 2, Flags: 0x0001, Count: uint32(len(rs)), BaseTS: base}
	if err := binary.Write(&buf, binary.BigEndian, h); err != nil {
		log.Fatal(err)
	}
	var body []byte
	for _, r := range rs {
		body = binary.AppendUvarint(body, r.SensorID)
		body = binary.AppendVarint(body, r.DeltaTS)
		body = binary.LittleEndian.AppendUint32(body, math.Float32bits(r.Value))
		body = binary.AppendUvarint(body, uint64(len(r.Label)))
		body = append(body, r.Label...)
	}
	buf.Write(body)
	var crc [4]byte
	binary.BigEndian.PutUint32(crc[:], crc32.ChecksumIEEE(buf.Bytes()))
	buf.Write(crc[:])
	return buf.Bytes()
}

var errChecksum = errors.New("checksum mismatch")

func decode(frame []byte) (Header, []Reading, error) {
	var h Header
	if len(frame) < 4 {
		return h, nil, io.ErrUnexpectedEOF
	}
	payload, sum := frame[:len(frame)-4], binary.BigEndian.Uint32(frame[len(frame)-4:])
	if crc32.ChecksumIEEE(payload) != sum {
		return h, nil, errChecksum
	}
	r := bufio.NewReader(bytes.NewReader(payload))
	if err := binary.Read(r, binary.BigEndian, &h); err != nil {
		return h, nil, fmt.Errorf("header: %w", err)
	}
	if h.Magic != magic {
		return h, nil, fmt.Errorf("bad magic %#x", h.Magic)
	}
	out := make([]Reading, 0, h.Count)
	for i := uint32(0); i < h.Count; i++ {
		id, err := binary.ReadUvarint(r)
		if err != nil {
			return h, nil, fmt.Errorf("record %d id: %w", i, err)
		}
		dts, err := binary.ReadVarint(r)
		if err != nil {
			return h, nil, fmt.Errorf("record %d ts: %w", i, err)
		}
		var bits uint32
		if err := binary.Read(r, binary.LittleEndian, &bits); err != nil {
			return h, nil, fmt.Errorf("record %d value: %w", i, err)
		}
		n, _ := binary.ReadUvarint(r)
		label := make([]byte, n)
		if _, err := io.ReadFull(r, label); err != nil {
			return h, nil, fmt.Errorf("record %d label: %w", i, err)
		}
		out = append(out, Reading{id, dts, math.Float32frombits(bits), string(label)})
	}
	return h, out, nil
}

func main() {
	readings := []Reading{
		{1, 0, 21.5, "kitchen"},
		{300, 1500, -4.25, "garage"},
		{1 << 40, -20, 1013.25, "barometer"},
		{7, 86400, 0, ""},
	}
	frame := encode(1_700_000_000, readings)
	fmt.Printf("frame: %d bytes, header %d bytes\n", len(frame), binary.Size(Header{}))
	for off := 0; off < len(frame); off += 16 {
		fmt.Printf("  %04x  % x\n", off, frame[off:min(off+16, len(frame))])
	}

	h, got, err := decode(frame)
	fmt.Printf("header: %+v err=%v\n", h, err)
	for _, r := range got {
		fmt.Printf("  sensor=%-14d ts=%d value=%8.2f label=%q\n", r.SensorID, h.BaseTS+r.DeltaTS, r.Value, r.Label)
	}

	corrupt := bytes.Clone(frame)
	corrupt[25] ^= 0xff
	_, _, err = decode(corrupt)
	fmt.Println("corrupt:", err, errors.Is(err, errChecksum))

	// Truncate the body and fix up the checksum so parsing reaches the cut.
	cut := bytes.Clone(frame[:len(frame)-10])
	cut = binary.BigEndian.AppendUint32(cut, crc32.ChecksumIEEE(cut))
	_, _, err = decode(cut)
	fmt.Println("truncated:", err)

	// Varint sizes.
	for _, v := range []int64{0, 1, -1, 63, -64, 64, 1 << 20, -(1 << 40)} {
		b := binary.AppendVarint(nil, v)
		back, n := binary.Varint(b)
		fmt.Printf("varint %14d -> % x (n=%d back=%d)\n", v, b, n, back)
	}
	fmt.Println("max varint len:", binary.MaxVarintLen64)
	var le [8]byte
	binary.LittleEndian.PutUint64(le[:], 0x0102030405060708)
	fmt.Printf("little endian: % x big: %#x\n", le, binary.BigEndian.Uint64(le[:]))

	// binary.Encode/Decode work on fixed-size values without an io.Writer.
	pt := struct{ X, Y int16 }{-3, 500}
	small := make([]byte, 4)
	n, err := binary.Encode(small, binary.BigEndian, pt)
	fmt.Printf("encoded point: % x (n=%d err=%v)\n", small, n, err)
	var pt2 struct{ X, Y int16 }
	_, err = binary.Decode(small, binary.BigEndian, &pt2)
	fmt.Printf("decoded point: %+v err=%v\n", pt2, err)
	_, err = binary.Encode(small[:2], binary.BigEndian, pt)
	fmt.Println("short buffer:", err)
}
