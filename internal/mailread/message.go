// Package mailread reads one message as a person has it: an .eml file
// saved from a mail program (headers and MIME parts, in the charsets and
// encodings Japanese mail really uses), text pasted from a mail or a
// forwarded message, or a single URL or sender address. It decodes; it
// judges nothing (see package mailcheck).
package mailread

// Kind says what the input turned out to be.
type Kind string

const (
	// KindEML is a message with its headers, as saved from a mail program.
	KindEML Kind = "eml"
	// KindText is pasted text: a body, or a forwarded message whose
	// quoted headers (From:, Subject:) are read where they can be.
	KindText Kind = "text"
	// KindURL is a single web address.
	KindURL Kind = "url"
	// KindAddress is a single e-mail address, perhaps with a display name.
	KindAddress Kind = "address"
)

// Message is what was read. Every text is decoded to UTF-8; nothing in it
// is trusted or cleaned of control characters (the caller prints it with
// them made visible).
type Message struct {
	Kind Kind

	// From is the sender as the From header (or a forwarded message's
	// From line) gives it; zero when there is none.
	From Address
	// ReplyTo and ReturnPath are the other addresses a reply or a bounce
	// would go to; empty when absent.
	ReplyTo    []Address
	ReturnPath string
	Subject    string
	// Date is the Date header as written; "" when absent.
	Date string

	// AuthResults are the Authentication-Results headers, topmost (the
	// one the person's own provider added last) first, each unparsed.
	AuthResults []Header

	// Headers are the message's own header fields in file order, topmost
	// first, unfolded but not RFC 2047-decoded, so that a finding can name
	// the line it is about (From, Reply-To, Return-Path, Received…). For
	// pasted text they are the quoted lines From and Subject were taken
	// from (差出人:, 件名:…), with their line in the paste. Bounded: see
	// MaxHeaders.
	Headers []Header

	// Text is the readable text of the message: the text/plain parts, or
	// the text of the HTML parts when there is no plain one, joined with
	// blank lines. Bounded: see MaxText.
	Text string

	// Links are the web addresses in the message, in order, each once
	// per place it appears. Bounded: see MaxLinks.
	Links []Link

	// Truncated is set when the message was larger than a bound and only
	// its beginning was read.
	Truncated bool
}

// Address is a mailbox: its display name ("Amazon.co.jp") and address
// ("account-update@amazon.co.jp"), both decoded.
type Address struct {
	Name    string
	Address string
}

// Header is one header field as it was in the file, decoded: its 1-based
// line in the file (0 when not from a file), name and value (folded lines
// joined with a space).
type Header struct {
	Line  int
	Name  string
	Value string
}

// Link is a web address the message points to.
type Link struct {
	// URL is the address the link really goes to (an <a href>, or a bare
	// URL in the text), as written: it may lack a scheme when the message
	// wrote only a host ("amazon.co.jp.xxx.info/path", "www.example.com"),
	// and an href may be any scheme but mailto:, tel:, sms: and cid:
	// (those, and "#" anchors, are not links to a place).
	URL string
	// Text is what an HTML link shows instead, whitespace collapsed; ""
	// for a bare URL, or when the link shows the URL itself. A link that
	// shows only an image gives the image's alt text, if any.
	Text string
	// Where says where it was found: "html" (an <a> in an HTML part),
	// "text" (a URL written in the text), or "input" (the whole input was
	// this URL).
	Where string
}

// Bounds on what is read, so that memory and time stay small on any
// input, however large or hostile.
const (
	// MaxInput is the most of the input read; the rest is ignored and
	// Truncated set.
	MaxInput = 10 << 20
	// MaxText is the most text kept for reading the wording.
	MaxText = 256 << 10
	// MaxLinks is the most links kept.
	MaxLinks = 500
	// MaxParts is the most MIME parts walked, at most MaxDepth deep.
	MaxParts = 100
	MaxDepth = 10
	// MaxHeaders is the most header fields kept in Headers, and
	// MaxHeaderBytes the most bytes of their values, of one message.
	MaxHeaders     = 1000
	MaxHeaderBytes = 1 << 20
)
