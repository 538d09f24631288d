// Preloaded (node --import) by the fault suite into a server process: on SIGUSR2 it throws from a timer, where no
// caller can catch it, to exercise server.js's last resort for uncaught exceptions.
process.on('SIGUSR2', () => {
  setImmediate(() => {
    throw new Error('uncaught test exception (tests/throw-on-signal.mjs)')
  })
})
