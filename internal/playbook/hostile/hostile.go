// Package hostile writes playbook files made to cost acctguard as much as
// a file of their size can: tens of thousands of mistakes, the most YAML
// values per byte, lines a megabyte long. Tests and benchmarks use them to
// hold reading a playbook to its bounds.
package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// Shape is one way of making a file costly.
type Shape struct {
	Name string
	// About says what the file holds and what it tries.
	About string
	fill  func(b *bytes.Buffer, size int)
}

const head = "schema: 1\nid: hostile\ntitle: {en: Hostile, ja: 敵対的}\nlanguages: [en, ja]\n"

// Shapes lists every shape.
var Shapes = []Shape{
	{"invalid-steps", "steps with five mistakes each, as in the report of issue 11", func(b *bytes.Buffer, size int) {
		b.WriteString("steps:\n")
		for i := 0; b.Len() < size-120; i++ {
			fmt.Fprintf(b, "  - id: s%d\n    titel: {en: Step}\n    phase: nope\n    delay: soon\n    after: [gone-%d]\n", i, i)
		}
	}},
	{"flow-values", "one flow list of bare values, the most YAML nodes per byte", func(b *bytes.Buffer, size int) {
		b.WriteString("steps: [0")
		for b.Len() < size-4 {
			b.WriteString(",0")
		}
		b.WriteString("]\n")
	}},
	{"empty-steps", "a flow list of empty steps", func(b *bytes.Buffer, size int) {
		b.WriteString("steps: [{}")
		for b.Len() < size-5 {
			b.WriteString(",{}")
		}
		b.WriteString("]\n")
	}},
	{"one-line", "every step on one line, so that each error shows that line", func(b *bytes.Buffer, size int) {
		b.WriteString("steps: [")
		for i := 0; b.Len() < size-80; i++ {
			fmt.Fprintf(b, "{id: s%d, title: x, phase: nope}, ", i)
		}
		b.WriteString("{id: last, title: x, phase: nope}]\n")
	}},
	{"unknown-keys", "one step with a hundred thousand unknown keys", func(b *bytes.Buffer, size int) {
		b.WriteString("steps:\n  - id: a\n    title: x\n    phase: verify\n")
		for i := 0; b.Len() < size-20; i++ {
			fmt.Fprintf(b, "    k%d: 0\n", i)
		}
	}},
	{"references", "steps that wait for each other in one long loop and name steps that do not exist", func(b *bytes.Buffer, size int) {
		b.WriteString("steps:\n")
		per := len("  - {id: s0000, title: x, phase: verify, after: [s0001, s0000, nope0000], when: {s0000: x}}\n")
		n := min((size-b.Len())/per, 1000)
		for i := range n {
			fmt.Fprintf(b, "  - {id: s%04d, title: x, phase: verify, after: [s%04d, s0000, nope%04d], when: {s%04d: x}}\n", i, (i+1)%n, i, i)
		}
		for b.Len() < size-30 {
			b.WriteString("# padding to the size of the others\n")
		}
	}},
	{"after-list", "a step that waits for another a quarter of a million times", func(b *bytes.Buffer, size int) {
		b.WriteString("steps:\n  - {id: a, title: x, phase: verify}\n  - {id: b, title: x, phase: verify, after: [a")
		for b.Len() < size-5 {
			b.WriteString(",a")
		}
		b.WriteString("]}\n")
	}},
	{"languages", "a hundred languages, which every text lacks", func(b *bytes.Buffer, size int) {
		b.Reset()
		b.WriteString("schema: 1\nid: hostile\ntitle: {en: Hostile}\nlanguages: [en")
		for i := range 99 {
			fmt.Fprintf(b, ", x%c%c", 'a'+i/26, 'a'+i%26)
		}
		b.WriteString("]\nsteps:\n")
		for i := 0; b.Len() < size-100; i++ {
			fmt.Fprintf(b, "  - {id: s%d, title: {en: x}, why: {en: x}, phase: verify}\n", i)
		}
	}},
	{"options", "one question with a list of empty options", func(b *bytes.Buffer, size int) {
		b.WriteString("steps:\n  - id: q\n    title: x\n    phase: verify\n    kind: question\n    question: x\n    options: [{}")
		for b.Len() < size-5 {
			b.WriteString(",{}")
		}
		b.WriteString("]\n")
	}},
}

// File returns a playbook of the shape, size bytes long or a little less.
func (s Shape) File(size int) []byte {
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(head)
	s.fill(&b, size)
	if b.Len() > size {
		panic(fmt.Sprintf("hostile: %s is %d bytes, over %d", s.Name, b.Len(), size))
	}
	return b.Bytes()
}

// Names lists the names of the shapes.
func Names() string {
	names := make([]string, len(Shapes))
	for i, s := range Shapes {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}
