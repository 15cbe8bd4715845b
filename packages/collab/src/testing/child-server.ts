// A collab server in its own process, for kill -9 tests:
//   node --import tsx packages/collab/src/testing/child-server.ts <dataDir>
// Prints {"base": "http://127.0.0.1:<port>"} on one line once it listens. Stub auth: every cookie writes.
import { startCollab } from './harness'

const dataDir = process.argv[2]
if (!dataDir) {
  console.error('usage: child-server.ts <dataDir>')
  process.exit(2)
}
const s = await startCollab({ dataDir })
process.stdout.write(`${JSON.stringify({ base: s.base, pid: process.pid })}\n`)
process.on('SIGTERM', () => {
  void s.close().then(() => process.exit(0))
})
