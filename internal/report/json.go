package report

// The JSON report, "acctguard report --format json", has this shape. It
// is stable: fields may be added, none is renamed or removed, and a change
// of meaning would come with a new "schema".
//
//	{
//	  "schema": 1,
//	  "lang": "en",                      // language of the report: en, ja
//	  "generated_at": "RFC 3339",
//	  "time_zone": "Asia/Tokyo",         // the zone every time is given in
//	  "incident": {
//	    "id": 3,
//	    "playbook": "amazon-takeover",
//	    "playbook_title": "...",
//	    "playbook_version": "2026-11-26" | null,
//	    "service": "..." | null,
//	    "lang": "ja",                    // language it was recorded in
//	    "opened_at": "RFC 3339",
//	    "closed_at": "RFC 3339" | null,
//	    "related": [                     // incidents linked to this one
//	      {"id": 4, "playbook": "email-takeover" | null,  // null: the same playbook
//	       "opened_at": "RFC 3339", "closed_at": "RFC 3339" | null}
//	    ]
//	  },
//	  "cover": {"name": "..." | null, "contact": "..." | null,
//	            "account_email": "..." | null},  // as the person gave them
//	  "intrusions": [                    // oldest first
//	    {"at": "RFC 3339", "incident": 3,
//	     "kind": "opened",               // opened, again, related
//	     "note": "..." | null}
//	  ],
//	  "charges": [                       // in the order recorded
//	    {"id": 1, "at": "RFC 3339" | null, "date_only": false,
//	     "amount": 2925,                 // in the currency's smallest unit
//	     "currency": "JPY",              // ISO 4217
//	     "merchant": "..." | null, "order": "..." | null,
//	     "card": "..." | null,           // at most its last 4 digits
//	     "note": "..." | null,
//	     "refunded": 2925, "outstanding": 0,
//	     "refunds": [{"at": "RFC 3339", "date_only": false, "amount": 2925,
//	                  "credit": false,   // true: as store credit
//	                  "note": "..." | null}]}
//	  ],
//	  "totals": [                        // per currency, then per card
//	    {"card": null,                   // null: every card
//	     "currency": "JPY", "count": 3,
//	     "charged": 9371, "refunded": 5851, "outstanding": 3520}
//	  ],
//	  "contacted": [                     // playbook order
//	    {"step_id": "...", "title": "...", "who": ["..."],
//	     "at": "RFC 3339" | null,        // null: not done yet
//	     "notes": ["..."]}
//	  ],
//	  "summary": {"done": 11, "skipped": 1, "open": 4, "waiting": 3,
//	              "not_applicable": 2, "total": 19},
//	  "timeline": [                      // in the order recorded
//	    {"at": "RFC 3339", "step_id": "...", "step_title": "..." | null,
//	     "step_number": 5 | null,        // null: no longer in the playbook
//	     "in_playbook": true,
//	     "action": "done",               // done, skip, later, reset, answer, note
//	     "answer": "..." | null, "reason": "..." | null, "note": "..." | null}
//	  ],
//	  "phases": [                        // playbook order
//	    {"phase": "contain", "title": "...",
//	     "steps": [
//	       {"id": "...", "number": 8, "title": "...", "critical": true,
//	        "state": "waiting",          // done, skipped, not-applicable,
//	                                     // waiting, due, overdue, later
//	        "finished_at": "RFC 3339" | null,  // done or skipped at
//	        "available_at": "RFC 3339" | null, // unlocks at, or due since
//	        "answer": "..." | null, "reason": "..." | null,
//	        "notes": ["..."], "completions": 0}
//	     ]}
//	  ],
//	  "removed": [                       // steps no longer in the playbook
//	    {"step_id": "...", "entries": [ same as timeline ]}
//	  ],
//	  "follow_ups": [                    // sorted by time
//	    {"step_id": "...", "title": "...", "at": "RFC 3339",
//	     "occurrence": 2 | null, "of": 4 | null,  // null: happens once
//	     "gate": false}                  // true: the step unlocks at "at"
//	  ],
//	  "contacts": [
//	    {"name": "...", "phone": "..." | null, "url": "..." | null,
//	     "verified": "2020-09" | null, "note": "..." | null}
//	  ],
//	  "sources": [{"id": "...", "title": "...", "url": "..." | null}]
//	}
//
// Names are snake_case. Times are RFC 3339 in the report's time zone, to
// the second. An absent optional value is null, never "" or 0; a list is
// [] when empty, never null. Texts are exactly as recorded.

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/acctguard/acctguard/internal/visible"
)

// jsonSchema numbers the shape above.
const jsonSchema = 1

type jsonReport struct {
	Schema      int             `json:"schema"`
	Lang        string          `json:"lang"`
	GeneratedAt string          `json:"generated_at"`
	TimeZone    string          `json:"time_zone"`
	Incident    jsonIncident    `json:"incident"`
	Cover       jsonCover       `json:"cover"`
	Intrusions  []jsonIntrusion `json:"intrusions"`
	Charges     []ChargeJSON    `json:"charges"`
	Totals      []TotalJSON     `json:"totals"`
	Contacted   []jsonContacted `json:"contacted"`
	Summary     jsonSummary     `json:"summary"`
	Timeline    []jsonEntry     `json:"timeline"`
	Phases      []jsonPhase     `json:"phases"`
	Removed     []jsonRemoved   `json:"removed"`
	FollowUps   []jsonFollowUp  `json:"follow_ups"`
	Contacts    []jsonContact   `json:"contacts"`
	Sources     []jsonSource    `json:"sources"`
}

type jsonIncident struct {
	ID              int           `json:"id"`
	Playbook        string        `json:"playbook"`
	PlaybookTitle   string        `json:"playbook_title"`
	PlaybookVersion *string       `json:"playbook_version"`
	Service         *string       `json:"service"`
	Lang            string        `json:"lang"`
	OpenedAt        string        `json:"opened_at"`
	ClosedAt        *string       `json:"closed_at"`
	Related         []jsonRelated `json:"related"`
}

type jsonRelated struct {
	ID       int     `json:"id"`
	Playbook *string `json:"playbook"`
	OpenedAt string  `json:"opened_at"`
	ClosedAt *string `json:"closed_at"`
}

type jsonCover struct {
	Name         *string `json:"name"`
	Contact      *string `json:"contact"`
	AccountEmail *string `json:"account_email"`
}

type jsonIntrusion struct {
	At       string  `json:"at"`
	Incident int     `json:"incident"`
	Kind     string  `json:"kind"`
	Note     *string `json:"note"`
}

// ChargeJSON is a charge as JSON, in the JSON report and in "charge list
// --json"; TotalJSON a total of charges, with card null for every card.
type ChargeJSON struct {
	ID          int          `json:"id"`
	At          *string      `json:"at"`
	DateOnly    bool         `json:"date_only"`
	Amount      int64        `json:"amount"`
	Currency    string       `json:"currency"`
	Merchant    *string      `json:"merchant"`
	Order       *string      `json:"order"`
	Card        *string      `json:"card"`
	Note        *string      `json:"note"`
	Refunded    int64        `json:"refunded"`
	Outstanding int64        `json:"outstanding"`
	Refunds     []RefundJSON `json:"refunds"`
}

// RefundJSON is a refund of a charge as JSON.
type RefundJSON struct {
	At       string  `json:"at"`
	DateOnly bool    `json:"date_only"`
	Amount   int64   `json:"amount"`
	Credit   bool    `json:"credit"`
	Note     *string `json:"note"`
}

// TotalJSON is a total of charges as JSON, per currency (card null) or per
// card and currency.
type TotalJSON struct {
	Card        *string `json:"card"`
	Currency    string  `json:"currency"`
	Count       int     `json:"count"`
	Charged     int64   `json:"charged"`
	Refunded    int64   `json:"refunded"`
	Outstanding int64   `json:"outstanding"`
}

type jsonContacted struct {
	StepID string   `json:"step_id"`
	Title  string   `json:"title"`
	Who    []string `json:"who"`
	At     *string  `json:"at"`
	Notes  []string `json:"notes"`
}

type jsonSummary struct {
	Done          int `json:"done"`
	Skipped       int `json:"skipped"`
	Open          int `json:"open"`
	Waiting       int `json:"waiting"`
	NotApplicable int `json:"not_applicable"`
	Total         int `json:"total"`
}

type jsonEntry struct {
	At         string  `json:"at"`
	StepID     string  `json:"step_id"`
	StepTitle  *string `json:"step_title"`
	StepNumber *int    `json:"step_number"`
	InPlaybook bool    `json:"in_playbook"`
	Action     string  `json:"action"`
	Answer     *string `json:"answer"`
	Reason     *string `json:"reason"`
	Note       *string `json:"note"`
}

type jsonPhase struct {
	Phase string     `json:"phase"`
	Title string     `json:"title"`
	Steps []jsonStep `json:"steps"`
}

type jsonStep struct {
	ID          string   `json:"id"`
	Number      int      `json:"number"`
	Title       string   `json:"title"`
	Critical    bool     `json:"critical"`
	State       string   `json:"state"`
	FinishedAt  *string  `json:"finished_at"`
	AvailableAt *string  `json:"available_at"`
	Answer      *string  `json:"answer"`
	Reason      *string  `json:"reason"`
	Notes       []string `json:"notes"`
	Completions int      `json:"completions"`
}

type jsonRemoved struct {
	StepID  string      `json:"step_id"`
	Entries []jsonEntry `json:"entries"`
}

type jsonFollowUp struct {
	StepID     string `json:"step_id"`
	Title      string `json:"title"`
	At         string `json:"at"`
	Occurrence *int   `json:"occurrence"`
	Of         *int   `json:"of"`
	Gate       bool   `json:"gate"`
}

type jsonContact struct {
	Name     string  `json:"name"`
	Phone    *string `json:"phone"`
	URL      *string `json:"url"`
	Verified *string `json:"verified"`
	Note     *string `json:"note"`
}

type jsonSource struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	URL   *string `json:"url"`
}

// JSON writes the report as JSON in the shape documented above, indented
// by two spaces.
func JSON(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	loc := r.Location
	if loc == nil {
		loc = time.UTC
	}
	stamp := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	at := func(t time.Time) *string {
		if t.IsZero() {
			return nil
		}
		s := stamp(t)
		return &s
	}
	numbers := map[string]int{}
	for _, p := range r.Phases {
		for _, s := range p.Steps {
			numbers[s.ID] = s.Number
		}
	}
	entry := func(e Entry) jsonEntry {
		je := jsonEntry{
			At:        stamp(e.At),
			StepID:    e.StepID,
			StepTitle: optional(e.StepTitle),
			Action:    e.Action,
			Answer:    optional(e.Answer),
			Reason:    optional(e.Reason),
			Note:      optional(e.Note),
		}
		if n, ok := numbers[e.StepID]; ok {
			je.StepNumber, je.InPlaybook = &n, true
		}
		return je
	}

	inc := r.Incident
	out := jsonReport{
		Schema:      jsonSchema,
		Lang:        r.Lang,
		GeneratedAt: stamp(r.GeneratedAt),
		TimeZone:    loc.String(),
		Incident: jsonIncident{
			ID:              inc.ID,
			Playbook:        inc.PlaybookID,
			PlaybookTitle:   inc.PlaybookTitle,
			PlaybookVersion: optional(inc.PlaybookVersion),
			Service:         optional(inc.Service),
			Lang:            inc.Lang,
			OpenedAt:        stamp(inc.OpenedAt),
			Related:         []jsonRelated{},
		},
		Summary: jsonSummary{
			Done:          r.Summary.Done,
			Skipped:       r.Summary.Skipped,
			Open:          r.Summary.Open,
			Waiting:       r.Summary.Waiting,
			NotApplicable: r.Summary.NotApplicable,
			Total:         r.Summary.Total,
		},
		Cover:      jsonCover{Name: optional(r.Cover.Name), Contact: optional(r.Cover.Contact), AccountEmail: optional(r.Cover.AccountEmail)},
		Intrusions: []jsonIntrusion{},
		Charges:    []ChargeJSON{},
		Totals:     []TotalJSON{},
		Contacted:  []jsonContacted{},
		Timeline:   []jsonEntry{},
		Phases:     []jsonPhase{},
		Removed:    []jsonRemoved{},
		FollowUps:  []jsonFollowUp{},
		Contacts:   []jsonContact{},
		Sources:    []jsonSource{},
	}
	if inc.ClosedAt != nil {
		closed := stamp(*inc.ClosedAt)
		out.Incident.ClosedAt = &closed
	}
	for _, o := range inc.Related {
		jr := jsonRelated{ID: o.ID, OpenedAt: stamp(o.OpenedAt)}
		if o.Playbook != "" {
			jr.Playbook = &o.Playbook
		}
		if o.ClosedAt != nil {
			closed := stamp(*o.ClosedAt)
			jr.ClosedAt = &closed
		}
		out.Incident.Related = append(out.Incident.Related, jr)
	}
	for _, in := range r.Intrusions {
		out.Intrusions = append(out.Intrusions, jsonIntrusion{At: stamp(in.At), Incident: in.Incident, Kind: in.Kind, Note: optional(in.Note)})
	}
	out.Charges, out.Totals = ChargesJSON(r.Charges, loc)
	for _, c := range r.Contacted {
		out.Contacted = append(out.Contacted, jsonContacted{StepID: c.StepID, Title: c.Title, Who: append([]string{}, c.Who...), At: at(c.At), Notes: append([]string{}, c.Notes...)})
	}
	for _, e := range r.Timeline {
		out.Timeline = append(out.Timeline, entry(e))
	}
	for _, p := range r.Phases {
		jp := jsonPhase{Phase: p.Phase, Title: p.Title, Steps: []jsonStep{}}
		for _, s := range p.Steps {
			jp.Steps = append(jp.Steps, jsonStep{
				ID:          s.ID,
				Number:      s.Number,
				Title:       s.Title,
				Critical:    s.Critical,
				State:       s.State,
				FinishedAt:  at(s.FinishedAt),
				AvailableAt: at(s.AvailableAt),
				Answer:      optional(s.Answer),
				Reason:      optional(s.Reason),
				Notes:       append([]string{}, s.Notes...),
				Completions: s.Completions,
			})
		}
		out.Phases = append(out.Phases, jp)
	}
	for _, rs := range r.Removed {
		jr := jsonRemoved{StepID: rs.ID, Entries: []jsonEntry{}}
		for _, e := range rs.Entries {
			jr.Entries = append(jr.Entries, entry(e))
		}
		out.Removed = append(out.Removed, jr)
	}
	followUps := slices.Clone(r.FollowUps)
	slices.SortStableFunc(followUps, func(x, y FollowUp) int { return x.At.Compare(y.At) })
	for _, f := range followUps {
		jf := jsonFollowUp{StepID: f.StepID, Title: f.Title, At: stamp(f.At), Gate: f.Gate}
		if f.Of > 0 {
			occurrence, of := f.Occurrence, f.Of
			jf.Occurrence, jf.Of = &occurrence, &of
		}
		out.FollowUps = append(out.FollowUps, jf)
	}
	for _, c := range r.Contacts {
		out.Contacts = append(out.Contacts, jsonContact{
			Name:     c.Name,
			Phone:    optional(c.Phone),
			URL:      optional(c.URL),
			Verified: optional(c.Verified),
			Note:     optional(c.Note),
		})
	}
	for _, s := range r.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, URL: optional(s.URL)})
	}

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	// URLs keep their & and notes their < >: the output is data, not HTML.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	// The C1 and bidirectional controls encoding/json leaves raw are
	// escaped too, for a report printed on a terminal.
	_, err := w.Write(visible.JSON(b.Bytes()))
	return err
}

// optional is nil for an empty string, so that JSON says null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ChargesJSON gives charges as JSON, with times in loc, and their totals:
// per currency first, then per card.
func ChargesJSON(cs []Charge, loc *time.Location) ([]ChargeJSON, []TotalJSON) {
	stamp := func(t time.Time) string { return t.In(loc).Format(time.RFC3339) }
	charges, totals := []ChargeJSON{}, []TotalJSON{}
	for _, c := range cs {
		jc := ChargeJSON{ID: c.ID, DateOnly: c.DateOnly, Amount: c.Amount, Currency: c.Currency,
			Merchant: optional(c.Merchant), Order: optional(c.Order), Card: optional(c.Card), Note: optional(c.Note),
			Refunded: c.Refunded(), Outstanding: c.Amount - c.Refunded(), Refunds: []RefundJSON{}}
		if !c.At.IsZero() {
			jc.At = optional(stamp(c.At))
		}
		for _, rf := range c.Refunds {
			jc.Refunds = append(jc.Refunds, RefundJSON{At: stamp(rf.At), DateOnly: rf.DateOnly, Amount: rf.Amount, Credit: rf.Credit, Note: optional(rf.Note)})
		}
		charges = append(charges, jc)
	}
	perCard, all := Totals(cs)
	for _, tot := range append(all, perCard...) {
		jt := TotalJSON{Currency: tot.Currency, Count: tot.Count, Charged: tot.Charged, Refunded: tot.Refunded, Outstanding: tot.Outstanding()}
		if !tot.AllCards {
			card := tot.Card // "" for charges whose card was not given
			jt.Card = &card
		}
		totals = append(totals, jt)
	}
	return charges, totals
}
