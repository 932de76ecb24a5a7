// Package state keeps the state file: every incident the user opened and
// everything they told acctguard about it.
//
// The file is small JSON that a person can read. It is only ever replaced
// whole, under a lock, by renaming a fully written and synced temp file over
// it, so a crash at any moment leaves either the old or the new file; the
// previous good file is kept as state.json.bak. A file that does not parse is
// never overwritten: the person's records in it are worth more than anything
// we could write instead.
package state

import (
	"cmp"
	"slices"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// SchemaVersion is the version of the file format this package reads and
// writes. Files with a greater version are refused rather than rewritten, so
// an older acctguard cannot silently drop fields it does not know.
const SchemaVersion = 1

// Action is what an event records the person did. A file holding any other
// action is refused as damaged: code deriving a step's state from an action
// it has never heard of would get it wrong without a word.
type Action string

const (
	ActionDone   Action = "done"
	ActionSkip   Action = "skip"
	ActionLater  Action = "later"
	ActionReset  Action = "reset"
	ActionAnswer Action = "answer"
	ActionNote   Action = "note"
	// ActionClose and ActionReopen are about the whole incident; their
	// events have no step.
	ActionClose  Action = "close"
	ActionReopen Action = "reopen"
	// ActionAgain records that the attack came back while the incident
	// was open: another alert, orders not made, a sign-in that fails. At
	// is when it happened; Note says what.
	ActionAgain Action = "again"
)

func (a Action) known() bool {
	switch a {
	case ActionDone, ActionSkip, ActionLater, ActionReset, ActionAnswer, ActionNote, ActionClose, ActionReopen, ActionAgain:
		return true
	}
	return false
}

// UnmarshalText refuses an action this package does not know, so that the
// decoder reports it where it stands in the file.
func (a *Action) UnmarshalText(text []byte) error {
	if v := Action(text); v.known() {
		*a = v
		return nil
	}
	return plain(nil, "statefile.unknown-action", string(text))
}

// File is the whole state file.
type File struct {
	Schema int `json:"schema"`
	// NextID is the id the next incident gets. It is kept in the file so the
	// id of a deleted incident is never given to a new one: a report handed
	// to a card issuer may quote it.
	NextID    int        `json:"next_id"`
	Incidents []Incident `json:"incidents"`
	// Unknown holds the members this acctguard does not know, as they
	// were read, and writes them back after the others: a newer acctguard
	// may add a field to schema 1, and a person may add one by hand.
	Unknown jsontext.Value `json:",embed"`
}

// Incident is one account takeover being worked through with one playbook.
type Incident struct {
	ID              int    `json:"id"`
	Playbook        string `json:"playbook"`
	PlaybookVersion string `json:"playbook_version,omitempty"`
	// PlaybookDigest ("sha256:...") identifies the playbook text the
	// incident started with, so a later edit of the playbook can be noticed.
	PlaybookDigest string     `json:"playbook_digest"`
	Lang           string     `json:"lang"`
	OpenedAt       time.Time  `json:"opened_at"`
	ClosedAt       *time.Time `json:"closed_at"`
	// DropFollowUps is set when the incident was closed with its
	// follow-ups dropped; otherwise they keep showing until done.
	DropFollowUps bool `json:"drop_follow_ups,omitzero"`
	// Related is the id of an earlier incident this one belongs with: one
	// of the same playbook, open or recently closed when this one was
	// started, which the person said was a different attack; or the one
	// whose step opened this one's playbook (the e-mail account secured
	// because of an Amazon takeover), or that the first questions started
	// beside it. The two are shown together; each is closed on its own.
	// Zero when there was none.
	Related int `json:"related,omitzero"`
	// Events is append-only: a step's state is derived from its events, so
	// changing one in place would rewrite what the user did and when.
	Events []Event `json:"events"`
	// Charges are the payments and orders the person did not make, in
	// the order they were recorded.
	Charges []Charge `json:"charges,omitempty"`
	// Cover is who the reports are from, when the person gave it; nil
	// when they were never asked.
	Cover *Cover `json:"cover,omitempty"`
	// Unknown is as in File.
	Unknown jsontext.Value `json:",embed"`
}

// Charge is one payment or order the person did not make. Amounts are in
// the currency's smallest unit (yen, cents). A charge is never deleted: a
// removed one keeps its record, with RemovedAt set, and is left out of
// every list and total.
type Charge struct {
	// ID numbers the charge within its incident, from 1; a removed
	// charge keeps its number.
	ID int `json:"id"`
	// At is when it was charged or ordered, zero when the person does not
	// know; with DateOnly, only its day is known (a card statement gives
	// no time) and At is its midnight.
	At       time.Time `json:"at,omitzero"`
	DateOnly bool      `json:"date_only,omitzero"`
	Amount   int64     `json:"amount"`
	Currency string    `json:"currency"`
	Merchant string    `json:"merchant,omitempty"`
	Order    string    `json:"order,omitempty"`
	// Card names the card as the person does ("Mastercard 1234"), with no
	// more than its last 4 digits.
	Card       string     `json:"card,omitempty"`
	Note       string     `json:"note,omitempty"`
	RecordedAt time.Time  `json:"recorded_at"`
	Refunds    []Refund   `json:"refunds,omitempty"`
	RemovedAt  *time.Time `json:"removed_at,omitempty"`
	// Unknown is as in File.
	Unknown jsontext.Value `json:",embed"`
}

// Refund is money given back for a charge, to the card or as store
// credit.
type Refund struct {
	At       time.Time `json:"at"`
	DateOnly bool      `json:"date_only,omitzero"`
	Amount   int64     `json:"amount"`
	// Credit says it came back as store credit (a gift-card balance,
	// points) rather than to the card.
	Credit     bool      `json:"credit,omitzero"`
	Note       string    `json:"note,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
	// Unknown is as in File.
	Unknown jsontext.Value `json:",embed"`
}

// Refunded is how much of c has been given back.
func (c *Charge) Refunded() int64 {
	var n int64
	for _, r := range c.Refunds {
		n += r.Amount
	}
	return n
}

// Cover is who a report is from, for its first page and the letters. Every
// field may be empty: the person may leave any of them out.
type Cover struct {
	Name    string `json:"name,omitempty"`
	Contact string `json:"contact,omitempty"`
	// AccountEmail is the e-mail address of the account taken over.
	AccountEmail string `json:"account_email,omitempty"`
	// AskedAt is when the person was asked, so they are asked once.
	AskedAt time.Time `json:"asked_at"`
	// Unknown is as in File.
	Unknown jsontext.Value `json:",embed"`
}

// AddCharge appends c to the incident under the next free number, which
// it returns.
func (inc *Incident) AddCharge(c Charge) int {
	c.ID = 1
	for _, o := range inc.Charges {
		c.ID = max(c.ID, o.ID+1)
	}
	inc.Charges = append(inc.Charges, c)
	return c.ID
}

// Charge returns the charge numbered id, removed ones included, pointing
// into inc.Charges.
func (inc *Incident) Charge(id int) (*Charge, bool) {
	for i := range inc.Charges {
		if inc.Charges[i].ID == id {
			return &inc.Charges[i], true
		}
	}
	return nil, false
}

// ActiveCharges returns the charges not removed, in the order recorded.
func (inc *Incident) ActiveCharges() []Charge {
	var cs []Charge
	for _, c := range inc.Charges {
		if c.RemovedAt == nil {
			cs = append(cs, c)
		}
	}
	return cs
}

// Event is one thing the user did or said about a step.
type Event struct {
	Step   string    `json:"step"`
	Action Action    `json:"action"`
	At     time.Time `json:"at"`
	Answer string    `json:"answer,omitempty"`
	Reason string    `json:"reason,omitempty"`
	Note   string    `json:"note,omitempty"`
	// Unknown is as in File.
	Unknown jsontext.Value `json:",embed"`
}

// empty returns the File a missing state file stands for.
func empty() *File {
	return &File{Schema: SchemaVersion, NextID: 1, Incidents: []Incident{}}
}

// NewIncident opens a new incident, appends it and returns a pointer to it.
// The pointer points into f.Incidents, so it is valid only until the next
// append to that slice.
func (f *File) NewIncident(playbook, version, digest, lang string, now time.Time) *Incident {
	id := max(f.NextID, f.maxID()+1, 1)
	f.Incidents = append(f.Incidents, Incident{
		ID:              id,
		Playbook:        playbook,
		PlaybookVersion: version,
		PlaybookDigest:  digest,
		Lang:            lang,
		OpenedAt:        now,
		Events:          []Event{},
	})
	f.NextID = id + 1
	return &f.Incidents[len(f.Incidents)-1]
}

// Incident returns the incident with the given id, pointing into
// f.Incidents.
func (f *File) Incident(id int) (*Incident, bool) {
	for i := range f.Incidents {
		if f.Incidents[i].ID == id {
			return &f.Incidents[i], true
		}
	}
	return nil, false
}

// Open returns the incidents that are not closed, in id order, pointing into
// f.Incidents.
func (f *File) Open() []*Incident {
	var open []*Incident
	for i := range f.Incidents {
		if f.Incidents[i].ClosedAt == nil {
			open = append(open, &f.Incidents[i])
		}
	}
	// A hand-edited file may list incidents out of order; people refer to
	// them by number, so list them by number.
	slices.SortStableFunc(open, func(a, b *Incident) int { return cmp.Compare(a.ID, b.ID) })
	return open
}

// Related returns the ids of the incidents linked to incident id either
// way (see Incident.Related), in id order, without id itself.
func (f *File) Related(id int) []int {
	var ids []int
	inc, ok := f.Incident(id)
	if ok && inc.Related != 0 && inc.Related != id {
		if _, ok := f.Incident(inc.Related); ok {
			ids = append(ids, inc.Related)
		}
	}
	for _, other := range f.Incidents {
		if other.Related == id && other.ID != id && !slices.Contains(ids, other.ID) {
			ids = append(ids, other.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

func (f *File) maxID() int {
	m := 0
	for _, inc := range f.Incidents {
		m = max(m, inc.ID)
	}
	return m
}

// normalise makes f safe to use and to write: empty lists are encoded as []
// rather than null (readers of the file, people and scripts alike, should not
// have to handle both), and NextID is moved past every id in use so that a
// hand-edited or missing next_id can never hand out an id twice.
func (f *File) normalise() {
	if f.Incidents == nil {
		f.Incidents = []Incident{}
	}
	for i := range f.Incidents {
		if f.Incidents[i].Events == nil {
			f.Incidents[i].Events = []Event{}
		}
	}
	f.NextID = max(f.NextID, f.maxID()+1, 1)
}
