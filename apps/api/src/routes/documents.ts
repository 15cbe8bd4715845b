// /api/documents/{docName}/versions: the HTTP face of the collab server's named versions of a live
// document (directive, plan, model, meeting minutes, assignment table): read by whoever may read it,
// saved and restored by whoever may edit it. Mounted only where the collab server runs.

import { createRoute, z } from '@hono/zod-openapi'
import {
  type CollabServer,
  DOC_NAME_PATTERN,
  diffVersions,
  documentAccess,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
  versionBelongsTo,
} from '@hub/collab'
import { documentVersionSchema, Forbidden, NotFound } from '@hub/domain'
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../context'
import { userNames } from '../services/user-names'
import { body, createRouter, errorsFor, json } from './router'

const docParam = z.object({
  docName: z
    .string()
    .regex(
      DOC_NAME_PATTERN,
      'directive:<id>, plan:<id>, model:<id>, meeting:<id>, assignments:<id> or meeting-assignments:<id>',
    ),
})
const versionParam = docParam.extend({ versionId: z.string().uuid() })
const summarySchema = z.object(documentVersionSchema.shape).openapi('DocumentVersion')
const present = (v: { id: string; docName: string; label: string; createdBy: string | null; createdAt: Date }) => ({
  ...v,
  createdAt: v.createdAt.toISOString(),
})

/** Named versions of collaborative documents: save, list, view, diff, restore (as a new edit). */
export function documentRoutes(deps: Deps, collab: CollabServer) {
  const app = createRouter()
  const ctx = { db: deps.dbh.db, registry: collab.registry, store: collab.store }
  const access = async (c: Context<AppEnv>, docName: string, need: 'read' | 'write') => {
    const a = await documentAccess(deps.dbh.db, deps.units.tree, c.get('user')!, docName)
    if (a === 'missing') throw new NotFound('document')
    if (a === 'none' || (need === 'write' && a !== 'write')) throw new Forbidden()
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{docName}/versions',
      tags: ['documents'],
      summary: 'Các phiên bản đã lưu / Saved versions of a document',
      request: { params: docParam },
      responses: {
        200: json(z.object({ versions: z.array(summarySchema) }), 'Newest first'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { docName } = c.req.valid('param')
      await access(c, docName, 'read')
      const versions = await listVersions(ctx, docName)
      const names = await userNames(
        deps.dbh.db,
        versions.map((v) => v.createdBy),
      )
      return c.json(
        { versions: versions.map((v) => ({ ...present(v), createdByName: names.get(v.createdBy ?? '') ?? null })) },
        200,
      )
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{docName}/versions',
      tags: ['documents'],
      summary: 'Lưu phiên bản có tên ("bản trình Thường trực ngày ...") / Save a named version',
      request: { params: docParam, body: body(z.object({ label: z.string().trim().min(1).max(200) }).strict()) },
      responses: {
        201: json(z.object({ version: summarySchema }), 'Saved'),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { docName } = c.req.valid('param')
      await access(c, docName, 'write')
      const v = await saveVersion(ctx, docName, c.req.valid('json').label, c.get('user')!.userId)
      return c.json({ version: present(v) }, 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{docName}/versions/{versionId}',
      tags: ['documents'],
      summary: 'Xem một phiên bản / View a version',
      request: { params: versionParam },
      responses: {
        200: json(
          z.object({ version: z.object({ plainText: z.string(), content: z.unknown() }).passthrough() }),
          'The version',
        ),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => {
      const { docName, versionId } = c.req.valid('param')
      await access(c, docName, 'read')
      if (!(await versionBelongsTo(ctx, versionId, docName))) throw new NotFound('version')
      const v = await getVersion(ctx, versionId)
      if (!v) throw new NotFound('version')
      return c.json({ version: { ...present(v), plainText: v.plainText, content: v.content } }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{docName}/diff',
      tags: ['documents'],
      summary: 'So sánh hai phiên bản / Diff two versions',
      request: { params: docParam, query: z.object({ from: z.string().uuid(), to: z.string().uuid() }) },
      responses: {
        200: json(
          z.object({ parts: z.array(z.object({ op: z.string(), text: z.string() })) }).passthrough(),
          'Line diff',
        ),
        ...errorsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { docName } = c.req.valid('param')
      const { from, to } = c.req.valid('query')
      await access(c, docName, 'read')
      if (!(await versionBelongsTo(ctx, from, docName)) || !(await versionBelongsTo(ctx, to, docName)))
        throw new NotFound('version')
      const d = await diffVersions(ctx, from, to)
      if (!d) throw new NotFound('version')
      return c.json({ from: present(d.from), to: present(d.to), parts: d.parts }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{docName}/versions/{versionId}/restore',
      tags: ['documents'],
      summary: 'Khôi phục một phiên bản (thành một chỉnh sửa mới) / Restore a version as a new edit',
      request: { params: versionParam },
      responses: {
        200: json(
          z.object({ restored: summarySchema, backup: summarySchema.nullable() }),
          'Restored; the state before is kept as a version',
        ),
        ...errorsFor(401, 403, 404),
      },
    }),
    async (c) => {
      const { docName, versionId } = c.req.valid('param')
      await access(c, docName, 'write')
      const out = await restoreVersion(ctx, docName, versionId, c.get('user')!.userId, {
        backupLabel: `Trước khi khôi phục (${new Date().toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })})`,
      })
      return c.json({ restored: present(out.restored), backup: out.backup ? present(out.backup) : null }, 200)
    },
  )
  return app
}
