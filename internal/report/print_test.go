package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/acctguard/acctguard/internal/i18n"
)

// The printable page is printed by a real browser: headless Chromium
// makes a PDF and a screenshot of each language's page, and the PDF's
// text is read back with poppler's pdftotext. Without chromium,
// pdfinfo and pdftotext the test is skipped, unless
// ACCTGUARD_REQUIRE_CHROMIUM=1 (as in CI). ACCTGUARD_PRINT_DIR keeps the
// PDFs and screenshots there, to look at.
func TestPrintInChromium(t *testing.T) {
	for _, tool := range []string{"chromium", "pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("ACCTGUARD_REQUIRE_CHROMIUM") == "1" {
				t.Fatalf("%s is needed to test the printable page: %v", tool, err)
			}
			t.Skipf("%s not found; install chromium and poppler-utils to test the printable page", tool)
		}
	}
	dir := os.Getenv("ACCTGUARD_PRINT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}

	titles := map[i18n.Lang]string{}
	for _, lang := range i18n.Supported {
		r := fixture(lang)
		titles[lang] = r.Phases[1].Steps[6].Title // call-card-issuers
	}
	for _, lang := range i18n.Supported {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			page := filepath.Join(dir, "report."+string(lang)+".html")
			if err := os.WriteFile(page, render(t, HTML, fixture(lang)), 0o644); err != nil {
				t.Fatal(err)
			}
			pdf := printPage(t, page)
			text := pdfText(t, pdf, 0)
			want := []string{
				msg(lang, "title"),
				titles[lang],
				// A note as typed, in Japanese in both reports.
				"本物のAmazonからの連絡です。",
				msg(lang, "head.zone"), "JST", "UTC+09:00",
				"https://www.npa.go.jp/bureau/cyber/countermeasures/unauthorized-access.html",
			}
			if lang == i18n.Japanese {
				want = append(want, "段階ごとの手順", "手順書のすべての手順を順に並べています。")
			}
			for _, s := range want {
				if !strings.Contains(unbroken(text), unbroken(s)) {
					t.Errorf("the printed page lacks %q:\n%s", s, text)
				}
			}
			// Tofu or a missing font shows as U+FFFD or no text at all.
			if strings.ContainsRune(text, '\uFFFD') {
				t.Errorf("the printed page holds U+FFFD")
			}
		})
	}

	t.Run("charges table", func(t *testing.T) {
		t.Parallel()
		page := filepath.Join(dir, "table.html")
		if err := os.WriteFile(page, []byte(renderDocument(chargesDocument(70), i18n.English)), 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := printPage(t, page)
		pages := pdfPages(t, pdf)
		if pages < 2 {
			t.Fatalf("the table fills %d page, want more to see its head repeat", pages)
		}
		for p := 1; p <= pages; p++ {
			if text := pdfText(t, pdf, p); !regexp.MustCompile(`Date +Merchant +Order +Amount`).MatchString(text) {
				t.Errorf("page %d lacks the table's head:\n%s", p, text)
			}
		}
		text := pdfText(t, pdf, 0)
		if n := strings.Count(text, "¥9,371"); n != 1 {
			t.Errorf("the total is printed %d times, want once at the end", n)
		}
		// An amount stands at the right of its line, past the order.
		if !regexp.MustCompile(`(?m)503-1234567-7654321 +¥2,925$`).MatchString(text) {
			t.Errorf("the amount is not at the end of its row:\n%s", text)
		}
	})
}

// printPage prints page to PDF and takes a screenshot of it, and checks
// that the PDF's pages are A4.
func printPage(t *testing.T, page string) string {
	t.Helper()
	base := strings.TrimSuffix(page, ".html")
	pdf, png := base+".pdf", base+".png"
	url := "file://" + filepath.ToSlash(page)
	chromium(t, "--print-to-pdf="+pdf, url)
	chromium(t, "--screenshot="+png, "--window-size=1240,1754", url)
	for _, f := range []string{pdf, png} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Fatalf("chromium wrote no %s: %v", filepath.Base(f), err)
		}
	}
	info := run(t, "pdfinfo", pdf)
	m := regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if w < 594 || w > 596 || h < 841 || h > 843 {
		t.Errorf("page size %v x %v pts, want A4 (595 x 842)", w, h)
	}
	return pdf
}

func chromium(t *testing.T, args ...string) {
	t.Helper()
	// As root Chromium runs only without its sandbox; what it says on
	// stderr about D-Bus and the GPU is harmless.
	// Each run has a profile of its own, so that runs side by side do
	// not find each other's lock.
	run(t, "chromium", append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}, args...)...)
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", pdf))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pdfText is the text of page p of pdf as laid out, or of all its pages
// when p is 0.
func pdfText(t *testing.T, pdf string, p int) string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if p > 0 {
		args = append(args, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
	}
	return run(t, "pdftotext", append(args, pdf, "-")...)
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// unbroken is text without its line breaks and the blanks around them,
// as a line wrapped on the page is compared with the line it was.
func unbroken(s string) string {
	return regexp.MustCompile(`\s+`).ReplaceAllString(s, "")
}
