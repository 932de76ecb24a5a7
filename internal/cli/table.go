package cli

import (
	"fmt"
	"strings"

	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/wrap"
)

// printTable prints rows in columns two spaces apart, sized by terminal
// cells so that Japanese titles line up; the first row is the header.
func printTable(io *iostreams.IOStreams, rows [][]string, header func(string) string) {
	widths := columnWidths(rows)
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if ri == 0 {
				c = header(c)
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-wrap.Width(stripANSI(c))+2))
			}
		}
		fmt.Fprintln(io.Out, strings.TrimRight(b.String(), " "))
	}
}

// columnWidths is how wide each column of rows is, in terminal cells.
func columnWidths(rows [][]string) map[int]int {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], wrap.Width(stripANSI(c)))
		}
	}
	return widths
}

// tableWidth is how wide printTable prints rows.
func tableWidth(rows [][]string) int {
	w := 0
	for _, n := range columnWidths(rows) {
		w += n + 2
	}
	return max(w-2, 0)
}

// stripANSI removes colour codes so that widths count only what is seen.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
