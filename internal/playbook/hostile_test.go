package playbook

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/playbook/hostile"
)

// BenchmarkParseHostile parses each hostile shape as large as a playbook
// file can be. Besides time and allocations per parse it reports
// peak-heap-MB, the most heap the parse held at once (sampled every 100
// µs), and problems, how many it found; the YAML parser's own tree of
// nodes is most of the heap. The goals, for the whole process, are in
// BenchmarkHostileProcess in cmd/acctguard.
func BenchmarkParseHostile(b *testing.B) {
	for _, shape := range hostile.Shapes {
		src := shape.File(maxFileSize)
		b.Run(shape.Name, func(b *testing.B) {
			b.ReportAllocs()
			var problems int
			for range b.N {
				_, err := Parse("hostile.yaml", src)
				if list, ok := err.(ErrorList); ok {
					problems = list.Total()
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(problems), "problems")
			b.ReportMetric(float64(peakHeap(func() { Parse("hostile.yaml", src) }))/(1<<20), "peak-heap-MB")
		})
	}
}

// peakHeap returns the most bytes of heap objects in use while f ran,
// above what was in use before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	before := read()
	done, peak := make(chan struct{}), make(chan uint64)
	go func() {
		most := before
		for {
			most = max(most, read())
			select {
			case <-done:
				peak <- most
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	return <-peak - before
}
