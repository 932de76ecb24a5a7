package state

import (
	"encoding/binary"
	"math/bits"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeFast parses data as encoding/json would parse it into a File, for
// the files acctguard writes and for hand-edited ones that keep its key
// names. It reports false whenever encoding/json might do anything else:
// then the caller hands the whole document to encoding/json, which gives the
// same result or the error, with its position, that people are shown.
//
// It exists because encoding/json, through reflection, takes most of the
// time of every command on a large file. It falls back, rather than trying
// to match encoding/json, on:
//   - anything that is not valid JSON, including nesting deeper than
//     maxDepth;
//   - a key with an escape or a non-ASCII character, and one that matches a
//     field's name only when case is ignored (encoding/json would use it);
//   - a key given twice (encoding/json merges the second value into the
//     first);
//   - a value of the wrong type, and a number for an int that is not a
//     plain integer that fits;
//   - a time that time.Time.UnmarshalJSON refuses, and one with an escape;
//   - a top level that is not an object.
//
// Unknown keys are skipped and null leaves a field at its zero value, as
// with encoding/json; FuzzDecode checks that the two always agree.
func decodeFast(data []byte) (*File, bool) {
	d := decoder{data: data, str: string(data)}
	var f File
	d.space()
	if !d.object(&f) {
		return nil, false
	}
	d.space()
	if d.i != len(d.data) {
		return nil, false
	}
	return &f, true
}

// maxDepth bounds the nesting of unknown values the fast path skips; deeper
// documents are left to encoding/json, which has limits of its own.
const maxDepth = 100

// decoder is a cursor over the document being decoded.
type decoder struct {
	data []byte
	// str is data as a string. Strings without escapes, nearly all of
	// them, are taken from it as substrings rather than each copied on its
	// own: one copy is far cheaper than thousands of small ones. The File
	// then keeps all of str alive, keys and indentation included, which
	// costs memory the size of the file.
	str string
	i   int
	// buf is reused to unescape strings.
	buf []byte
	// events is reused to collect the events of each incident, so that
	// each incident's slice is allocated once at its final size.
	events []Event
}

// The keys of each object, for unknown to tell which other keys
// encoding/json would take for them. TestDecodeKnowsEveryKey checks them
// against the json tags.
var (
	fileKeys     = []string{"schema", "next_id", "incidents"}
	incidentKeys = []string{"id", "playbook", "playbook_version", "playbook_digest", "lang", "opened_at", "closed_at", "drop_follow_ups", "events"}
	eventKeys    = []string{"step", "action", "at", "answer", "reason", "note"}
)

// object parses the top-level object into f.
func (d *decoder) object(f *File) bool {
	if !d.take('{') {
		return false
	}
	var seen uint // a bit for each key read, to give up on a repeated one
	for first := true; ; first = false {
		key, end, ok := d.key(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint
		switch string(key) {
		case "schema":
			bit = 1 << 0
			f.Schema, ok = d.int()
		case "next_id":
			bit = 1 << 1
			f.NextID, ok = d.int()
		case "incidents":
			bit = 1 << 2
			f.Incidents, ok = d.incidents()
		default:
			ok = d.unknown(key, fileKeys, 1)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

func (d *decoder) incidents() ([]Incident, bool) {
	if d.null() {
		return nil, true
	}
	if !d.take('[') {
		return nil, false
	}
	// encoding/json makes [] an empty slice, not nil.
	incs := []Incident{}
	for first := true; ; first = false {
		end, ok := d.element(first)
		if !ok {
			return nil, false
		}
		if end {
			return incs, true
		}
		incs = append(incs, Incident{})
		if !d.incident(&incs[len(incs)-1]) {
			return nil, false
		}
	}
}

func (d *decoder) incident(inc *Incident) bool {
	if d.null() {
		return true
	}
	if !d.take('{') {
		return false
	}
	var seen uint // a bit for each key read, to give up on a repeated one
	for first := true; ; first = false {
		key, end, ok := d.key(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint
		switch string(key) {
		case "id":
			bit = 1 << 0
			inc.ID, ok = d.int()
		case "playbook":
			bit = 1 << 1
			inc.Playbook, ok = d.string()
		case "playbook_version":
			bit = 1 << 2
			inc.PlaybookVersion, ok = d.string()
		case "playbook_digest":
			bit = 1 << 3
			inc.PlaybookDigest, ok = d.string()
		case "lang":
			bit = 1 << 4
			inc.Lang, ok = d.string()
		case "opened_at":
			bit = 1 << 5
			inc.OpenedAt, ok = d.time()
		case "closed_at":
			bit = 1 << 6
			if !d.null() {
				var t time.Time
				t, ok = d.time()
				inc.ClosedAt = &t
			}
		case "events":
			bit = 1 << 7
			inc.Events, ok = d.eventList()
		case "drop_follow_ups":
			bit = 1 << 8
			inc.DropFollowUps, ok = d.boolean()
		default:
			ok = d.unknown(key, incidentKeys, 3)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

func (d *decoder) eventList() ([]Event, bool) {
	if d.null() {
		return nil, true
	}
	if !d.take('[') {
		return nil, false
	}
	events := d.events[:0]
	for first := true; ; first = false {
		end, ok := d.element(first)
		if !ok {
			return nil, false
		}
		if end {
			break
		}
		events = append(events, Event{})
		if !d.event(&events[len(events)-1]) {
			return nil, false
		}
	}
	d.events = events
	// Copied out of the scratch slice at its final size; as with
	// encoding/json, [] gives an empty slice, not nil.
	return append([]Event{}, events...), true
}

func (d *decoder) event(e *Event) bool {
	if d.null() {
		return true
	}
	if !d.take('{') {
		return false
	}
	var seen uint // a bit for each key read, to give up on a repeated one
	for first := true; ; first = false {
		key, end, ok := d.key(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint
		switch string(key) {
		case "step":
			bit = 1 << 0
			e.Step, ok = d.string()
		case "action":
			bit = 1 << 1
			e.Action, ok = d.string()
		case "at":
			bit = 1 << 2
			e.At, ok = d.time()
		case "answer":
			bit = 1 << 3
			e.Answer, ok = d.string()
		case "reason":
			bit = 1 << 4
			e.Reason, ok = d.string()
		case "note":
			bit = 1 << 5
			e.Note, ok = d.string()
		default:
			ok = d.unknown(key, eventKeys, 5)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

// space skips JSON whitespace.
func (d *decoder) space() {
	// Most calls find none: that costs a comparison, inlined.
	if d.i < len(d.data) && d.data[d.i] > ' ' {
		return
	}
	d.skipSpace()
}

// skipSpace is kept out of line so that space, which calls it, is inlined.
//
//go:noinline
func (d *decoder) skipSpace() {
	data, i := d.data, d.i
	// Whitespace is mostly a newline and the indentation after it: look at
	// eight bytes at a time, and find the first that is not whitespace
	// without a branch per byte.
	for len(data)-i >= 8 {
		w := binary.LittleEndian.Uint64(data[i:])
		ws := zeroBytes(w^(lsb*' ')) | zeroBytes(w^(lsb*'\n')) | zeroBytes(w^(lsb*'\t')) | zeroBytes(w^(lsb*'\r'))
		if ws != msb {
			d.i = i + bits.TrailingZeros64(^ws&msb)/8
			return
		}
		i += 8
	}
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	d.i = i
}

// zeroBytes returns x with the top bit of each byte set if that byte is
// zero, and every other bit clear.
func zeroBytes(x uint64) uint64 {
	// Adding 0x7f to the low seven bits sets the top bit unless they are
	// all zero, and cannot carry into the next byte.
	return ^((x&^msb + ^uint64(msb)) | x | ^uint64(msb))
}

// take consumes c, which must come next.
func (d *decoder) take(c byte) bool {
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

// null consumes a null literal if one comes next.
// boolean reads true or false; null leaves false, as encoding/json does.
func (d *decoder) boolean() (bool, bool) {
	switch {
	case d.null():
		return false, true
	case len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "true":
		d.i += 4
		return true, true
	case len(d.data)-d.i >= 5 && string(d.data[d.i:d.i+5]) == "false":
		d.i += 5
		return false, true
	}
	return false, false
}

func (d *decoder) null() bool {
	if len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// key reads what comes before the next value of an object, the key and the
// colon, or the closing brace, which it reports as end. first is whether no
// member has been read yet. The key is returned only if it is ASCII without
// escapes; any other key makes the fast path give up, because encoding/json
// might match it to a field by Unicode case folding.
func (d *decoder) key(first bool) (key []byte, end, ok bool) {
	d.space()
	if d.take('}') {
		return nil, true, true
	}
	if !first {
		if !d.take(',') {
			return nil, false, false
		}
		d.space()
	}
	if !d.take('"') {
		return nil, false, false
	}
	start := d.i
	quote, high := scan(d.data, start)
	if quote == len(d.data) || d.data[quote] != '"' || high&msb != 0 {
		return nil, false, false
	}
	key = d.data[start:quote]
	d.i = quote + 1
	if !d.take(':') {
		d.space()
		if !d.take(':') {
			return nil, false, false
		}
	}
	// Saves a call for the one space acctguard writes after a colon.
	if len(d.data)-d.i >= 2 && d.data[d.i] == ' ' && d.data[d.i+1] > ' ' {
		d.i++
	} else {
		d.space()
	}
	return key, false, true
}

// element reads what comes before the next element of an array, or the
// closing bracket, which it reports as end.
func (d *decoder) element(first bool) (end, ok bool) {
	d.space()
	if d.take(']') {
		return true, true
	}
	if !first {
		if !d.take(',') {
			return false, false
		}
		d.space()
	}
	return false, true
}

// unknown skips the value of key, which is none of the known keys, at the
// given depth. encoding/json ignores such a key unless it matches one of the
// known ones when case is ignored; then the fast path gives up.
func (d *decoder) unknown(key []byte, known []string, depth int) bool {
	for _, k := range known {
		if equalFoldASCII(key, k) {
			return false
		}
	}
	return d.skip(depth)
}

// equalFoldASCII reports whether a and b, both ASCII, are equal when the
// case of letters is ignored, which is how encoding/json compares them.
func equalFoldASCII(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// int reads a number into an int. null is 0, as it leaves the field
// untouched in encoding/json; a fraction, an exponent, or more digits than
// certainly fit in an int64 make the fast path give up.
func (d *decoder) int() (int, bool) {
	if d.null() {
		return 0, true
	}
	neg := d.take('-')
	var n int64
	digits := 0
	for ; d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9'; d.i++ {
		n = n*10 + int64(d.data[d.i]-'0')
		digits++
		// JSON allows no leading zero, and 18 digits always fit.
		if digits > 18 || (digits == 2 && n < 10) {
			return 0, false
		}
	}
	if digits == 0 || (d.i < len(d.data) && (d.data[d.i] == '.' || d.data[d.i] == 'e' || d.data[d.i] == 'E')) {
		return 0, false
	}
	if neg {
		n = -n
	}
	// On a 32-bit platform the number may not fit in an int.
	if int64(int(n)) != n {
		return 0, false
	}
	return int(n), true
}

// string reads a string. null is "", as it leaves the field untouched in
// encoding/json.
func (d *decoder) string() (string, bool) {
	if d.null() {
		return "", true
	}
	if !d.take('"') {
		return "", false
	}
	start := d.i
	end, plain := d.plainString()
	if !plain {
		return d.unescape(start)
	}
	d.i = end + 1
	return d.str[start:end], true
}

// Masks for testing the eight bytes of a word at once.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// plainString finds the end of the string starting at d.i, just after its
// opening quote, and returns the index of its closing quote. plain is
// false unless the string holds neither escapes, nor control characters
// (which JSON does not allow), nor invalid UTF-8 (which encoding/json
// replaces), and so stands for itself. It does not move d.i.
func (d *decoder) plainString() (end int, plain bool) {
	end, high := scan(d.data, d.i)
	if end == len(d.data) || d.data[end] != '"' {
		return end, false
	}
	if high&msb != 0 && !utf8.Valid(d.data[d.i:end]) {
		return end, false
	}
	return end, true
}

// scan returns the index of the first byte of data from i on that is a
// quote, a backslash or a control character, or len(data) if there is
// none, and the OR of the bytes before it: its top bit tells whether any of
// them is not ASCII.
func scan(data []byte, i int) (int, uint64) {
	var high uint64
	// Strings can be long, notes especially: look at eight bytes at a
	// time, and find the byte sought without a branch per byte.
	for len(data)-i >= 8 {
		w := binary.LittleEndian.Uint64(data[i:])
		q := w ^ (lsb * '"')
		b := w ^ (lsb * '\\')
		// Each term has the top bit of a byte set where w has a quote, a
		// backslash, or a byte below 0x20, respectively. Bytes after the
		// first such may be marked wrongly, but not those before it.
		if m := ((q-lsb)&^q | (b-lsb)&^b | (w-lsb*0x20)&^w) & msb; m != 0 {
			n := bits.TrailingZeros64(m) / 8
			return i + n, high | w&(1<<(8*n)-1)
		}
		high |= w
		i += 8
	}
	for ; i < len(data); i++ {
		c := data[i]
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		high |= uint64(c)
	}
	return i, high
}

// unescape reads the rest of the string starting at start, just after the
// opening quote, exactly as encoding/json does: escapes are decoded, a
// surrogate escape that is not half of a pair becomes U+FFFD, and so does
// each byte of invalid UTF-8.
func (d *decoder) unescape(start int) (string, bool) {
	b := d.buf[:0]
	i := start
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			d.i = i + 1
			d.buf = b
			return string(b), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if i+1 >= len(d.data) {
				return "", false
			}
			switch d.data[i+1] {
			case '"', '\\', '/':
				b = append(b, d.data[i+1])
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(d.data[i:])
				if r < 0 {
					return "", false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2 := utf16.DecodeRune(r, hex4(d.data[i:])); r2 != utf8.RuneError {
						b = utf8.AppendRune(b, r2)
						i += 6
						continue
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				return "", false
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			// Invalid UTF-8 decodes as RuneError one byte at a time.
			r, size := utf8.DecodeRune(d.data[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	return "", false
}

// hex4 returns the rune of the \uXXXX escape at the start of s, or -1 if s
// does not start with one.
func hex4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// time reads a time. null is the zero time, as it leaves the field
// untouched in encoding/json.
func (d *decoder) time() (time.Time, bool) {
	var t time.Time
	if d.null() {
		return t, true
	}
	if !d.take('"') {
		return t, false
	}
	start := d.i - 1
	end, plain := d.plainString()
	// UnmarshalJSON does not unescape, so a time with an escape (or a
	// control character, or invalid UTF-8) is one it all but certainly
	// refuses: leave it to encoding/json to say so.
	if !plain {
		return t, false
	}
	d.i = end + 1
	if parsed, ok := parseTime(d.data[start+1 : end]); ok {
		return parsed, true
	}
	// encoding/json hands the quoted text to UnmarshalJSON; doing the same
	// gives the same time, down to its *time.Location.
	if t.UnmarshalJSON(d.data[start:d.i]) != nil {
		return t, false
	}
	return t, true
}

// parseTime parses the times acctguard writes, "2006-01-02T15:04:05" with
// an optional fraction of a second and then "Z" or an offset, to exactly
// the Time that time.Time.UnmarshalJSON makes of them, in half the time:
// for a large file, parsing times was a fifth of decoding it. For anything
// else, including a date that does not exist, ok is false and the caller
// uses UnmarshalJSON, whose rules for odd times are its own.
func parseTime(s []byte) (t time.Time, ok bool) {
	if len(s) < len("2006-01-02T15:04:05Z") ||
		s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	century, year := digits2(s[0:2]), digits2(s[2:4])
	month := digits2(s[5:7])
	day := digits2(s[8:10])
	hour := digits2(s[11:13])
	minute := digits2(s[14:16])
	sec := digits2(s[17:19])
	if century < 0 || year < 0 {
		return t, false
	}
	year += century * 100
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return t, false
	}
	s = s[19:]
	nsec := 0
	if s[0] == '.' {
		// Only the first nine digits count; the rest are dropped.
		n := 1
		for ; n < len(s) && '0' <= s[n] && s[n] <= '9'; n++ {
			if n <= 9 {
				nsec = nsec*10 + int(s[n]-'0')
			}
		}
		if n == 1 {
			return t, false
		}
		for range 10 - min(n, 10) {
			nsec *= 10
		}
		s = s[n:]
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if len(s) == 1 && s[0] == 'Z' {
		return t, true
	}
	if len(s) != len("+07:00") || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return t, false
	}
	oh, om := digits2(s[1:3]), digits2(s[4:6])
	if oh < 0 || oh > 23 || om < 0 || om > 59 {
		return t, false
	}
	offset := (oh*60 + om) * 60
	if s[0] == '-' {
		offset = -offset
	}
	t = t.Add(time.Duration(-offset) * time.Second)
	// As UnmarshalJSON does: the local zone if it has this offset at that
	// moment, else a zone with no name.
	if _, local := t.In(time.Local).Zone(); local == offset {
		return t.In(time.Local), true
	}
	return t.In(time.FixedZone("", offset)), true
}

// digits2 returns the number written by two ASCII digits, or -1 if they
// are not digits.
func digits2(s []byte) int {
	a, b := int(s[0])-'0', int(s[1])-'0'
	if a < 0 || a > 9 || b < 0 || b > 9 {
		return -1
	}
	return a*10 + b
}

// daysIn returns the number of days in month of year.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// skip skips any valid JSON value at the given depth.
func (d *decoder) skip(depth int) bool {
	if d.i >= len(d.data) || depth > maxDepth {
		return false
	}
	switch c := d.data[d.i]; {
	case c == '"':
		return d.skipString()
	case c == '{':
		d.i++
		for first := true; ; first = false {
			d.space()
			if d.take('}') {
				return true
			}
			if !first {
				if !d.take(',') {
					return false
				}
				d.space()
			}
			if !d.skipString() {
				return false
			}
			d.space()
			if !d.take(':') {
				return false
			}
			d.space()
			if !d.skip(depth + 1) {
				return false
			}
		}
	case c == '[':
		d.i++
		for first := true; ; first = false {
			end, ok := d.element(first)
			if !ok {
				return false
			}
			if end {
				return true
			}
			if !d.skip(depth + 1) {
				return false
			}
		}
	case c == '-' || '0' <= c && c <= '9':
		return d.skipNumber()
	}
	for _, lit := range [...]string{"null", "true", "false"} {
		if len(d.data)-d.i >= len(lit) && string(d.data[d.i:d.i+len(lit)]) == lit {
			d.i += len(lit)
			return true
		}
	}
	return false
}

// skipString skips a valid JSON string.
func (d *decoder) skipString() bool {
	if !d.take('"') {
		return false
	}
	end, plain := d.plainString()
	if plain {
		d.i = end + 1
		return true
	}
	// unescape checks escapes as encoding/json does; unknown keys with
	// them are too rare for the string it makes to matter.
	_, ok := d.unescape(d.i)
	return ok
}

// skipNumber skips a valid JSON number.
func (d *decoder) skipNumber() bool {
	d.take('-')
	switch {
	case d.take('0'):
	case d.digits() == 0:
		return false
	}
	if d.take('.') && d.digits() == 0 {
		return false
	}
	if d.take('e') || d.take('E') {
		if !d.take('+') {
			d.take('-')
		}
		if d.digits() == 0 {
			return false
		}
	}
	return true
}

// digits skips decimal digits and returns how many there were.
func (d *decoder) digits() int {
	start := d.i
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}
