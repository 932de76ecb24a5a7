package report

import (
	"slices"
	"strconv"
	"strings"
)

// Readers are the readers a letter can be for, in the order help lists
// them.
var Readers = []string{"card-issuer", "support", "police"}

// IsReader reports whether a letter can be written for reader.
func IsReader(reader string) bool { return slices.Contains(Readers, reader) }

// letter is a short text for one reader, to read out on the phone or hand
// over: who is writing, what they ask, then the facts in the order that
// reader needs them. What the person has not recorded is shown as such.
func (b *builder) letter() *document {
	d := &document{colon: b.t("colon"), whenSep: b.t("when-sep")}
	written := field{label: b.t("letter.written"), value: b.time(b.r.GeneratedAt)}
	ref := field{label: b.t("letter.reference"), value: b.msgf("letter.reference-value", b.r.Incident.ID)}
	switch b.r.For {
	case "card-issuer":
		d.title = b.t("letter.card.title")
		d.header = append(b.coverFields(true, "cover.name", "cover.contact"),
			field{label: b.t("letter.card.card"), value: b.cards()}, written, ref)
		d.sections = []section{
			{heading: b.t("letter.why"), intro: b.msgf("letter.card.intro", b.service()), blocks: []block{b.asks("letter.card.ask")}},
			b.charges(b.t("letter.card.charges")),
			b.happened(b.t("letter.card.noticed")),
			b.contacted(b.t("letter.contacted")),
		}
	case "support":
		d.title = b.msgf("letter.support.title", b.service())
		d.header = append(b.coverFields(true, "cover.name", "cover.contact", "cover.email"), written, ref)
		d.sections = []section{
			{heading: b.t("letter.why"), intro: b.t("letter.support.intro"), blocks: []block{b.asks("letter.support.ask")}},
			b.happened(b.t("letter.support.happened")),
			b.charges(b.t("letter.support.orders")),
			b.done(b.t("letter.done")),
			b.contacted(b.t("letter.contacted")),
		}
	case "police":
		d.title = b.t("letter.police.title")
		d.header = append(b.coverFields(true, "cover.name", "cover.contact"),
			field{label: b.t("letter.police.service"), value: b.orNot(b.r.Incident.Service)},
			field{label: b.t("cover.email"), value: b.orNot(b.r.Cover.AccountEmail)},
			written, ref)
		d.sections = []section{
			{heading: b.t("letter.police.for"), intro: b.t("letter.police.intro")},
			b.happened(b.t("letter.police.happened")),
			b.losses(),
			b.done(b.t("letter.done")),
			b.contacted(b.t("letter.contacted")),
			b.evidence(),
			{heading: b.t("letter.police.questions"), blocks: []block{b.asks("letter.police.ask")}},
		}
	}
	return d
}

// asks is a letter's list of requests, the texts key.1, key.2, ...
func (b *builder) asks(key string) block {
	var bl block
	for i := 1; messages.Has(key + "." + strconv.Itoa(i)); i++ {
		bl.items = append(bl.items, item{head: b.t(key + "." + strconv.Itoa(i))})
	}
	return bl
}

// cards names the cards the charges were made on, or the placeholder.
func (b *builder) cards() string {
	var cards []string
	for _, c := range b.r.Charges {
		if c.Card != "" && !slices.Contains(cards, c.Card) {
			cards = append(cards, c.Card)
		}
	}
	return b.orNot(strings.Join(cards, b.t("list-sep")))
}

// losses are the totals first, for the police memo, then the charges.
func (b *builder) losses() section {
	s := b.charges(b.t("letter.police.losses"))
	if len(b.r.Charges) == 0 {
		return s
	}
	_, all := Totals(b.r.Charges)
	for _, t := range all {
		s.fields = append(s.fields,
			field{label: b.t("letter.police.charged"), value: b.amount(t.Charged, t.Currency)},
			field{label: b.t("letter.police.refunded"), value: b.amount(t.Refunded, t.Currency)},
			field{label: b.t("letter.police.outstanding"), value: b.amount(t.Outstanding(), t.Currency)},
		)
	}
	return s
}

// evidence is what the person kept: the steps about evidence with their
// notes, and this record itself.
func (b *builder) evidence() section {
	s := section{heading: b.t("letter.police.evidence")}
	var bl block
	for _, st := range b.r.Evidence {
		it := item{head: b.stepRef(st.ID, st.Title), details: append([]field{{value: b.state(st)}}, b.notes(st.Notes)...)}
		bl.items = append(bl.items, it)
	}
	bl.items = append(bl.items, item{head: b.msgf("letter.police.record", b.r.Incident.ID, len(b.r.Timeline))})
	s.blocks = []block{bl}
	return s
}
