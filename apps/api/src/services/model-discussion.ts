// Questions and answers on a model practice, open to every unit, and the notifications they raise
// (questions to the origin unit's heads, answers to the asker), delivered through the outbox.

import type { CurrentUser } from '@hub/auth'
import { schema } from '@hub/db'
import { Forbidden, Invalid, modelPolicy, NotFound } from '@hub/domain'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { audit } from './audit'
import { Service } from './change'
import { type NotificationDto, notify } from './notifications'
import type { EventHandler } from './outbox'
import { headsOf } from './unit-directory'
import { withUsers } from './user-names'

const mc = schema.modelComments

export const commentCreateSchema = z
  .object({
    body: z.string().trim().min(1).max(5_000),
    /** The question this answers; omitted for a new question. */
    parentId: z.string().uuid().optional(),
  })
  .strict()

type CommentRow = typeof mc.$inferSelect

function present(c: CommentRow, authorName: string | null, authorPosition: string | null) {
  return {
    id: c.id,
    modelId: c.practiceId,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName,
    authorPosition,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  }
}
export type CommentDto = ReturnType<typeof present>

/** Questions and answers on a practice, open to every unit; the origin unit's heads hear of each. */
export class ModelDiscussionService extends Service {
  async list(actor: CurrentUser, modelId: string) {
    if (!modelPolicy.read(actor)) throw new Forbidden()
    await this.practice(modelId)
    const rows = await withUsers(
      this.db,
      await this.db.select().from(mc).where(eq(mc.practiceId, modelId)).orderBy(asc(mc.createdAt), asc(mc.id)),
      (c) => c.authorId,
    )
    return { comments: rows.map((r) => present(r.row, r.name, r.position)) }
  }

  private async practice(id: string) {
    const [p] = await this.db.select().from(schema.modelPractices).where(eq(schema.modelPractices.id, id)).limit(1)
    if (!p) throw new NotFound('model')
    return p
  }

  async post(actor: CurrentUser, modelId: string, input: z.infer<typeof commentCreateSchema>, requestId?: string) {
    if (!modelPolicy.discuss(actor)) throw new Forbidden()
    const p = await this.practice(modelId)
    return await this.change(async (tx) => {
      let question: CommentRow | undefined
      if (input.parentId) {
        ;[question] = await tx
          .select()
          .from(mc)
          .where(and(eq(mc.id, input.parentId), eq(mc.practiceId, modelId), isNull(mc.parentId)))
          .limit(1)
        if (!question) throw new Invalid('parentId', 'unknownQuestion', {}, undefined, 'not a question on this model')
      }
      const [row] = await tx
        .insert(mc)
        .values({ practiceId: modelId, parentId: input.parentId ?? null, authorId: actor.userId, body: input.body })
        .returning()
      const comment = present(row!, actor.fullName, null)
      const heads = (await headsOf(tx, [p.originUnitId])).get(p.originUnitId) ?? []
      const recipients = [...new Set([...heads, ...(question ? [question.authorId] : [])])].filter(
        (u) => u !== actor.userId,
      )
      await audit(
        tx,
        { actor, requestId },
        question ? 'model.answer' : 'model.question',
        ['model_comment', comment.id],
        {
          after: comment,
          event: { type: 'model.commented', payload: { modelId, title: p.title, comment, recipients } },
        },
      )
      return comment
    })
  }
}

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}…` : s)

/** Notifications of the discussion: the origin unit's heads hear of questions, askers of answers. */
export function modelNotificationHandler(push: (userId: string, n: NotificationDto) => void): EventHandler {
  return async (events, tx) => {
    const inputs = events
      .filter((e) => e.type === 'model.commented')
      .flatMap((e) => {
        const p = e.payload as { modelId: string; title: string; comment: CommentDto; recipients: string[] }
        const answer = !!p.comment.parentId
        return p.recipients.map((userId) => ({
          userId,
          kind: answer ? 'model.answer' : 'model.question',
          title: `${answer ? 'Trả lời' : 'Câu hỏi'} về mô hình "${short(p.title)}": ${short(p.comment.body)}`,
          groupKey: `model-discussion:${p.modelId}`,
          groupTitle: (n: number) => `${n} trao đổi mới về mô hình "${short(p.title)}"`,
          data: { modelId: p.modelId, commentId: p.comment.id, title: p.title },
        }))
      })
    if (!inputs.length) return undefined
    const rows = await notify(tx, inputs)
    return () => {
      for (const [i, n] of rows.entries()) push(inputs[i]!.userId, n)
    }
  }
}
