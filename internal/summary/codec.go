package summary

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
	"unsafe"

	"github.com/acctguard/acctguard/internal/incident"
)

// magic starts every encoded entry. The version after it changes whenever
// the layout does; an entry of another version is simply not used.
const (
	magic   = "acctguard status summary\n"
	version = 2
)

// ErrFormat is returned for bytes that are not an entry of this version.
var ErrFormat = errors.New("not a status summary of this version")

// MarshalBinary encodes the entry.
func (e *Entry) MarshalBinary() ([]byte, error) {
	w := &writer{buf: make([]byte, 0, 4096)}
	w.buf = append(w.buf, magic...)
	w.uint(version)
	w.string(e.Key)
	w.string(e.Content)
	w.time(e.Seen)
	w.uint(uint64(len(e.Playbooks)))
	for _, f := range e.Playbooks {
		w.string(f.ID)
		w.string(f.Sum)
	}
	w.time(e.From)
	w.time(e.Until)
	w.uint(uint64(len(e.Summary.Incidents)))
	// The number of steps in all, so that the reader allocates them at once.
	total := 0
	for i := range e.Summary.Incidents {
		total += len(e.Summary.Incidents[i].Steps)
	}
	w.uint(uint64(total))
	for i := range e.Summary.Incidents {
		in := &e.Summary.Incidents[i]
		w.int(int64(in.ID))
		w.string(in.Playbook)
		w.string(in.Title)
		w.string(in.Lang)
		w.time(in.OpenedAt)
		w.time(in.ClosedAt)
		w.bool(in.DropFollowUps)
		w.int(int64(in.Finished))
		w.int(int64(in.Total))
		w.uint(uint64(len(in.Steps)))
		for j := range in.Steps {
			s := &in.Steps[j]
			w.string(s.ID)
			w.string(s.Title)
			w.string(string(s.State))
			w.bool(s.Critical)
			w.bool(s.FollowUp)
			w.time(s.At)
			w.string(s.WaitingFor)
			w.string(s.AfterTitle)
			w.string(s.Reason)
		}
		w.uint(uint64(len(in.Removed)))
		for _, id := range in.Removed {
			w.string(id)
		}
	}
	// The entry ends with a checksum of what comes before it, so that a
	// file cut short or mixed up by a crash is known and not used.
	return binary.LittleEndian.AppendUint64(w.buf, checksum(w.buf)), nil
}

// checksum is FNV-1a taken eight bytes at a time: it only has to notice
// a file cut short or mixed up, and unlike a CRC it needs no table built
// when the program starts.
func checksum(data []byte) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for len(data) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(data)) * prime
		data = data[8:]
	}
	for _, b := range data {
		h = (h ^ uint64(b)) * prime
	}
	return h
}

// UnmarshalBinary decodes an entry written by MarshalBinary. Anything else,
// a truncated file included, gives an error wrapping ErrFormat.
func (e *Entry) UnmarshalBinary(data []byte) error {
	return e.decode(data, string(data))
}

// Decode is UnmarshalBinary for data that is never changed afterwards, such
// as a file just read: the entry's texts are then parts of data itself, not
// copies, which is what a status in a shell prompt needs.
func Decode(data []byte) (*Entry, error) {
	var e Entry
	if len(data) == 0 {
		return nil, ErrFormat
	}
	if err := e.decode(data, unsafe.String(&data[0], len(data))); err != nil {
		return nil, err
	}
	return &e, nil
}

// decode decodes data, whose bytes text holds too.
func (e *Entry) decode(data []byte, text string) error {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return ErrFormat
	}
	body, sum := data[:len(data)-8], binary.LittleEndian.Uint64(data[len(data)-8:])
	if checksum(body) != sum {
		return fmt.Errorf("%w: checksum", ErrFormat)
	}
	// The texts decoded are parts of text, not copies.
	r := &reader{buf: text[len(magic):len(body)]}
	if v := r.uint(); v != version {
		return fmt.Errorf("%w: version %d", ErrFormat, v)
	}
	var out Entry
	out.Key = r.string()
	out.Content = r.string()
	out.Seen = r.time()
	out.Playbooks = make([]Fingerprint, r.count())
	for i := range out.Playbooks {
		out.Playbooks[i] = Fingerprint{ID: r.string(), Sum: r.string()}
	}
	out.From = r.time()
	out.Until = r.time()
	out.Summary.Incidents = make([]Incident, r.count())
	steps := make([]Step, r.count())
	for i := range out.Summary.Incidents {
		in := &out.Summary.Incidents[i]
		in.ID = int(r.int())
		in.Playbook = r.string()
		in.Title = r.string()
		in.Lang = r.string()
		in.OpenedAt = r.time()
		in.ClosedAt = r.time()
		in.DropFollowUps = r.bool()
		in.Finished = int(r.int())
		in.Total = int(r.int())
		if n := r.count(); n > len(steps) {
			r.fail("count")
		} else if n > 0 {
			in.Steps, steps = steps[:n:n], steps[n:]
		}
		for j := range in.Steps {
			s := &in.Steps[j]
			s.ID = r.string()
			s.Title = r.string()
			s.State = incident.State(r.string())
			s.Critical = r.bool()
			s.FollowUp = r.bool()
			s.At = r.time()
			s.WaitingFor = r.string()
			s.AfterTitle = r.string()
			s.Reason = r.string()
		}
		if n := r.count(); n > 0 {
			in.Removed = make([]string, n)
		}
		for j := range in.Removed {
			in.Removed[j] = r.string()
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(r.buf) != 0 {
		return fmt.Errorf("%w: %d bytes after the end", ErrFormat, len(r.buf))
	}
	*e = out
	return nil
}

type writer struct{ buf []byte }

func (w *writer) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *writer) int(v int64)   { w.buf = binary.AppendVarint(w.buf, v) }

func (w *writer) string(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *writer) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// time writes a flag, then the instant and the zone offset, which decide
// how the time prints.
func (w *writer) time(t time.Time) {
	if t.IsZero() {
		w.bool(false)
		return
	}
	w.bool(true)
	_, offset := t.Zone()
	w.int(t.Unix())
	w.uint(uint64(t.Nanosecond()))
	w.int(int64(offset))
}

// reader decodes what writer wrote. The first problem is kept in err, and
// every read after it returns a zero value, so decoding runs straight
// through and is checked once at the end.
type reader struct {
	buf string
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s", ErrFormat, what)
	}
	r.buf = ""
}

// uint reads what binary.AppendUvarint wrote.
func (r *reader) uint() uint64 {
	var v uint64
	for i := 0; i < len(r.buf) && i < binary.MaxVarintLen64; i++ {
		b := r.buf[i]
		if i == binary.MaxVarintLen64-1 && b > 1 {
			break // more than 64 bits
		}
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			r.buf = r.buf[i+1:]
			return v
		}
	}
	r.fail("number")
	return 0
}

// int reads what binary.AppendVarint wrote.
func (r *reader) int() int64 {
	u := r.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count reads the length of a list. Each item takes at least one byte, so
// a count beyond what is left is damage, caught before it is allocated.
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(len(r.buf)) {
		r.fail("count")
		return 0
	}
	return int(n)
}

func (r *reader) string() string {
	n := r.uint()
	if n > uint64(len(r.buf)) {
		r.fail("string")
		return ""
	}
	s := r.buf[:n]
	r.buf = r.buf[n:]
	return s
}

func (r *reader) bool() bool {
	if len(r.buf) == 0 || r.buf[0] > 1 {
		r.fail("flag")
		return false
	}
	b := r.buf[0] == 1
	r.buf = r.buf[1:]
	return b
}

func (r *reader) time() time.Time {
	if !r.bool() {
		return time.Time{}
	}
	sec, nsec, offset := r.int(), r.uint(), r.int()
	if nsec >= 1e9 || offset <= -24*3600 || offset >= 24*3600 {
		r.fail("time")
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	if offset == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(offset)))
}
