// A collab server in its own process, for kill -9 tests and the relay benchmark:
//   node --import tsx packages/collab/src/testing/child-server.ts <dataDir> [--relay-at-once]
// Prints {"base": "http://127.0.0.1:<port>"} on one line once it listens. Stub auth: every cookie writes.
// --relay-at-once sends updates on before their write commits (the benchmark's comparison).
import { startCollab } from './harness'

const dataDir = process.argv[2]
if (!dataDir) {
  console.error('usage: child-server.ts <dataDir> [--relay-at-once]')
  process.exit(2)
}
const s = await startCollab({
  dataDir,
  server: { relayAfterDurable: !process.argv.includes('--relay-at-once') },
})
process.stdout.write(`${JSON.stringify({ base: s.base, pid: process.pid })}\n`)
process.on('SIGTERM', () => {
  void s.close().then(() => process.exit(0))
})
