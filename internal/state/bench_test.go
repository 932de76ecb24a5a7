package state

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// bigFile returns a state file far larger than anyone's: 100 incidents of 40
// events each, with the kind of text people type.
func bigFile() *File {
	f := empty()
	for i := range 100 {
		inc := f.NewIncident("amazon-jp", "3", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "ja", t0.Add(time.Duration(i)*time.Hour))
		for j := range 40 {
			e := Event{Step: fmt.Sprintf("step-%02d", j), Action: ActionDone, At: inc.OpenedAt.Add(time.Duration(j) * time.Minute)}
			switch j % 4 {
			case 1:
				e.Action, e.Reason = ActionLater, "カード会社の窓口は平日9時から"
			case 2:
				e.Action, e.Answer = ActionAnswer, "yes"
			case 3:
				e.Action, e.Note = ActionNote, "サポートに電話。担当: 佐藤さん、受付番号 A-12345。末尾 1234 のカードを停止"
			}
			inc.Events = append(inc.Events, e)
		}
	}
	return f
}

// bigStore returns a store holding bigFile.
func bigStore(b *testing.B) *Store {
	s := newStore(b)
	big := bigFile()
	if _, err := s.Update(func(f *File) error { *f = *big; return nil }); err != nil {
		b.Fatal(err)
	}
	return s
}

// loop runs op as the benchmark body and reports the median as well as the
// mean: the goal is stated as a median, and a slow disk flush now and then
// drags the mean.
func loop(b *testing.B, op func(i int)) {
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		op(i)
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "median-ns/op")
}

// BenchmarkUpdate saves one answer, as respond does after each question:
// the same store, so the file it re-reads under the lock is the one it just
// wrote.
func BenchmarkUpdate(b *testing.B) {
	s := bigStore(b)
	loop(b, func(i int) { answer(b, s, i) })
}

// BenchmarkUpdateCold saves one answer in a fresh process: the file must be
// decoded.
func BenchmarkUpdateCold(b *testing.B) {
	s := bigStore(b)
	loop(b, func(i int) { answer(b, New(s.Path()), i) })
}

func answer(b *testing.B, s *Store, i int) {
	_, err := s.Update(func(f *File) error {
		inc, _ := f.Incident(50)
		inc.Events = append(inc.Events, Event{Step: "step-01", Action: ActionAnswer, At: t0, Answer: fmt.Sprint(i)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoad reads the file in a fresh process, as every command does
// once.
func BenchmarkLoad(b *testing.B) {
	s := bigStore(b)
	loop(b, func(int) {
		if _, err := New(s.Path()).Load(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkLoadAgain reads the file again in the same process.
func BenchmarkLoadAgain(b *testing.B) {
	s := bigStore(b)
	loop(b, func(int) {
		if _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
	})
}
