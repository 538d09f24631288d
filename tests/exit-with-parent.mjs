// Preloaded (node --import) into every server process the tests spawn (tests/server-process.ts): when the test
// process that spawned it is gone, killed or timed out before its cleanup ran, the server goes too instead of
// living on as an orphan. Its parent is gone when the kernel re-parents it (its ppid changes).
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL')
}, 500).unref()
