package cli

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"golang.org/x/term"
)

// interruptGuard makes Ctrl-C, SIGTERM and SIGHUP end an interactive
// command the same way as Ctrl-C at a prompt: a save in progress completes
// first, the terminal is put back as it was, the person is told how to
// resume, and the process exits with 130.
type interruptGuard interface {
	// Saving runs save so that no signal ends the process in the middle.
	Saving(save func() error) error
	// Stop removes the signal handlers.
	Stop()
}

// noGuard is the guard for tests: signals are not involved.
type noGuard struct{}

func (noGuard) Saving(save func() error) error { return save() }
func (noGuard) Stop()                          {}

type signalGuard struct {
	mu      sync.Mutex
	signals chan os.Signal
	done    chan struct{}
}

// guardSignals installs the handlers. stdinFd is the terminal whose mode
// is restored: survey puts it in raw mode and restores it only through a
// deferred call, which a signal would skip. onSignal prints how to resume.
func guardSignals(stdinFd int, onSignal func()) *signalGuard {
	g := &signalGuard{signals: make(chan os.Signal, 1), done: make(chan struct{})}
	saved, err := term.GetState(stdinFd)
	signal.Notify(g.signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		select {
		case <-g.signals:
		case <-g.done:
			return
		}
		g.mu.Lock() // wait for a save in progress; never released
		if err == nil {
			_ = term.Restore(stdinFd, saved)
		}
		onSignal()
		os.Exit(exitCancelled)
	}()
	return g
}

func (g *signalGuard) Saving(save func() error) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return save()
}

func (g *signalGuard) Stop() {
	signal.Stop(g.signals)
	close(g.done)
}
