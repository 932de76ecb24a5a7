package report

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/money"
)

// The sections a reader needs first — what happened, what was taken,
// what came back, who was contacted — shared by the report and the
// letters.

// notRecorded stands for what the person has not told acctguard, so a
// reader sees it is missing rather than wrong.
func (b *builder) notRecorded() string { return b.t("not-recorded") }

// orNot returns s, or the placeholder when it is empty.
func (b *builder) orNot(s string) string {
	if strings.TrimSpace(s) == "" {
		return b.notRecorded()
	}
	return s
}

func (b *builder) amount(n int64, currency string) string {
	return money.Amount{Minor: n, Currency: currency}.Format(string(b.l))
}

// when is the time of a charge or refund: the day alone when only the day
// is known, the placeholder when nothing is.
func (b *builder) when(t time.Time, dateOnly bool) string {
	switch {
	case t.IsZero():
		return b.notRecorded()
	case dateOnly:
		return b.l.FullDay(t.In(b.loc))
	}
	return b.time(t)
}

// coverFields are who the report is from; in a letter every one is shown,
// with the placeholder where it was not given.
func (b *builder) coverFields(all bool, keys ...string) []field {
	c := b.r.Cover
	values := map[string]string{"cover.name": c.Name, "cover.contact": c.Contact, "cover.email": c.AccountEmail}
	var fs []field
	for _, k := range keys {
		v := values[k]
		if v == "" && !all {
			continue
		}
		fs = append(fs, field{label: b.t(k), value: b.orNot(v)})
	}
	return fs
}

// listed is a section of one block of items, or of the sentence none
// when the block is empty.
func listed(heading, none string, bl block) section {
	if len(bl.items) == 0 {
		return section{heading: heading, intro: none}
	}
	return section{heading: heading, blocks: []block{bl}}
}

// notes are a step's notes as "Note:" lines.
func (b *builder) notes(ns []string) []field {
	var fs []field
	for _, n := range ns {
		fs = append(fs, field{label: b.t("label.note"), value: n})
	}
	return fs
}

func (b *builder) intrusion(in Intrusion) item {
	var head string
	switch in.Kind {
	case "again":
		head = b.t("happened.again")
	case "related":
		head = b.msgf("happened.related", in.Incident)
	default:
		head = b.msgf("happened.opened", in.Incident)
	}
	it := item{when: b.time(in.At), head: head}
	if in.Note != "" {
		it.details = append(it.details, field{label: b.t("label.note"), value: in.Note})
	}
	return it
}

// happened lists each intrusion, oldest first.
func (b *builder) happened(heading string) section {
	bl := block{spaced: true}
	for _, in := range b.r.Intrusions {
		bl.items = append(bl.items, b.intrusion(in))
	}
	return listed(heading, b.t("happened.none"), bl)
}

// chargeTable is the charges as a table, with their totals per card (when
// there is more than one card) and overall.
func (b *builder) chargeTable(cs []Charge) *table {
	t := &table{columns: []column{
		{label: b.t("charges.col.when")},
		{label: b.t("charges.col.amount"), numeric: true},
		{label: b.t("charges.col.where")},
		{label: b.t("charges.col.order")},
		{label: b.t("charges.col.card")},
		{label: b.t("charges.col.refunded"), numeric: true},
		{label: b.t("charges.col.outstanding"), numeric: true},
		{label: b.t("charges.col.note")},
	}}
	for _, c := range cs {
		refunded := ""
		if r := c.Refunded(); r > 0 {
			refunded = b.amount(r, c.Currency)
		}
		t.list = append(t.list, b.chargeItem(c))
		t.rows = append(t.rows, []string{
			b.when(c.At, c.DateOnly), b.amount(c.Amount, c.Currency), c.Merchant, c.Order, c.Card,
			refunded, b.amount(c.Amount-c.Refunded(), c.Currency), c.Note,
		})
	}
	perCard, all := Totals(cs)
	if len(perCard) > len(all) {
		for _, tot := range perCard {
			card := tot.Card
			if card == "" {
				card = b.t("charges.no-card")
			}
			t.foot = append(t.foot, b.totalRow(b.msgf("charges.total-card", card, tot.Count), tot))
			t.list = append(t.list, item{head: b.msgf("charges.sum", b.msgf("charges.total-card", card, tot.Count), b.amount(tot.Charged, tot.Currency), b.amount(tot.Refunded, tot.Currency), b.amount(tot.Outstanding(), tot.Currency))})
		}
	}
	for _, tot := range all {
		t.foot = append(t.foot, b.totalRow(b.msgf("charges.total", tot.Count), tot))
		t.list = append(t.list, item{head: b.msgf("charges.sum", b.msgf("charges.total", tot.Count), b.amount(tot.Charged, tot.Currency), b.amount(tot.Refunded, tot.Currency), b.amount(tot.Outstanding(), tot.Currency))})
	}
	t.prune()
	return t
}

// chargeItem is a charge in a few lines, for Markdown and text: when,
// then the amount, where, the order and the card on one line, then what
// came back.
func (b *builder) chargeItem(c Charge) item {
	parts := []string{b.amount(c.Amount, c.Currency)}
	if c.Merchant != "" {
		parts = append(parts, c.Merchant)
	}
	if c.Order != "" {
		parts = append(parts, b.msgf("charges.order", c.Order))
	}
	if c.Card != "" {
		parts = append(parts, b.msgf("charges.card", c.Card))
	}
	it := item{when: b.when(c.At, c.DateOnly), head: b.msgf("charges.head", c.ID, strings.Join(parts, b.t("list-sep")))}
	left := c.Amount - c.Refunded()
	switch {
	case c.Refunded() == 0:
		it.details = append(it.details, field{value: b.msgf("charges.none-back", b.amount(left, c.Currency))})
	case left == 0:
		it.details = append(it.details, field{value: b.msgf("charges.all-back", b.amount(c.Refunded(), c.Currency))})
	default:
		it.details = append(it.details, field{value: b.msgf("charges.part-back", b.amount(c.Refunded(), c.Currency), b.amount(left, c.Currency))})
	}
	if c.Note != "" {
		it.details = append(it.details, field{label: b.t("label.note"), value: c.Note})
	}
	return it
}

func (b *builder) totalRow(label string, t Total) []string {
	return []string{label, b.amount(t.Charged, t.Currency), "", "", "", b.amount(t.Refunded, t.Currency), b.amount(t.Outstanding(), t.Currency), ""}
}

// charges is what was taken: the table, or a line saying nothing was
// recorded.
func (b *builder) charges(heading string) section {
	s := section{heading: heading}
	if len(b.r.Charges) == 0 {
		s.intro = b.t("charges.none")
		return s
	}
	s.intro = b.t("charges.intro")
	s.blocks = []block{{table: b.chargeTable(b.r.Charges)}}
	return s
}

// chargeRef names a charge in one line: its number, amount, time and order.
func (b *builder) chargeRef(c Charge) string {
	parts := []string{b.amount(c.Amount, c.Currency)}
	if !c.At.IsZero() {
		parts = append(parts, b.when(c.At, c.DateOnly))
	}
	if c.Order != "" {
		parts = append(parts, b.msgf("charges.order", c.Order))
	}
	return b.msgf("refunds.charge", c.ID, strings.Join(parts, b.t("list-sep")))
}

// refunds lists every refund, in the order recorded.
func (b *builder) refunds() section {
	bl := block{spaced: true}
	for _, c := range b.r.Charges {
		for _, r := range c.Refunds {
			key := "refunds.card"
			if r.Credit {
				key = "refunds.credit"
			}
			it := item{when: b.when(r.At, r.DateOnly), head: b.msgf(key, b.amount(r.Amount, c.Currency)),
				details: []field{{value: b.chargeRef(c)}}}
			if r.Note != "" {
				it.details = append(it.details, field{label: b.t("label.note"), value: r.Note})
			}
			bl.items = append(bl.items, it)
		}
	}
	return listed(b.t("refunds"), b.t("refunds.none"), bl)
}

// contacted lists whom the person contacted, with the reference numbers
// in their notes.
func (b *builder) contacted(heading string) section {
	bl := block{spaced: true}
	for _, c := range b.r.Contacted {
		it := item{head: b.stepRef(c.StepID, c.Title)}
		if !c.At.IsZero() {
			it.head = b.stepRef(c.StepID, cmp.Or(c.Done, c.Title))
			it.when = b.time(c.At)
		} else {
			it.details = append(it.details, field{value: b.t("contacted.not-done")})
		}
		if len(c.Who) > 0 {
			it.details = append(it.details, field{label: b.t("contacted.who"), value: strings.Join(c.Who, b.t("list-sep"))})
		}
		it.details = append(it.details, b.notes(c.Notes)...)
		bl.items = append(bl.items, it)
	}
	return listed(heading, b.t("contacted.none"), bl)
}

// progress counts the steps by where they stand.
func (b *builder) progress() []field {
	s := b.r.Summary
	apply := b.msgf("summary.apply-all", s.Total)
	if s.NotApplicable > 0 {
		apply = b.msgf("summary.apply-of", s.Total, s.Total+s.NotApplicable, s.NotApplicable)
	}
	return []field{
		{label: b.t("summary.apply"), value: apply},
		{label: b.t("summary.done"), value: strconv.Itoa(s.Done)},
		{label: b.t("summary.skipped"), value: strconv.Itoa(s.Skipped)},
		{label: b.t("summary.open"), value: b.msgf("summary.open-about", s.Open)},
		{label: b.t("summary.waiting"), value: b.msgf("summary.waiting-about", s.Waiting)},
	}
}

// done lists the steps done, oldest first, by title and time.
func (b *builder) done(heading string) section {
	bl := block{spaced: true}
	for _, st := range b.r.Done {
		it := item{head: b.stepRef(st.ID, cmp.Or(st.Done, st.Title))}
		if !st.FinishedAt.IsZero() {
			it.when = b.time(st.FinishedAt)
		}
		bl.items = append(bl.items, it)
	}
	return listed(heading, b.t("done.none"), bl)
}

// service names the service the account is with, for a sentence.
func (b *builder) service() string {
	if s := b.r.Incident.Service; s != "" {
		return s
	}
	if b.l == i18n.Japanese {
		return "オンラインサービス"
	}
	return "online"
}
