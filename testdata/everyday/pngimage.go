// pngimage renders a small chart-like image with image/draw, encodes it as
// PNG, decodes it again and checks a few pixels; then does the same with GIF
// and JPEG.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"log"
)

func drawCircle(img *image.RGBA, cx, cy, r int, c color.Color) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
				img.Set(x, y, c)
			}
		}
	}
}

func main() {
	const w, h = 64, 48
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{240, 240, 240, 255}}, image.Point{}, draw.Src)

	// Bars of a tiny bar chart.
	values := []int{10, 25, 18, 40, 32}
	colors := []color.RGBA{{220, 50, 50, 255}, {50, 160, 60, 255}, {40, 90, 200, 255}, {230, 180, 20, 255}, {120, 60, 170, 255}}
	for i, v := range values {
		r := image.Rect(4+i*12, h-4-v, 4+i*12+9, h-4)
		draw.Draw(img, r, &image.Uniform{colors[i]}, image.Point{}, draw.Src)
	}
	// A semi-transparent overlay blended with Over.
	draw.Draw(img, image.Rect(0, 0, w, 12), &image.Uniform{color.NRGBA{0, 0, 0, 128}}, image.Point{}, draw.Over)
	drawCircle(img, 56, 6, 4, color.White)
	// Axis line.
	for x := 0; x < w; x++ {
		img.Set(x, h-4, color.Black)
	}

	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("png: %d bytes sha256=%x\n", buf.Len(), sha256.Sum256(buf.Bytes()))
	cfg, format, err := image.DecodeConfig(bytes.NewReader(buf.Bytes()))
	fmt.Println("config:", format, cfg.Width, cfg.Height, err)

	dec, format, err := image.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("decoded format=%s bounds=%v type=%T\n", format, dec.Bounds(), dec)
	for _, p := range []image.Point{{1, 20}, {6, 40}, {40, 30}, {5, 5}, {56, 6}, {30, h - 4}, {63, 47}} {
		r, g, b, a := dec.At(p.X, p.Y).RGBA()
		fmt.Printf("  pixel %-8v rgba=(%3d,%3d,%3d,%3d)\n", p, r>>8, g>>8, b>>8, a>>8)
	}
	same := true
	for y := 0; y < h && same; y++ {
		for x := 0; x < w; x++ {
			if color.RGBAModel.Convert(dec.At(x, y)) != img.At(x, y) {
				same = false
				break
			}
		}
	}
	fmt.Println("lossless round trip:", same)

	// Best compression produces a different, smaller or equal file.
	var best bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	enc.Encode(&best, img)
	fmt.Println("best compression not larger:", best.Len() <= buf.Len())

	// Sub-image and gray conversion.
	sub := img.SubImage(image.Rect(16, 20, 32, 44)).(*image.RGBA)
	gray := image.NewGray(sub.Bounds())
	draw.Draw(gray, gray.Bounds(), sub, sub.Bounds().Min, draw.Src)
	fmt.Println("sub bounds:", sub.Bounds(), "gray at (20,30):", gray.GrayAt(20, 30).Y)

	// GIF with the Plan9 palette.
	pal := image.NewPaletted(img.Bounds(), palette.Plan9)
	draw.FloydSteinberg.Draw(pal, img.Bounds(), img, image.Point{})
	var gbuf bytes.Buffer
	if err := gif.Encode(&gbuf, pal, &gif.Options{NumColors: 256}); err != nil {
		log.Fatal(err)
	}
	gsum := sha256.Sum256(gbuf.Bytes())
	g, err := gif.Decode(&gbuf)
	fmt.Printf("gif: decoded %v err=%v sha256=%x\n", g.Bounds(), err, gsum[:8])

	// JPEG is lossy: compare sizes at two qualities and check a decoded pixel is close.
	var lo, hi bytes.Buffer
	jpeg.Encode(&lo, img, &jpeg.Options{Quality: 20})
	jpeg.Encode(&hi, img, &jpeg.Options{Quality: 95})
	fmt.Printf("jpeg q20=%d bytes q95=%d bytes smaller=%v\n", lo.Len(), hi.Len(), lo.Len() < hi.Len())
	j, err := jpeg.Decode(bytes.NewReader(hi.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	r, gg, b, _ := j.At(40, 30).RGBA()
	fmt.Printf("jpeg %T pixel (40,30) ~ (%d,%d,%d)\n", j, r>>8, gg>>8, b>>8)
	_, _, err = image.Decode(bytes.NewReader([]byte("not an image")))
	fmt.Println("unknown format:", err)
}
