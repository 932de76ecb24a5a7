package mailread

import (
	"net/mail"
	"strings"
)

var addressParser = &mail.AddressParser{WordDecoder: wordDecoder}

// parseAddressList reads an address header (From, Reply-To) as a mail
// program shows it: by the standard when it can, else leniently, since
// phishing mail often breaks the syntax.
func parseAddressList(v string) []Address {
	v = rawHeaderText(v)
	if list, err := addressParser.ParseList(v); err == nil && len(list) > 0 {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{Name: clean(decodeHeader(a.Name)), Address: a.Address})
		}
		return out
	}
	if a, ok := lenientAddress(v); ok {
		return []Address{a}
	}
	return nil
}

// parseSingleAddress reads s as one mailbox ("Amazon <a@b.c>", "a@b.c"),
// and nothing else.
func parseSingleAddress(s string) (Address, bool) {
	if !strings.Contains(s, "@") || strings.Contains(s, "://") {
		return Address{}, false
	}
	if a, err := addressParser.Parse(s); err == nil {
		return Address{Name: clean(decodeHeader(a.Name)), Address: a.Address}, true
	}
	a, ok := lenientAddress(s)
	if !ok || (a.Name == "" && strings.ContainsAny(s, " \t")) {
		return Address{}, false
	}
	return a, true
}

// lenientAddress finds a mailbox in v the way a forgiving mail program
// would: the last <address>, with what stands before it as the name; or a
// bare word with an @ in it.
func lenientAddress(v string) (Address, bool) {
	v = decodeHeader(v)
	if i := strings.LastIndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			addr := strings.TrimSpace(v[i+1 : i+j])
			if strings.Contains(addr, "@") && !strings.ContainsAny(addr, " \t<>") {
				return Address{Name: clean(v[:i]), Address: addr}, true
			}
		}
	}
	fields := strings.Fields(v)
	for k, f := range fields {
		f = strings.Trim(f, `"'(),;<>`)
		if strings.Count(f, "@") == 1 && !strings.HasPrefix(f, "@") && !strings.HasSuffix(f, "@") {
			name := strings.Join(append(append([]string{}, fields[:k]...), fields[k+1:]...), " ")
			return Address{Name: clean(name), Address: f}, true
		}
	}
	return Address{}, false
}

// clean trims a display name of the spaces and quotes around it.
func clean(name string) string {
	name = strings.TrimSpace(name)
	for len(name) >= 2 && (name[0] == '"' && name[len(name)-1] == '"' || name[0] == '(' && name[len(name)-1] == ')') {
		name = strings.TrimSpace(name[1 : len(name)-1])
	}
	return strings.ToValidUTF8(name, "\uFFFD")
}
