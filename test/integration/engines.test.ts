// The Node versions package.json declares (engines) are true: the running Node is among them, and no package
// in package-lock.json needs a newer Node than the oldest of each declared line.

import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>
}

/** The oldest Node of each line the project declares (e.g. 20.19.0, 22.13.0, 24.0.0). */
const oldest = new semver.Range(manifest.engines.node).set.map(
  (set) => semver.minVersion(new semver.Range(set.map((c) => c.value).join(' ')))!.version,
)

describe('declared engines are true for every installed package', () => {
  it('declares Node lines, the running one among them', () => {
    expect(oldest.length).toBeGreaterThan(0)
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true)
  })

  it('no package in the lock file asks for a newer Node than the oldest of each declared line', () => {
    const refused: string[] = []
    for (const [path, p] of Object.entries(lock.packages)) {
      const wanted = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined
      if (!path || !wanted) continue
      for (const node of oldest)
        if (!semver.satisfies(node, wanted)) refused.push(`${path}@${p.version} needs node ${wanted}, not ${node}`)
    }
    expect(refused).toEqual([])
  })
})
