// The city's report of a period: composed from the units' periodic reports and the measure into the
// collaborative document `city-report:<id>` the office edits, listed per period, exported in the
// formal layout (DOCX/PDF) from the document's current text.
import type { CurrentUser } from '@hub/auth'
import { type DbOrTx, schema } from '@hub/db'
import { plainTextOfState, renderCityReportDocx, renderCityReportPdf } from '@hub/documents'
import {
  type CityMeasureRow,
  type CityReportSource,
  Conflict,
  cityReportPolicy,
  composeCityReport,
  Forbidden,
  NotFound,
  type Period,
  parsePeriod,
  vnDay,
} from '@hub/domain'
import { and, desc, eq, gte, lte, ne } from 'drizzle-orm'
import { z } from 'zod'
import { audit } from './audit'
import { Service } from './change'
import { documentsOf, documentText, initialContentOf } from './document-text'
import { badPeriod, MeasureService } from './measure'
import { withUsers } from './user-names'

export const cityReportCreateSchema = z
  .object({
    /** The period, as the periodic reports write it: a day `YYYY-MM-DD`, a week `YYYY-Www`, a month `YYYY-MM`. */
    period: z.string().trim().min(1).max(20),
  })
  .strict()

export const cityReportListQuerySchema = z.object({ period: z.string().trim().max(20).optional() })

export type CityReportFormat = 'docx' | 'pdf'

const contentTypes: Record<CityReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

type Row = typeof schema.cityReports.$inferSelect

/** The name of a city report's collaborative document. */
export const cityReportDocName = (id: string) => `city-report:${id}`

/**
 * The city's reports: the Party office and the standing committee compose and edit them, other
 * city-level people read them, districts and communes neither (cityReportPolicy).
 */
export class CityReportService extends Service {
  private city() {
    const root = this.units.root()
    if (!root) throw new NotFound('unit')
    return root
  }

  private access(actor: CurrentUser) {
    const city = this.city()
    return { city, access: cityReportPolicy.access(actor, this.units.tree, city.id) }
  }

  present(r: Row, composedByName: string | null, access: 'write' | 'read') {
    return {
      id: r.id,
      docName: cityReportDocName(r.id),
      issuerUnitId: r.issuerUnitId,
      period: r.period,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      title: r.title,
      number: r.number,
      composedBy: r.composedBy,
      composedByName,
      composedAt: r.composedAt.toISOString(),
      version: r.version,
      canEdit: access === 'write',
    }
  }

  /**
   * Composes the city's report of a period from the records and opens its document with that draft;
   * one per period. A period in the future, or not a day, week or month, is refused.
   */
  async create(
    actor: CurrentUser,
    input: z.infer<typeof cityReportCreateSchema>,
    requestId?: string,
    now = new Date(),
  ) {
    const { city, access } = this.access(actor)
    if (access !== 'write') throw new Forbidden()
    const today = vnDay(now)
    const period = parsePeriod(input.period, today)
    if (!period?.cycle || period.from > today) throw badPeriod()
    const composed = composeCityReport(await this.sources(actor, period, today))
    const state = initialContentOf({ preamble: composed.paragraphs.join('\n'), clauses: [], closing: '' })
    return await this.change(async (tx) => {
      const [row] = await tx
        .insert(schema.cityReports)
        .values({
          issuerUnitId: city.id,
          period: period.key,
          periodStart: period.from,
          periodEnd: period.to,
          title: composed.title,
          composedBy: actor.userId,
          composedAt: now,
        })
        .onConflictDoNothing()
        .returning()
      if (!row) {
        const [existing] = await tx
          .select({ id: schema.cityReports.id })
          .from(schema.cityReports)
          .where(and(eq(schema.cityReports.issuerUnitId, city.id), eq(schema.cityReports.period, period.key)))
        throw new Conflict('city_report_exists', 'cityReportExists', {}, { id: existing?.id })
      }
      // The document starts as the composed draft: written with the record, so that it never exists
      // without it and no two editors both insert the draft (the collab store reads this row on opening).
      await tx
        .insert(schema.yDocuments)
        .values({ name: cityReportDocName(row.id), snapshot: state, plainText: plainTextOfState(state) })
      const report = this.present(row, actor.fullName, 'write')
      await audit(tx, { actor, requestId }, 'city_report.create', ['city_report', row.id], {
        after: { ...report, reported: composed.reported, missing: composed.missing },
      })
      return { cityReport: report }
    })
  }

  /** The city's reports, newest period first; `period` narrows to one. */
  async list(actor: CurrentUser, q: z.infer<typeof cityReportListQuerySchema>) {
    const { city, access } = this.access(actor)
    if (access === 'none') throw new Forbidden()
    const r = schema.cityReports
    const conds = [eq(r.issuerUnitId, city.id)]
    if (q.period) {
      const p = parsePeriod(q.period, vnDay())
      if (!p?.cycle) throw badPeriod()
      conds.push(eq(r.period, p.key))
    }
    const rows = await this.withNames(this.db, and(...conds))
    return { cityReports: rows.map((x) => this.present(x.row, x.name, access)) }
  }

  async get(actor: CurrentUser, id: string) {
    // Refused before the lookup: one who may read no city report learns nothing of which ids exist.
    const { access } = this.access(actor)
    if (access === 'none') throw new Forbidden()
    const [found] = await this.withNames(this.db, eq(schema.cityReports.id, id))
    if (!found) throw new NotFound('report')
    return { cityReport: this.present(found.row, found.name, access) }
  }

  /** The report in its formal layout, its body the collaborative document's text as it stands now. */
  async export(actor: CurrentUser, id: string, format: CityReportFormat) {
    const { cityReport } = await this.get(actor, id)
    const city = this.city()
    const text = await documentText(documentsOf(this.deps), cityReport.docName)
    const place = city.shortName || 'Hà Nội'
    const bytes =
      format === 'docx'
        ? await renderCityReportDocx(this.document(cityReport, place, text?.plainText ?? ''))
        : await renderCityReportPdf(this.document(cityReport, place, text?.plainText ?? ''))
    return {
      bytes: new Uint8Array(bytes),
      contentType: contentTypes[format],
      fileName: `bao-cao-${cityReport.period}.${format}`,
    }
  }

  private document(r: ReturnType<CityReportService['present']>, place: string, body: string) {
    return {
      layout: 'party' as const,
      issuer: `THÀNH ỦY ${place.toLocaleUpperCase('vi')}`,
      number: r.number,
      place,
      date: vnDay(),
      title: r.title,
      body,
      recipients: [
        { name: 'Thường trực Thành ủy', capacity: 'report' as const },
        { name: 'Các đồng chí Ủy viên Ban Thường vụ Thành ủy', capacity: 'inform' as const },
        { name: 'Văn phòng Thành ủy', capacity: 'archive' as const },
      ],
      signer: { onBehalfOf: 'T/L BAN THƯỜNG VỤ', title: 'CHÁNH VĂN PHÒNG', name: '' },
    }
  }

  private async withNames(db: DbOrTx, where: ReturnType<typeof and>) {
    const r = schema.cityReports
    const rows = await db.select().from(r).where(where).orderBy(desc(r.periodStart), desc(r.composedAt))
    return await withUsers(db, rows, (x) => x.composedBy)
  }

  /**
   * What the composition reads: the units owing a report in the period (by the schedules in force
   * then), every periodic report of the period with its author, and the measure of those units.
   */
  private async sources(actor: CurrentUser, period: Period, today: string) {
    const r = schema.reports
    const rows = await withUsers(
      this.db,
      await this.db
        .select()
        .from(r)
        .where(and(ne(r.kind, 'task'), gte(r.periodStart, period.from), lte(r.periodStart, period.to)))
        .orderBy(r.submittedAt),
      (x) => x.submittedBy,
    )
    const reports: CityReportSource[] = rows.map(({ row: report, name }) => ({
      unitId: report.unitId,
      unitName: this.units.get(report.unitId)?.name ?? '',
      periodStart: report.periodStart!,
      submittedByName: name,
      body: report.narrative,
      figures: report.figures,
      difficulties: report.difficulties,
    }))
    const schedules = (await this.db.select().from(schema.reportSchedules)).filter(
      (s) => s.startsOn <= period.to && (!s.endsOn || s.endsOn >= period.from),
    )
    const kinds = new Set(schedules.map((s) => s.unitKind).filter(Boolean))
    const ids = new Set(schedules.map((s) => s.unitId).filter(Boolean))
    const expected = this.units
      .all()
      .filter((u) => (!u.validTo || u.validTo >= period.from) && u.validFrom <= period.to)
      .filter((u) => ids.has(u.id) || kinds.has(u.kind))
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind }))
    const measured = new Map(expected.map((u) => [u.id, u]))
    for (const rep of reports) {
      const u = this.units.get(rep.unitId)
      if (u && !measured.has(u.id)) measured.set(u.id, { id: u.id, name: u.name, kind: u.kind })
    }
    const { result } = await new MeasureService(this.deps).compute(actor, [...measured.values()], period, today)
    const measure: CityMeasureRow[] = [...result.values()].map(({ figures: f }) => ({
      unitId: f.unitId,
      score: f.score,
      rating: f.rating,
      overdue: f.overdue,
      reportsExpected: f.reportsExpected,
      reportsLate: f.reportsLate,
      reportsMissing: f.reportsMissing,
    }))
    return { period, expected, reports, measure }
  }
}
