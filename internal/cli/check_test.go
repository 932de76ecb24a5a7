package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
	"github.com/acctguard/acctguard/internal/iostreams"
	"github.com/acctguard/acctguard/internal/mailcheck"
	"github.com/acctguard/acctguard/internal/playbook"
	"github.com/acctguard/acctguard/internal/state"
	"github.com/acctguard/acctguard/playbooks"
)

// fixtures are the messages mailread's tests read, each shaped as a
// person's mail program saves it.
const fixtures = "../mailread/testdata"

func checkSetup(t *testing.T, lang i18n.Lang) (*checkOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	now := time.Date(2026, 11, 27, 1, 0, 0, 0, time.Local)
	opts := &checkOptions{
		IO: ios, Lang: lang, Now: func() time.Time { return now },
		Store:     state.New(filepath.Join(t.TempDir(), "state", "state.json")),
		Catalogue: &playbook.Catalogue{Builtin: playbooks.FS, UserDir: filepath.Join(t.TempDir(), "playbooks")},
		LookupTXT: func(string) ([]string, error) {
			t.Error("check went online without --verify")
			return nil, errors.New("offline")
		},
	}
	return opts, out, errOut
}

// TestCheckScreens reads each fixture as a person would see it, in both
// languages, against the screens kept in testdata/golden (go test
// -update rewrites them), and holds the exit codes: 4 when warning signs
// were found, 0 otherwise.
func TestCheckScreens(t *testing.T) {
	for _, tt := range []struct {
		file string
		code int
	}{
		{"amazon-genuine-ja.eml", 0},
		{"amazon-phish-ja.eml", exitWarnings},
		{"amazon-phish-sjis-plain.eml", exitWarnings},
		{"forwarded.txt", exitWarnings},
	} {
		for _, lang := range i18n.Supported {
			name := strings.TrimSuffix(strings.TrimSuffix(tt.file, ".eml"), ".txt")
			t.Run(name+"-"+string(lang), func(t *testing.T) {
				opts, out, _ := checkSetup(t, lang)
				opts.Input = filepath.Join(fixtures, tt.file)
				err := runCheck(opts)
				if got := codeOf(err); got != tt.code {
					t.Fatalf("exit code %d (%v), want %d", got, err, tt.code)
				}
				golden(t, filepath.Join("testdata", "golden", "check-"+name+"-"+string(lang)+".txt"), out.String())
			})
		}
	}
}

func codeOf(err error) int {
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	}
	return exitFailure
}

// TestCheckPastedAndSingleAddresses: text on standard input, a single web
// address given as the argument, and a message that cannot be read.
func TestCheckPastedAndSingleAddresses(t *testing.T) {
	opts, out, _ := checkSetup(t, i18n.English)
	opts.IO.In = strings.NewReader("Amazon.co.jpをご利用いただき、ありがとうございます。\n")
	if err := runCheck(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Cannot tell: no warning signs found, but nothing here shows who really sent it. Open Amazon yourself, never from the message.") {
		t.Errorf("pasted text:\n%s", out)
	}

	opts, out, _ = checkSetup(t, i18n.English)
	opts.Input = "https://amazon.co.jp.example.info/signin"
	if code := codeOf(runCheck(opts)); code != exitWarnings || !strings.Contains(out.String(), "A link uses Amazon's name but goes to example.info, which is not Amazon's: https://amazon.co.jp.example.info/signin") {
		t.Errorf("exit %d:\n%s", code, out)
	}

	opts, out, _ = checkSetup(t, i18n.English)
	opts.Input = "https://www.amazon.co.jp/gp/css/homepage.html"
	if code := codeOf(runCheck(opts)); code != 0 || !strings.Contains(out.String(), "No warning signs found.") {
		t.Errorf("exit %d:\n%s", code, out)
	}

	opts, _, _ = checkSetup(t, i18n.English)
	opts.IO.In = strings.NewReader("")
	err := runCheck(opts)
	if codeOf(err) != exitFailure || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("an empty message: %v", err)
	}

	opts, _, _ = checkSetup(t, i18n.English)
	opts.Input = "no-such-mail.eml"
	if err := runCheck(opts); codeOf(err) != exitUsage || err.Error() != `there is no file "no-such-mail.eml"` {
		t.Errorf("a missing file: %v", err)
	}
}

// TestCheckJSON: the verdict and every finding, in the documented shape.
func TestCheckJSON(t *testing.T) {
	opts, out, _ := checkSetup(t, i18n.English)
	opts.Input, opts.JSON = filepath.Join(fixtures, "amazon-phish-ja.eml"), true
	if code := codeOf(runCheck(opts)); code != exitWarnings {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Verdict string `json:"verdict"`
		Input   struct {
			Kind   string `json:"kind"`
			SHA256 string `json:"sha256"`
		} `json:"input"`
		Service  *struct{ Playbook string } `json:"service"`
		Online   bool                       `json:"online"`
		Findings []struct {
			Severity, Code, Where string
			Line                  *int
			Subject, Detail       *string
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	raw, err := os.ReadFile(opts.Input)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(raw); got.Input.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("sha256 %s is not the file's", got.Input.SHA256)
	}
	if got.Verdict != "warning-signs" || got.Input.Kind != "eml" || got.Service == nil || got.Service.Playbook != "amazon-takeover" || got.Online {
		t.Errorf("%+v", got)
	}
	first := got.Findings[1] // after the note that a lower one was set aside
	if first.Code != "auth.dkim-fail" || first.Severity != "warning" || first.Line == nil || *first.Line != 4 || *first.Subject != "amazon.com" {
		t.Errorf("first finding %+v", first)
	}
}

// TestCheckSave keeps the reading in the open incident's evidence step,
// with the message's SHA-256; without --save nothing is written.
func TestCheckSave(t *testing.T) {
	opts, _, errOut := checkSetup(t, i18n.English)
	opts.Input = filepath.Join(fixtures, "amazon-phish-ja.eml")
	_ = runCheck(opts)
	if _, err := os.Stat(opts.Store.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("check without --save wrote the state file: %v", err)
	}
	if _, err := opts.Store.Update(func(f *state.File) error {
		f.NewIncident("amazon-takeover", "", "", "en", opts.Now())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	opts.Save = true
	if code := codeOf(runCheck(opts)); code != exitWarnings {
		t.Fatalf("exit %d", code)
	}
	file, err := opts.Store.Load()
	if err != nil {
		t.Fatal(err)
	}
	inc, _ := file.Incident(1)
	if len(inc.Events) != 1 || inc.Events[0].Step != "start-evidence-log" || !strings.Contains(inc.Events[0].Note, "warning-signs") || !strings.Contains(inc.Events[0].Note, "sha256 ") {
		t.Errorf("events %+v", inc.Events)
	}
	if !strings.Contains(errOut.String(), "Saved in incident 1, as a note on step start-evidence-log.") {
		t.Errorf("stderr %q", errOut)
	}
}

// TestCheckFindingsHaveWords: every finding mailcheck makes is said in
// both languages (the codes are found in its source).
func TestCheckFindingsHaveWords(t *testing.T) {
	src, err := os.ReadFile("../mailcheck/check.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := os.ReadFile("../mailcheck/words.go")
	dkimSrc, _ := os.ReadFile("../mailcheck/dkim.go")
	all := string(src) + string(more) + string(dkimSrc)
	codes := regexp.MustCompile(`"((?:from|reply-to|link|words|input|dkim|auth)\.[a-z-]+)"`).FindAllStringSubmatch(all, -1)
	if len(codes) < 20 {
		t.Fatalf("found only %d codes", len(codes))
	}
	var keys []string
	for _, c := range codes {
		keys = append(keys, c[1])
	}
	for _, method := range []string{"dkim", "spf", "dmarc"} {
		for _, v := range []string{"pass", "fail", "none"} {
			keys = append(keys, "auth."+method+"-"+v)
		}
	}
	keys = append(keys, "auth.dkim-other", "auth.dmarc-other", "link.shows-imitates", "link.shows-not-official")
	for _, k := range keys {
		if strings.HasSuffix(k, ".") || k == "auth." {
			continue
		}
		for _, l := range i18n.Supported {
			if !i18n.Has("check.f."+k) || l.T("check.f."+k) == "" {
				t.Errorf("no %s words for finding %q", l, k)
			}
		}
	}
}

// TestCheckFindingLines: the screen says a link that shows one address and
// goes to a site not the service's in one line, and the phrases of one kind
// of wording in one line; a link's mismatch stays a warning of its own
// when where it goes is only worth knowing (the service really sent it).
func TestCheckFindingLines(t *testing.T) {
	svc := &mailcheck.Service{Name: "Amazon"}
	w := func(code, subject, detail string) mailcheck.Finding {
		return mailcheck.Finding{Severity: mailcheck.Warning, Code: code, Where: "link", Subject: subject, Detail: detail}
	}
	for _, tc := range []struct {
		name     string
		findings []mailcheck.Finding
		want     []string
	}{
		{"a lookalike link", []mailcheck.Finding{
			w("link.text-mismatch", "https://amazon.co.jp.x.info/", "https://www.amazon.co.jp/"),
			w("link.imitates", "https://amazon.co.jp.x.info/", "x.info"),
			w("link.text-mismatch", "https://x.info/b", "https://www.amazon.co.jp/b"),
		}, []string{
			"✗ A link shows https://www.amazon.co.jp/ but goes to x.info, which uses Amazon's name and is not Amazon's: https://amazon.co.jp.x.info/",
			"✗ A link shows https://www.amazon.co.jp/b but goes somewhere else: https://x.info/b",
		}},
		{"another site of the service's", []mailcheck.Finding{
			w("link.text-mismatch", "https://primevideo.com/", "https://www.amazon.co.jp/"),
			{Severity: mailcheck.Note, Code: "link.not-official", Where: "link", Subject: "https://primevideo.com/", Detail: "primevideo.com"},
		}, []string{
			"✗ A link shows https://www.amazon.co.jp/ but goes somewhere else: https://primevideo.com/",
			"- A link goes to primevideo.com, which is not one of Amazon's addresses: https://primevideo.com/",
		}},
		{"wording", []mailcheck.Finding{
			w("words.threat", "アカウントが停止", ""),
			w("words.deadline", "24時間以内", ""),
			w("words.threat", "制限されます", ""),
		}, []string{
			`✗ It threatens, to frighten you ("アカウントが停止", "制限されます").`,
			`✗ It sets a deadline to hurry you ("24時間以内").`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range findingLines(i18n.English, tc.findings, svc) {
				mark := map[mailcheck.Severity]string{mailcheck.Warning: "✗ ", mailcheck.Note: "- "}[f.severity]
				got = append(got, mark+f.text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	ja := findingLines(i18n.Japanese, []mailcheck.Finding{w("words.odd", "プレイム", ""), w("words.odd", "解決されないの場合", "")}, svc)
	if len(ja) != 1 || ja[0].text != "本物の通知では使われない言葉があります（「プレイム」「解決されないの場合」）。" {
		t.Errorf("Japanese wording: %q", ja)
	}
}

func TestLooksLikeAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"https://www.amazon.co.jp/gp/css/homepage.html": true,
		"amazon.co.jp.xxx.info/signin":                  true,
		"www.example.org":                               true,
		"Amazon <a@example.com>":                        true,
		"mail.eml":                                      false,
		"saved mail.txt":                                false,
		"notes":                                         false,
	} {
		if got := looksLikeAddress(s); got != want {
			t.Errorf("looksLikeAddress(%q) = %v, want %v", s, got, want)
		}
	}
}
