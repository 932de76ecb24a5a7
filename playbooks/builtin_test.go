package playbooks_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/playbooks"
)

// TestBuiltinPlaybooks checks what a person relies on in every built-in
// playbook: it validates, reads completely in English and Japanese, every
// step says why and how and cites a source, and every contact says when it
// was last confirmed and where that comes from.
func TestBuiltinPlaybooks(t *testing.T) {
	names, err := fs.Glob(playbooks.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in playbooks: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := playbooks.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := playbook.Parse(name, src)
			if err != nil {
				t.Fatalf("does not validate:\n%v", err)
			}
			if want := strings.TrimSuffix(name, ".yaml"); p.ID != want {
				t.Errorf("id %q, want %q from the file name", p.ID, want)
			}
			if strings.Join(p.Languages, ",") != "en,ja" {
				t.Errorf("languages = %v, want [en ja]", p.Languages)
			}
			bilingual := func(what string, text playbook.Text) {
				t.Helper()
				// A plain string would pass validation as one text for
				// every language; a built-in must really be translated.
				if text.IsPlain() || !text.Has("en") || !text.Has("ja") || strings.TrimSpace(text.Get("ja")) == "" {
					t.Errorf("%s is not written in both English and Japanese", what)
				}
			}
			bilingual("title", p.Title)
			bilingual("summary", p.Summary)
			phases := map[playbook.Phase]int{}
			for _, s := range p.Steps {
				phases[s.Phase]++
				bilingual(s.ID+" title", s.Title)
				bilingual(s.ID+" why", s.Why)
				bilingual(s.ID+" how", s.How)
				if len(s.Sources) == 0 {
					t.Errorf("step %q cites no source", s.ID)
				}
				if s.Kind == playbook.KindQuestion {
					bilingual(s.ID+" question", s.Question)
					for _, o := range s.Options {
						bilingual(s.ID+" option "+o.Value, o.Label)
					}
				}
				for _, l := range s.Links {
					bilingual(s.ID+" link "+l.URL, l.Title)
				}
			}
			for _, ph := range playbook.Phases {
				if phases[ph] == 0 {
					t.Errorf("no step in phase %s", ph)
				}
			}
			for _, c := range p.Contacts {
				bilingual("contact "+c.ID, c.Name)
				if c.Verified == "" || c.Source == "" {
					t.Errorf("contact %q: verified %q, source %q; both are needed", c.ID, c.Verified, c.Source)
				}
			}
		})
	}
}

// TestAmazonTakeoverCoversTheFoundingStory checks that the steps the
// founding story missed, or learned the hard way, are all there with the
// timing it taught.
func TestAmazonTakeoverCoversTheFoundingStory(t *testing.T) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := playbook.Parse("amazon-takeover.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	step := func(id string) *playbook.Step {
		t.Helper()
		s, ok := p.Step(id)
		if !ok {
			t.Fatalf("no step %q", id)
		}
		return s
	}
	if q := step("can-sign-in"); q.Kind != playbook.KindQuestion {
		t.Errorf("can-sign-in is not a question")
	}
	if s := step("reset-password-after-wait"); s.Delay.String() != "5h" || len(s.When) == 0 {
		t.Errorf("the reset after Amazon's lock waits %q with when %v; want 5h on the locked-out branch", s.Delay, s.When)
	}
	if s := step("recheck-after-a-week"); s.Delay.String() != "7d" || s.Phase != playbook.PhaseFollowUp {
		t.Errorf("the one-week re-check is %s in %s", s.Delay, s.Phase)
	}
	if s := step("weekly-recheck"); s.Repeat == nil || s.Repeat.Every.String() != "7d" || s.Repeat.Times != 4 {
		t.Errorf("weekly re-check repeat = %+v, want every 7d, 4 times", s.Repeat)
	}
	for _, id := range []string{"amazon-support-jp", "amazon-support-abroad"} {
		c, ok := p.Contact(id)
		if !ok || c.Verified != "2020-09" || c.Source != "founding-report" {
			t.Errorf("contact %s = %+v, want verified 2020-09 from founding-report", id, c)
		}
	}
	var hasContactPage bool
	for _, c := range p.Contacts {
		hasContactPage = hasContactPage || c.URL == "https://www.amazon.co.jp/contact-us"
	}
	if !hasContactPage {
		t.Error("no contact links Amazon's official contact page, though phone numbers change")
	}
}

// BenchmarkParseBuiltin is what every command about an incident pays to
// read its built-in playbook: parsing and checking the YAML.
func BenchmarkParseBuiltin(b *testing.B) {
	src, err := playbooks.FS.ReadFile("amazon-takeover.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := playbook.Check(playbook.BuiltinName("amazon-takeover"), "amazon-takeover", src); err != nil {
			b.Fatal(err)
		}
	}
}
