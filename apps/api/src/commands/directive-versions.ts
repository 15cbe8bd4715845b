/** Reading a directive's frozen versions: the list, one version, and the line diff between two. */
import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import { diffLines, withWords } from '@hub/documents'
import { directivePolicy, Forbidden, NotFound } from '@hub/domain'
import { and, asc, eq } from 'drizzle-orm'
import { userNames } from '../services/user-names'
import type { CommandContext } from './context'
import { loadDirective, type VersionContent } from './directive-record'

const v = schema.directiveVersions

export async function listVersions(tx: DbOrTx, id: string) {
  const rows = await tx
    .select({ versionNo: v.versionNo, label: v.label, createdAt: v.createdAt, createdBy: v.createdBy })
    .from(v)
    .where(eq(v.directiveId, id))
    .orderBy(asc(v.versionNo))
  const names = await userNames(
    tx,
    rows.map((r) => r.createdBy),
  )
  return {
    versions: rows.map((r) => ({
      ...r,
      createdByName: names.get(r.createdBy ?? '') ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  }
}

async function readable(ctx: CommandContext, actor: CurrentUser, id: string) {
  const row = await loadDirective(ctx.dbh.db, id)
  if (!directivePolicy.read(actor, ctx.units.tree, row)) throw new Forbidden()
  return row
}

export async function directiveVersions(ctx: CommandContext, actor: CurrentUser, id: string) {
  await readable(ctx, actor, id)
  return listVersions(ctx.dbh.db, id)
}

export async function directiveVersion(ctx: CommandContext, actor: CurrentUser, id: string, versionNo: number) {
  await readable(ctx, actor, id)
  const [row] = await ctx.dbh.db
    .select()
    .from(v)
    .where(and(eq(v.directiveId, id), eq(v.versionNo, versionNo)))
    .limit(1)
  if (!row) throw new NotFound('version')
  const content = row.content as VersionContent
  return {
    version: {
      versionNo: row.versionNo,
      label: row.label,
      plainText: row.plainText,
      body: content.body,
      doc: content.doc,
      createdAt: row.createdAt.toISOString(),
    },
  }
}

export async function directiveDiff(ctx: CommandContext, actor: CurrentUser, id: string, from: number, to: number) {
  const a = await directiveVersion(ctx, actor, id, from)
  const b = await directiveVersion(ctx, actor, id, to)
  return { from, to, parts: withWords(diffLines(a.version.plainText, b.version.plainText)) }
}
