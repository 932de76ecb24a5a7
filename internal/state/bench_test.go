package state

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// sizedFile returns a state file of incidents incidents of events events
// each, with the kind of text people type.
func sizedFile(incidents, events int) *File {
	f := empty()
	for i := range incidents {
		inc := f.NewIncident("amazon-jp", "3", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "ja", t0.Add(time.Duration(i)*time.Hour))
		for j := range events {
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

// bigFile is far larger than anyone's state file: 100 incidents of 40
// events each.
func bigFile() *File { return sizedFile(100, 40) }

// storeWith returns a store holding f.
func storeWith(b *testing.B, f *File) *Store {
	s := newStore(b)
	if _, err := s.Update(func(g *File) error { *g = *f; return nil }); err != nil {
		b.Fatal(err)
	}
	return s
}

// loop runs op as the benchmark body and reports the median, next to goal
// if there is one: goals are stated as medians, because a slow disk flush
// now and then drags the mean.
func loop(b *testing.B, goal time.Duration, op func(i int)) {
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		op(i)
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	median := took[len(took)/2]
	b.ReportMetric(float64(median.Nanoseconds()), "median-ns/op")
	if goal > 0 {
		b.ReportMetric(float64(goal.Nanoseconds()), "goal-ns")
		if b.N > 1 { // the run that counts, not the one-op probe
			verdict := "met"
			if median >= goal {
				verdict = "NOT MET"
			}
			b.Logf("%s: median %.1f ms (goal: under %v) %s", b.Name(), float64(median)/float64(time.Millisecond), goal, verdict)
		}
	}
}

// BenchmarkUpdate saves one answer, as respond does after each question:
// lock, re-read, decode, apply, encode, write a temp file, fsync, rename,
// fsync the directory, refresh the backup. Every command makes a new Store,
// so every op does too. 1x5 is a real file; 100x40, far larger than anyone's,
// still has to feel instant; 10x40 is there to show the cost grows with the
// file and no faster.
func BenchmarkUpdate(b *testing.B) {
	for _, size := range []struct {
		incidents, events int
		goal              time.Duration
	}{
		{1, 5, 5 * time.Millisecond},
		{10, 40, 0},
		{100, 40, 15 * time.Millisecond},
	} {
		b.Run(fmt.Sprintf("%dx%d", size.incidents, size.events), func(b *testing.B) {
			s := storeWith(b, sizedFile(size.incidents, size.events))
			loop(b, size.goal, func(i int) { answer(b, New(s.Path()), i) })
		})
	}
}

func answer(b *testing.B, s *Store, i int) {
	_, err := s.Update(func(f *File) error {
		inc := &f.Incidents[len(f.Incidents)/2]
		inc.Events = append(inc.Events, Event{Step: "step-01", Action: ActionAnswer, At: t0, Answer: fmt.Sprint(i)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLoad reads the big file, as every command does once.
func BenchmarkLoad(b *testing.B) {
	s := storeWith(b, bigFile())
	loop(b, 0, func(int) {
		if _, err := New(s.Path()).Load(); err != nil {
			b.Fatal(err)
		}
	})
}
