package cli

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/incident"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/money"
	"github.com/acctguard/acctguard/internal/report"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/internal/visible"
)

// defaultCurrency is the currency of an amount typed without one, when the
// incident has no charge yet to take it from: acctguard's users are
// mostly in Japan.
const defaultCurrency = "JPY"

type chargeOptions struct {
	IO           *iostreams.IOStreams
	Store        stateStore
	Now          func() time.Time
	Lang         i18n.Lang
	LangFromFlag bool

	Incident int
	Charge   int
	Amount   string
	At       string
	Merchant string
	Order    string
	Card     string
	Note     string
	Credit   bool
	JSON     bool
}

// NewCmdCharge returns "acctguard charge": the unauthorised charges and
// orders of an incident, without a terminal.
func NewCmdCharge(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "charge",
		Short: "Record the charges and orders you did not make, and their refunds",
		Long: `Record each charge or order you did not make: the amount, when, where
(the shop, the order number) and which card. Reports and letters to the
card company list them with totals of what was refunded and what is still
outstanding. Give only the last 4 digits of a card.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newChargeAddCmd(f), newChargeListCmd(f), newChargeRefundCmd(f), newChargeRemoveCmd(f))
	return cmd
}

func (opts *chargeOptions) fill(f *Factory) {
	opts.IO, opts.Store, opts.Now = f.IO, f.Store(), f.Now
	opts.Lang, opts.LangFromFlag = f.Lang, f.LangFromFlag
}

func newChargeAddCmd(f *Factory) *cobra.Command {
	opts := &chargeOptions{}
	cmd := &cobra.Command{
		Use:   "add AMOUNT [--at TIME] [--merchant TEXT] [--order ID]",
		Short: "Record a charge or order you did not make",
		Long: `Record a charge or order you did not make. AMOUNT is as on the statement:
2925, ¥2,925, 2,925円, $12.50 or 12.50 USD (yen when no currency is
given). --at is when it was charged: a date (2026-11-23), a time (23:58)
or both.`,
		Example: "  acctguard charge add 2925 --at \"2026-11-23 23:58\" --merchant Amazon.co.jp \\\n    --order 503-1234567-7654321 --card \"Mastercard 1234\"",
		Args:    exactArgs(1, "args.amount"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			opts.Amount = args[0]
			return runChargeAdd(opts)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	cmd.Flags().StringVar(&opts.At, "at", "", "when it was charged: 2026-11-23, 23:58 or 2026-11-23 23:58")
	cmd.Flags().StringVar(&opts.Merchant, "merchant", "", "where: the shop or service")
	cmd.Flags().StringVar(&opts.Order, "order", "", "the order or transaction number")
	cmd.Flags().StringVar(&opts.Card, "card", "", `which card, with at most its last 4 digits: "Mastercard 1234"`)
	cmd.Flags().StringVar(&opts.Note, "note", "", "anything else worth keeping")
	return cmd
}

func newChargeListCmd(f *Factory) *cobra.Command {
	opts := &chargeOptions{}
	cmd := &cobra.Command{
		Use:   "list [--incident N] [--json]",
		Short: "List the charges recorded, with totals",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			return runChargeList(opts)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON for programs")
	return cmd
}

func newChargeRefundCmd(f *Factory) *cobra.Command {
	opts := &chargeOptions{}
	cmd := &cobra.Command{
		Use:   "refund CHARGE [AMOUNT] [--at TIME] [--credit]",
		Short: "Record that a charge was refunded, in full or in part",
		Long: `Record that money came back for a charge, numbered as "acctguard charge
list" shows. Without AMOUNT, all that is still outstanding. --credit says
it came back as store credit (a gift-card balance, points) rather than to
the card.`,
		Example: "  acctguard charge refund 1\n  acctguard charge refund 3 3520 --credit --note \"gift card balance\"",
		Args:    cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			n, err := chargeNumber(args[0])
			if err != nil {
				return err
			}
			opts.Charge = n
			if len(args) == 2 {
				opts.Amount = args[1]
			}
			return runChargeRefund(opts)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	cmd.Flags().StringVar(&opts.At, "at", "", "when it came back (default: now): 2026-11-26 or 2026-11-26 19:48")
	cmd.Flags().BoolVar(&opts.Credit, "credit", false, "it came back as store credit, not to the card")
	cmd.Flags().StringVar(&opts.Note, "note", "", "anything else worth keeping")
	return cmd
}

func newChargeRemoveCmd(f *Factory) *cobra.Command {
	opts := &chargeOptions{}
	cmd := &cobra.Command{
		Use:   "remove CHARGE",
		Short: "Take a charge recorded by mistake out of lists and totals",
		Long: `Take a charge recorded by mistake out of lists, totals and reports. Its
record stays in the state file, marked as removed.`,
		Args: exactArgs(1, "args.charge"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.fill(f)
			n, err := chargeNumber(args[0])
			if err != nil {
				return err
			}
			opts.Charge = n
			return runChargeRemove(opts)
		},
	}
	incidentFlag(cmd, f, &opts.Incident)
	return cmd
}

func chargeNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, usage(i18n.Errorf("error.charge.not-number", s), i18n.M("error.charge.list.hint"))
	}
	return n, nil
}

// moreDigits finds a run of more than 4 digits, spaces and dashes allowed
// between them: a card is named by its last 4 digits at most.
var moreDigits = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[0-9０-９](?:[ \-]?[0-9０-９]){4,}`)
})

// currencyOf is the currency of an amount typed for inc without one: that
// of its last charge.
func currencyOf(inc *state.Incident) string {
	if cs := inc.ActiveCharges(); len(cs) > 0 {
		return cs[len(cs)-1].Currency
	}
	return defaultCurrency
}

// parseAmount reads an amount as typed, in def when no currency is typed,
// with an error that says what is wrong and how to write one.
func parseAmount(s, def string) (money.Amount, error) {
	a, err := money.Parse(s, def)
	if err == nil {
		return a, nil
	}
	var why i18n.Msg
	switch {
	case errors.Is(err, money.ErrDecimals):
		why = i18n.M("error.amount.decimals", def)
	case errors.Is(err, money.ErrCurrency):
		why = i18n.M("error.amount.currency")
	case errors.Is(err, money.ErrTooLarge):
		why = i18n.M("error.amount.large")
	case errors.Is(err, money.ErrNotPositive):
		why = i18n.M("error.amount.zero")
	default:
		why = i18n.M("error.amount.format")
	}
	return money.Amount{}, usage(i18n.Errorf("error.amount.bad", s, why), i18n.M("error.amount.hint"))
}

// checkCard refuses a card named with more than its last 4 digits.
func checkCard(card string) error {
	if err := checkText("card-name", card); err != nil {
		return err
	}
	if moreDigits().MatchString(card) {
		return usage(i18n.Errorf("error.charge.card-digits", visible.Line(card)), i18n.M("error.charge.card-digits.hint"))
	}
	return nil
}

// when reads --at: empty gives def, with day false.
func (opts *chargeOptions) when(def time.Time) (time.Time, bool, error) {
	if strings.TrimSpace(opts.At) == "" {
		return def, false, nil
	}
	at, day, err := incident.ParseDay(opts.At, opts.Now().Local())
	if err != nil {
		return time.Time{}, false, usage(i18n.Errorf("error.time.at-bad", opts.At, momentProblem(err)), i18n.M("error.charge.at.hint"))
	}
	return at, day, nil
}

// incident reads the state file and returns the incident --incident
// names, else the only open one.
func (opts *chargeOptions) incident() (*state.Incident, error) {
	file, err := loadState(opts.Store)
	if err != nil {
		return nil, err
	}
	return pickIncident(file, opts.Incident)
}

func runChargeAdd(opts *chargeOptions) error {
	for what, s := range map[string]string{"note": opts.Note, "merchant": opts.Merchant, "order": opts.Order} {
		if err := checkText(what, s); err != nil {
			return err
		}
	}
	if err := checkCard(opts.Card); err != nil {
		return err
	}
	now := opts.Now()
	at, day, err := opts.when(time.Time{})
	if err != nil {
		return err
	}
	inc, err := opts.incident()
	if err != nil {
		return err
	}
	amount, err := parseAmount(opts.Amount, currencyOf(inc))
	if err != nil {
		return err
	}
	c := state.Charge{
		At: at, DateOnly: day, Amount: amount.Minor, Currency: amount.Currency,
		Merchant: strings.TrimSpace(opts.Merchant), Order: strings.TrimSpace(opts.Order),
		Card: strings.TrimSpace(opts.Card), Note: strings.TrimSpace(opts.Note), RecordedAt: now,
	}
	c, _, err = addCharge(opts.Store, inc.ID, c)
	if err != nil {
		return err
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	fmt.Fprintln(opts.IO.Out, l.Tf("charge.recorded", inc.ID, c.ID, chargeLine(l, c, now)))
	return nil
}

// addCharge records c in incident id under the lock and returns it with
// its number, and the incident as saved.
func addCharge(store stateStore, id int, c state.Charge) (state.Charge, *state.Incident, error) {
	inc, err := updateIncident(store, id, func(inc *state.Incident) error {
		c.ID = inc.AddCharge(c)
		return nil
	})
	return c, inc, err
}

// chargeLine says what a charge is in one line: the amount, when, where,
// the order and the card, as far as they are known.
func chargeLine(l i18n.Lang, c state.Charge, now time.Time) string {
	parts := []string{money.Amount{Minor: c.Amount, Currency: c.Currency}.Format(string(l))}
	if w := chargeWhen(l, c.At, c.DateOnly, now); w != "" {
		parts = append(parts, w)
	}
	if c.Merchant != "" {
		parts = append(parts, visible.Line(c.Merchant))
	}
	if c.Order != "" {
		parts = append(parts, l.Tf("charge.order", visible.Line(c.Order)))
	}
	if c.Card != "" {
		parts = append(parts, l.Tf("charge.card", visible.Line(c.Card)))
	}
	return strings.Join(parts, l.T("charge.sep"))
}

// chargeWhen is when a charge was made, as far as it is known.
func chargeWhen(l i18n.Lang, at time.Time, day bool, now time.Time) string {
	switch {
	case at.IsZero():
		return ""
	case day:
		return l.Day(at.Local(), now)
	}
	return l.Time(at.Local(), now)
}

// refundCharge records r against charge n of inc, for amount (as the
// person wrote it, in the charge's currency unless it says another), or
// for all that is left when amount is empty. A refund can never be more
// than what is left. It returns the charge as it now is.
func refundCharge(inc *state.Incident, n int, amount string, r state.Refund) (state.Charge, error) {
	ch, err := findCharge(inc, n)
	if err != nil {
		return state.Charge{}, err
	}
	left := ch.Amount - ch.Refunded()
	if left <= 0 {
		return state.Charge{}, hinted(i18n.Errorf("error.refund.nothing-left", ch.ID), i18n.M("error.charge.list.hint"))
	}
	r.Amount = left
	if amount != "" {
		a, err := parseAmount(amount, ch.Currency)
		if err != nil {
			return state.Charge{}, err
		}
		if a.Currency != ch.Currency {
			return state.Charge{}, usage(i18n.Errorf("error.refund.currency", a.Currency, ch.ID, ch.Currency), i18n.M("error.refund.currency.hint"))
		}
		r.Amount = a.Minor
	}
	if r.Amount > left {
		lang := string(i18n.Lang(inc.Lang))
		return state.Charge{}, usage(i18n.Errorf("error.refund.too-much", ch.ID, money.Amount{Minor: left, Currency: ch.Currency}.Format(lang)), i18n.M("error.refund.too-much.hint"))
	}
	ch.Refunds = append(ch.Refunds, r)
	return *ch, nil
}

// findCharge returns charge n of inc, not removed.
func findCharge(inc *state.Incident, n int) (*state.Charge, error) {
	c, ok := inc.Charge(n)
	if !ok || c.RemovedAt != nil {
		return nil, usage(i18n.Errorf("error.charge.none", inc.ID, n), i18n.M("error.charge.list.hint"))
	}
	return c, nil
}

func runChargeRefund(opts *chargeOptions) error {
	if err := checkText("note", opts.Note); err != nil {
		return err
	}
	now := opts.Now()
	at, day, err := opts.when(now)
	if err != nil {
		return err
	}
	inc, err := opts.incident()
	if err != nil {
		return err
	}
	var c state.Charge
	_, err = updateIncident(opts.Store, inc.ID, func(inc *state.Incident) error {
		var err error
		c, err = refundCharge(inc, opts.Charge, opts.Amount, state.Refund{At: at, DateOnly: day, Credit: opts.Credit, Note: strings.TrimSpace(opts.Note), RecordedAt: now})
		return err
	})
	if err != nil {
		return err
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	r := c.Refunds[len(c.Refunds)-1]
	key := "charge.refunded"
	if r.Credit {
		key = "charge.credited"
	}
	amount := func(n int64) string { return money.Amount{Minor: n, Currency: c.Currency}.Format(string(l)) }
	fmt.Fprintln(opts.IO.Out, l.Tf(key, inc.ID, c.ID, amount(r.Amount), amount(c.Amount-c.Refunded())))
	return nil
}

func runChargeRemove(opts *chargeOptions) error {
	inc, err := opts.incident()
	if err != nil {
		return err
	}
	now := opts.Now()
	var c state.Charge
	_, err = updateIncident(opts.Store, inc.ID, func(inc *state.Incident) error {
		ch, err := findCharge(inc, opts.Charge)
		if err != nil {
			return err
		}
		ch.RemovedAt = &now
		c = *ch
		return nil
	})
	if err != nil {
		return err
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	fmt.Fprintln(opts.IO.Out, l.Tf("charge.removed", inc.ID, c.ID, chargeLine(l, c, now)))
	return nil
}

// reportCharges gives the charges to the report package, which adds
// them up.
func reportCharges(cs []state.Charge) []report.Charge {
	var out []report.Charge
	for _, c := range cs {
		rc := report.Charge{ID: c.ID, At: c.At, DateOnly: c.DateOnly, Amount: c.Amount, Currency: c.Currency,
			Merchant: c.Merchant, Order: c.Order, Card: c.Card, Note: c.Note}
		for _, r := range c.Refunds {
			rc.Refunds = append(rc.Refunds, report.Refund{At: r.At, DateOnly: r.DateOnly, Amount: r.Amount, Credit: r.Credit, Note: r.Note})
		}
		out = append(out, rc)
	}
	return out
}

func runChargeList(opts *chargeOptions) error {
	inc, err := opts.incident()
	if err != nil {
		return err
	}
	cs := inc.ActiveCharges()
	if opts.JSON {
		return printJSON(opts.IO.Out, chargesJSON(inc.ID, cs))
	}
	l := incidentLang(opts.Lang, opts.LangFromFlag, inc.Lang)
	now := opts.Now()
	if len(cs) == 0 {
		fmt.Fprintln(opts.IO.Out, l.Tf("charge.none", inc.ID))
		return nil
	}
	amount := func(n int64, cur string) string { return money.Amount{Minor: n, Currency: cur}.Format(string(l)) }
	rows := [][]string{{l.T("charge.col.number"), l.T("charge.col.when"), l.T("charge.col.amount"), l.T("charge.col.refunded"), l.T("charge.col.where"), l.T("charge.col.card")}}
	for _, c := range cs {
		when := chargeWhen(l, c.At, c.DateOnly, now)
		if when == "" {
			when = l.T("charge.unknown")
		}
		refunded := "-"
		if r := c.Refunded(); r > 0 {
			refunded = amount(r, c.Currency)
		}
		where := visible.Line(c.Merchant)
		if c.Order != "" {
			where = strings.TrimSpace(where + " " + visible.Line(c.Order))
		}
		rows = append(rows, []string{strconv.Itoa(c.ID), when, amount(c.Amount, c.Currency), refunded, where, visible.Line(c.Card)})
	}
	if width := opts.IO.WrapWidth(); width > 0 && tableWidth(rows) > width {
		// Too wide for the terminal: each charge as a sentence, wrapped.
		for _, c := range cs {
			line := chargeLine(l, c, now)
			if r := c.Refunded(); r > 0 {
				line = l.Tf("charge.line-refunded", line, amount(r, c.Currency))
			}
			printWrapped(opts.IO.Out, fmt.Sprintf("%-4d", c.ID), "    ", line, width)
		}
	} else {
		printTable(opts.IO, rows, opts.IO.ColorScheme().Bold)
	}
	perCard, all := report.Totals(reportCharges(cs))
	fmt.Fprintln(opts.IO.Out)
	total := func(s string) { printWrapped(opts.IO.Out, "", "  ", s, opts.IO.WrapWidth()) }
	if len(perCard) > len(all) {
		for _, t := range perCard {
			card := visible.Line(t.Card)
			if card == "" {
				card = l.T("charge.no-card")
			}
			total(l.Tf("charge.total-card", card, amount(t.Charged, t.Currency), amount(t.Refunded, t.Currency), amount(t.Outstanding(), t.Currency)))
		}
	}
	for _, t := range all {
		total(l.Tf("charge.total", t.Count, amount(t.Charged, t.Currency), amount(t.Refunded, t.Currency), amount(t.Outstanding(), t.Currency)))
	}
	return nil
}

// chargesOut is "charge list --json": the charges and totals as the JSON
// report gives them.
type chargesOut struct {
	Incident int                 `json:"incident"`
	Charges  []report.ChargeJSON `json:"charges"`
	Totals   []report.TotalJSON  `json:"totals"`
}

func chargesJSON(id int, cs []state.Charge) chargesOut {
	charges, totals := report.ChargesJSON(reportCharges(cs), time.Local)
	return chargesOut{Incident: id, Charges: charges, Totals: totals}
}

// chargeTotals are the totals of the charges per currency, for every card.
func chargeTotals(cs []state.Charge) []report.TotalJSON {
	_, totals := report.ChargesJSON(reportCharges(cs), time.Local)
	return slices.DeleteFunc(totals, func(t report.TotalJSON) bool { return t.Card != nil })
}
