// How `npm run backup` gets a consistent copy of a running hub's embedded database: it leaves a
// request in the data folder and signals the process holding the folder (SIGUSR2), which dumps the
// database through its own connection and answers in the folder. Local only: whoever may signal the
// hub may read its folder anyway.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type DbHandle, dumpEmbedded } from '@hub/db'
import type { Logger } from 'pino'

interface BackupRequest {
  id: string
  /** Absolute path of the file to write. */
  file: string
}
type BackupAnswer = { ok: true; bytes: number } | { ok: false; error: string }

const requestFile = (dataDir: string) => join(resolve(dataDir), 'backup-request.json')
const answerFile = (dataDir: string, id: string) => join(resolve(dataDir), `backup-${id}.answer.json`)

/** Writes a file whole or not at all (a reader never sees half of it). */
function writeWhole(file: string, data: string | Uint8Array) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(`${file}.partial`, data)
  renameSync(`${file}.partial`, file)
}

/** In the hub: answers backup requests (SIGUSR2) with a dump of its embedded database. */
export function answerBackupRequests(dbh: DbHandle, dataDir: string, log: Logger): () => void {
  const answer = async () => {
    let request: BackupRequest
    try {
      request = JSON.parse(readFileSync(requestFile(dataDir), 'utf8')) as BackupRequest
      rmSync(requestFile(dataDir), { force: true })
    } catch {
      return // a stray signal, or a request already answered
    }
    let result: BackupAnswer
    try {
      const bytes = await dumpEmbedded(dbh)
      writeWhole(request.file, bytes)
      result = { ok: true, bytes: bytes.length }
      log.info({ file: request.file, bytes: bytes.length }, 'backup written')
    } catch (err) {
      result = { ok: false, error: (err as Error).message }
      log.error({ err, file: request.file }, 'backup failed')
    }
    writeWhole(answerFile(dataDir, request.id), JSON.stringify(result))
  }
  const onSignal = () => void answer()
  process.on('SIGUSR2', onSignal)
  return () => process.off('SIGUSR2', onSignal)
}

/** From the backup command: asks the hub process `pid` holding `dataDir` to dump to `file`. */
export async function requestBackup(dataDir: string, pid: number, file: string, timeoutMs = 600_000) {
  const id = randomUUID()
  writeWhole(requestFile(dataDir), JSON.stringify({ id, file: resolve(file) } satisfies BackupRequest))
  process.kill(pid, 'SIGUSR2')
  const answer = answerFile(dataDir, id)
  const deadline = Date.now() + timeoutMs
  while (!existsSync(answer)) {
    if (Date.now() > deadline) {
      rmSync(requestFile(dataDir), { force: true })
      throw new Error(`The hub (process ${pid}) did not answer the backup request within ${timeoutMs / 1000} s`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const result = JSON.parse(readFileSync(answer, 'utf8')) as BackupAnswer
  rmSync(answer, { force: true })
  if (!result.ok) throw new Error(`The hub could not write the backup: ${result.error}`)
  return result.bytes
}
