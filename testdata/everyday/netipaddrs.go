// netipaddrs classifies and sorts addresses from an allow-list config with
// net/netip, and cross-checks a few results against the older net package.
package main

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
)

func main() {
	allow := []string{"10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "127.0.0.1/32", "fd00::/8"}
	var prefixes []netip.Prefix
	for _, s := range allow {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			fmt.Println("bad prefix:", err)
			continue
		}
		prefixes = append(prefixes, p)
	}

	addrs := []string{
		"10.1.2.3", "192.168.1.77", "192.168.2.1", "8.8.8.8", "127.0.0.1",
		"2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fd12:3456::1",
		"::ffff:10.9.8.7", "fe80::1%eth0", "::1", "not-an-ip", "256.1.1.1",
	}
	var parsed []netip.Addr
	for _, s := range addrs {
		a, err := netip.ParseAddr(s)
		if err != nil {
			fmt.Printf("%-40s invalid: %v\n", s, err)
			continue
		}
		parsed = append(parsed, a)
		match := "-"
		for _, p := range prefixes {
			if p.Contains(a.Unmap()) {
				match = p.String()
				break
			}
		}
		kind := "public"
		switch {
		case a.IsLoopback():
			kind = "loopback"
		case a.IsPrivate():
			kind = "private"
		case a.IsLinkLocalUnicast():
			kind = "link-local"
		}
		fmt.Printf("%-40s -> %-24s v4=%-5v %-10s allow=%s\n", s, a, a.Is4(), kind, match)
	}

	slices.SortFunc(parsed, func(a, b netip.Addr) int { return a.Compare(b) })
	fmt.Println("sorted:")
	for _, a := range parsed {
		fmt.Println("  ", a.StringExpanded())
	}

	p := netip.MustParsePrefix("192.168.1.77/20")
	fmt.Println("masked:", p.Masked(), "bits:", p.Bits(), "addr:", p.Addr(), "single ip:", p.IsSingleIP())
	p6 := netip.MustParsePrefix("2001:db8:abcd:12::1/48")
	fmt.Println("masked v6:", p6.Masked())
	fmt.Println("overlaps:", prefixes[0].Overlaps(netip.MustParsePrefix("10.200.0.0/16")),
		prefixes[1].Overlaps(netip.MustParsePrefix("192.168.0.0/24")))

	a := netip.MustParseAddr("192.168.1.254")
	fmt.Println("next:", a.Next(), a.Next().Next(), "prev:", a.Prev())
	ap := netip.AddrPortFrom(a, 8080)
	fmt.Println("addrport:", ap, netip.AddrPortFrom(netip.MustParseAddr("::1"), 443))
	pap, err := netip.ParseAddrPort("[2001:db8::5]:53")
	fmt.Println("parsed addrport:", pap.Addr(), pap.Port(), err)
	fmt.Println("as4:", netip.MustParseAddr("::ffff:1.2.3.4").Unmap().As4(), "zone:", netip.MustParseAddr("fe80::1%eth0").Zone())

	// The older net package API.
	ip, ipnet, err := net.ParseCIDR("172.16.5.4/12")
	fmt.Println("ParseCIDR:", ip, ipnet, err, "contains 172.31.0.1:", ipnet.Contains(net.ParseIP("172.31.0.1")))
	ones, bits := ipnet.Mask.Size()
	fmt.Println("mask:", ipnet.Mask.String(), ones, bits)
	v4 := net.ParseIP("10.0.0.1")
	fmt.Println("len(ParseIP)=", len(v4), "To4 len=", len(v4.To4()), "To16 len=", len(v4.To16()))
	fmt.Println("v6 To4:", net.ParseIP("2001:db8::1").To4() == nil, "mapped To4:", net.ParseIP("::ffff:5.6.7.8").To4())
	fmt.Println("invalid:", net.ParseIP("1.2.3") == nil)
	fmt.Println("IPv4 helper:", net.IPv4(8, 8, 4, 4), "default mask:", net.IPv4(8, 8, 4, 4).DefaultMask())
	fmt.Println("v6 formats:", net.ParseIP("2001:0db8:0:0:1:0:0:1"), net.ParseIP("0:0:0:0:0:0:0:0"))
	back, ok := netip.AddrFromSlice(v4.To4())
	fmt.Println("AddrFromSlice:", back, ok)
}
