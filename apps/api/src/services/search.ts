// Search over everything a user may read (models, directives and their clauses, tasks, reports,
// meeting minutes, units), diacritics optional, matched in SQL the same way on PGlite and PostgreSQL,
// ranked after each record's own read policy. Behind GET /api/search.

import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import {
  containsPattern,
  directingRoots,
  directivePolicy,
  directs,
  matchRanges,
  meetingStanding,
  modelPolicy,
  reachRoots,
  reportPolicy,
  type SearchResult,
  type SearchTerms,
  type SearchType,
  searchScore,
  searchTerms,
  searchTypes,
  snippetOf,
  taskPolicy,
  unitPolicy,
} from '@hub/domain'
import { and, type Column, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { Service } from './change'
import { supportsOf } from './tasks'

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  /** One type, or several separated by commas. */
  type: z
    .string()
    .regex(new RegExp(`^(${searchTypes.join('|')})(,(${searchTypes.join('|')}))*$`), `one of ${searchTypes.join(', ')}`)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})
export type SearchQuery = z.infer<typeof searchQuerySchema>

export { type SearchResult, type SearchType, searchTypes }

/** A candidate before policy and ranking. */
interface Hit {
  id: string
  title: string
  body: string
  date: Date | null
  extra?: Partial<SearchResult>
  /** Whether the actor may read it (the resource's own policy). */
  visible: boolean
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => `\\${m}`)

/** Candidates fetched per type before the policies and the ranking pick the best. */
const PER_TYPE = 60
const yd = schema.yDocuments

/**
 * One search over models, directives, clauses, tasks, reports, meeting minutes and units.
 * Matching runs in SQL on `hub_fold(...)` (the same folding as `foldVietnamese`, so PGlite and
 * PostgreSQL agree): every word of the query must occur. Collaborative documents are matched on the
 * plain-text projection the collab server keeps. Each type's own read policy filters the candidates
 * (a SQL narrowing first, then the policy itself), and the rest are ranked by `searchScore`.
 */
export class SearchService extends Service {
  async search(actor: CurrentUser, q: SearchQuery): Promise<{ results: SearchResult[]; query: string }> {
    const terms = searchTerms(q.q)
    if (!terms.tokens.length) return { results: [], query: terms.phrase }
    const types = new Set<SearchType>((q.type?.split(',') as SearchType[] | undefined) ?? searchTypes)
    const jobs: Promise<[SearchType, Hit[]]>[] = []
    const run = (t: SearchType, f: () => Promise<Hit[]>) => {
      if (types.has(t)) jobs.push(f().then((h) => [t, h]))
    }
    run('model', () => this.models(actor, terms))
    run('directive', () => this.directives(actor, terms))
    run('clause', () => this.clauses(actor, terms))
    run('task', () => this.tasks(actor, terms))
    run('report', () => this.reports(actor, terms))
    run('meeting', () => this.meetings(actor, terms))
    run('unit', () => this.unitHits(actor, terms))
    // One connection (PGlite) serves the queries one by one anyway; order does not matter.
    const found = await Promise.all(jobs)
    const now = new Date()
    const results: SearchResult[] = []
    for (const [type, hits] of found)
      for (const h of hits) {
        if (!h.visible) continue
        const inBody = matchRanges(h.body, terms.tokens).length > 0
        const { snippet, highlights } = snippetOf(inBody ? h.body : h.body || h.title, terms.tokens)
        results.push({
          type,
          id: h.id,
          title: h.title,
          snippet,
          highlights,
          titleHighlights: matchRanges(h.title, terms.tokens),
          date: h.date?.toISOString() ?? null,
          score: Math.round(searchScore(h.title, h.body, terms, h.date, now) * 100) / 100,
          ...h.extra,
        })
      }
    results.sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''))
    return { results: results.slice(0, q.limit), query: terms.phrase }
  }

  /**
   * Every word of the query is a word of the folded text, the last one possibly unfinished (so
   * "phieu di c" already finds "phiếu đi chợ" while "cho" does not match inside "chống"). `words`
   * is `hub_search_words(...)`: a stored column for the large tables, computed for the small ones.
   */
  private matches(words: SQL | Column | (SQL | Column)[], terms: SearchTerms): SQL {
    const cols = Array.isArray(words) ? words : [words]
    const last = terms.tokens.length - 1
    return and(
      ...terms.tokens.map((w, i) => {
        const pattern = i === last ? `% ${escapeLike(w)}%` : `% ${escapeLike(w)} %`
        return or(...cols.map((c) => sql`${c} like ${pattern}`))!
      }),
    )!
  }

  /** The folded words of a text computed in the query (small tables only). */
  private words(text: SQL): SQL {
    return sql`hub_search_words(${text})`
  }

  /** Title matches first, then the rest, newest first: the candidates worth ranking. */
  private titleFirst(title: SQL | unknown, terms: SearchTerms): SQL {
    return sql`(hub_fold(${title}) like ${containsPattern(terms.phrase)}) desc`
  }

  private everywhere(actor: CurrentUser) {
    const root = this.units.root()
    return !!root && directs(actor, this.units.tree, root.id)
  }

  private reach(roots: string[]) {
    return [...new Set(roots.flatMap((u) => this.units.tree.subtree(u)))]
  }

  private async models(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    if (!modelPolicy.read(actor)) return []
    const mp = schema.modelPractices
    const text = sql`${mp.title} || ' ' || ${mp.summary} || ' ' || ${mp.results} || ' ' || array_to_string(${mp.tags}, ' ') || ' ' || coalesce(${yd.plainText}, '')`
    const rows = await this.db
      .select({ p: mp, doc: yd.plainText })
      .from(mp)
      .leftJoin(yd, eq(yd.name, sql`'model:' || ${mp.id}`))
      .where(this.matches(this.words(text), terms))
      .orderBy(this.titleFirst(mp.title, terms), desc(mp.updatedAt))
      .limit(PER_TYPE)
    return rows.map(({ p, doc }) => ({
      id: p.id,
      title: p.title,
      body: [p.summary, p.results, p.tags.join(', '), doc ?? ''].filter(Boolean).join(' '),
      date: p.updatedAt,
      extra: { unitId: p.originUnitId, status: p.status },
      visible: true,
    }))
  }

  /** Drafts only where the actor directs the issuer or wrote them; issued ones for everyone with a role. */
  private directiveScope(actor: CurrentUser): SQL | undefined {
    if (this.everywhere(actor)) return undefined
    const d = schema.directives
    const directing = this.reach(directingRoots(actor))
    return or(
      inArray(d.status, ['issued', 'in_force', 'closed', 'replaced']),
      eq(d.createdBy, actor.userId),
      directing.length ? inArray(d.issuerUnitId, directing) : undefined,
    )
  }

  /** A directive by its number, title, preamble, live text and implementation plan (`plan:<id>`). */
  private async directives(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    const d = schema.directives
    const plan = alias(yd, 'plan_doc')
    const text = sql`coalesce(${d.number}, '') || ' ' || ${d.title} || ' ' || ${d.preamble} || ' ' || coalesce(${yd.plainText}, '') || ' ' || coalesce(${plan.plainText}, '')`
    const rows = await this.db
      .select({ d, doc: yd.plainText, plan: plan.plainText })
      .from(d)
      .leftJoin(yd, eq(yd.name, sql`'directive:' || ${d.id}`))
      .leftJoin(plan, eq(plan.name, sql`'plan:' || ${d.id}`))
      .where(and(this.matches(this.words(text), terms), this.directiveScope(actor)))
      .orderBy(this.titleFirst(sql`coalesce(${d.number}, '') || ' ' || ${d.title}`, terms), desc(d.updatedAt))
      .limit(PER_TYPE)
    return rows.map(({ d: row, doc, plan: planText }) => ({
      id: row.id,
      title: row.number ? `${row.number}: ${row.title}` : row.title,
      body: [row.preamble, doc ?? '', planText ?? ''].filter(Boolean).join(' '),
      date: row.updatedAt,
      extra: { status: row.status, unitId: row.issuerUnitId },
      visible: directivePolicy.read(actor, this.units.tree, row),
    }))
  }

  private async clauses(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    const d = schema.directives
    const c = schema.directiveClauses
    const rows = await this.db
      .select({ c, d })
      .from(c)
      .innerJoin(d, eq(d.id, c.directiveId))
      .where(and(this.matches(c.searchWords, terms), this.directiveScope(actor)))
      .orderBy(desc(d.updatedAt), c.ordinal)
      .limit(PER_TYPE)
    return rows.map(({ c: clause, d: row }) => ({
      id: clause.id,
      title: `${row.number ?? row.title} – mục ${clause.ordinal}`,
      body: clause.text,
      date: row.updatedAt,
      extra: { directiveId: row.id, status: row.status },
      visible: directivePolicy.read(actor, this.units.tree, row),
    }))
  }

  /** Tasks whose lead or supporting unit is in the actor's reach, or for which the actor is accountable. */
  private taskScope(actor: CurrentUser): SQL | undefined {
    if (this.everywhere(actor)) return undefined
    const t = schema.tasks
    const reach = this.reach(reachRoots(actor))
    const own = eq(t.accountableUserId, actor.userId)
    if (!reach.length) return own
    return or(
      own,
      inArray(t.leadUnitId, reach),
      sql`exists (select 1 from ${schema.taskSupportUnits} s where s.task_id = ${t.id} and s.unit_id in ${reach})`,
    )
  }

  private async tasks(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    const t = schema.tasks
    const rows = await this.db
      .select()
      .from(t)
      .where(and(this.matches(t.searchWords, terms), this.taskScope(actor)))
      // The stored words, not the title folded per row: thousands of tasks may match a common word.
      .orderBy(sql`(${t.searchWords} like ${`% ${terms.tokens.map(escapeLike).join(' ')}%`}) desc`, desc(t.updatedAt))
      .limit(PER_TYPE)
    const supports = await supportsOf(
      this.db,
      rows.map((r) => r.id),
    )
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.description,
      date: row.updatedAt,
      extra: { unitId: row.leadUnitId, status: row.status },
      visible: taskPolicy.read(actor, this.units.tree, { ...row, supportUnitIds: supports.get(row.id) ?? [] }),
    }))
  }

  private async reports(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    const r = schema.reports
    const t = schema.tasks
    const everywhere = this.everywhere(actor)
    const reach = this.reach(reachRoots(actor))
    const scope = everywhere
      ? undefined
      : or(
          reach.length ? inArray(r.unitId, reach) : undefined,
          sql`${r.taskId} is not null and (${this.taskScope(actor) ?? sql`true`})`,
        )
    const rows = await this.db
      .select({
        r,
        task: { id: t.id, title: t.title, leadUnitId: t.leadUnitId, accountableUserId: t.accountableUserId },
      })
      .from(r)
      .leftJoin(t, eq(t.id, r.taskId))
      .where(and(this.matches([r.searchWords, sql`coalesce(${t.searchWords}, '')`], terms), scope))
      .orderBy(desc(r.submittedAt))
      .limit(PER_TYPE)
    const supports = await supportsOf(
      this.db,
      rows.flatMap((x) => (x.task?.id ? [x.task.id] : [])),
    )
    return rows.map(({ r: row, task }) => {
      const unit = this.units.get(row.unitId)?.name ?? ''
      const day = row.submittedAt.toISOString().slice(0, 10).split('-').reverse().join('/')
      const visible = task
        ? taskPolicy.read(actor, this.units.tree, { ...task, supportUnitIds: supports.get(task.id) ?? [] })
        : reportPolicy.read(actor, this.units.tree, row.unitId)
      return {
        id: row.id,
        title: task ? `Báo cáo: ${task.title}` : `Báo cáo ${unit} ngày ${day}`,
        body: [unit, row.narrative, row.difficulties].filter(Boolean).join(' '),
        date: row.submittedAt,
        extra: { taskId: row.taskId, unitId: row.unitId },
        visible,
      }
    })
  }

  private async meetings(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    const m = schema.meetings
    const everywhere = this.everywhere(actor)
    const directing = this.reach(directingRoots(actor))
    const attends = sql`exists (select 1 from ${schema.meetingAttendees} a where a.meeting_id = ${m.id} and a.user_id = ${actor.userId})`
    const scope = everywhere ? undefined : or(attends, directing.length ? inArray(m.hostUnitId, directing) : undefined)
    const rows = await this.db
      .select({ m, doc: yd.plainText, attends: sql<boolean>`${attends}` })
      .from(m)
      .leftJoin(yd, eq(yd.name, sql`'meeting:' || ${m.id}`))
      .where(
        and(
          this.matches(
            this.words(sql`${m.title} || ' ' || ${m.conclusions} || ' ' || coalesce(${yd.plainText}, '')`),
            terms,
          ),
          scope,
        ),
      )
      .orderBy(this.titleFirst(m.title, terms), desc(m.startsAt))
      .limit(PER_TYPE)
    const root = this.units.root()?.id ?? ''
    return rows.map(({ m: row, doc, attends: a }) => ({
      id: row.id,
      title: row.title,
      body: [row.conclusions, doc ?? ''].filter(Boolean).join(' '),
      date: row.startsAt,
      extra: { status: row.status, unitId: row.hostUnitId },
      visible: meetingStanding(actor, this.units.tree, row.hostUnitId ?? root, !!a) !== null,
    }))
  }

  private async unitHits(actor: CurrentUser, terms: SearchTerms): Promise<Hit[]> {
    if (!unitPolicy.read(actor)) return []
    const u = schema.units
    const rows = await this.db
      .select()
      .from(u)
      .where(
        this.matches(
          this.words(sql`${u.name} || ' ' || ${u.code} || ' ' || array_to_string(${u.aliases}, ' ')`),
          terms,
        ),
      )
      .orderBy(this.titleFirst(u.name, terms), u.kind, u.sortOrder)
      .limit(PER_TYPE)
    return rows.map((row) => ({
      id: row.id,
      title: row.name,
      body: [row.aliases.join(', '), row.validTo ? `đến ${row.validTo.split('-').reverse().join('/')}` : '']
        .filter(Boolean)
        .join(' '),
      date: null,
      extra: { unitId: row.parentId, status: row.kind },
      visible: true,
    }))
  }
}
