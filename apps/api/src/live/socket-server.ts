// The hub's socket.io server for live events: session-cookie sign-in, room joins by the read rules,
// presence, per-user messages and ended sessions cut off, across processes through Redis when given.

import type { Server as HttpServer } from 'node:http'
import type { CurrentUser } from '@hub/auth'
import { requestIdOf, sameOrigin, sessionOfCookie } from '@hub/collab'
import { accountabilityRoomsOf } from '@hub/domain'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server } from 'socket.io'
import type { Deps } from '../context'
import { type LiveMessage, scopedRooms } from './event-rooms'
import { hasPresence, isClientRoom, mayJoin } from './room-access'

export interface LiveServer {
  io: Server
  emit(m: LiveMessage): void
  /** Sends to one user's sockets (notifications). */
  toUser(userId: string, event: string, payload: unknown): void
  /** Disconnects the sockets of ended sessions (across processes with Redis). */
  endSessions(ended: { sessionId: string } | { userId: string; keepSession?: string }): void
  /** Checks the Redis connection (health). */
  ping(): Promise<void>
  close(): Promise<void>
}

type Ack = (answer: { ok: boolean; error?: string }) => void

/**
 * socket.io on the hub's HTTP server: the session cookie authenticates, room joins follow the
 * policies, presence is computed from the sockets in a room (across processes with Redis).
 */
export function createLiveServer(http: HttpServer, deps: Deps, opts: { redisUrl?: string } = {}): LiveServer {
  const io = new Server(http, {
    serveClient: false,
    // Other upgrade paths (/collab) belong to other handlers.
    destroyUpgrade: false,
    allowRequest: (req, cb) => {
      const origin = req.headers.origin
      // A browser on another site must not ride the user's cookie (cross-site websocket hijacking).
      if (origin && !sameOrigin(deps.publicOrigin)(origin, req.headers.host)) return cb('cross-origin', false)
      cb(null, true)
    },
  })
  const redis = opts.redisUrl
    ? { pub: new Redis(opts.redisUrl, { lazyConnect: false }), sub: new Redis(opts.redisUrl) }
    : null
  if (redis) io.adapter(createAdapter(redis.pub, redis.sub))

  io.use(async (socket, next) => {
    try {
      const signedIn = await sessionOfCookie(deps.dbh.db, socket.handshake.headers.cookie)
      if (!signedIn) return next(new Error('unauthenticated'))
      const { user, sessionId } = signedIn
      socket.data.user = { userId: user.userId, fullName: user.fullName, position: user.position }
      socket.data.sessionId = sessionId
      socket.data.actor = user
      socket.data.requestId = requestIdOf(socket.handshake.headers['x-request-id'])
      next()
    } catch (err) {
      deps.log.error({ err }, 'socket auth failed')
      next(new Error('unauthenticated'))
    }
  })

  const presence = async (room: string) => {
    const sockets = await io.in(room).fetchSockets()
    const seen = new Map<string, { userId: string; fullName: string; position: string }>()
    for (const s of sockets) if (s.data.user) seen.set(s.data.user.userId, s.data.user)
    io.to(room).emit('presence', { room, users: [...seen.values()] })
  }

  io.on('connection', (socket) => {
    const user = socket.data.actor as CurrentUser
    const requestId = socket.data.requestId as string
    deps.log.info({ requestId, userId: user.userId }, 'live: connected')
    // A shared room's task events reach only members whose reach covers the task (see taskRooms).
    const withMembers = (room: string) =>
      hasPresence(room)
        ? [room, ...scopedRooms(room, [...new Set(user.grants.map((g) => g.unitId))], [user.userId])]
        : [room]
    void socket.join([`user:${user.userId}`, ...accountabilityRoomsOf(user, deps.units.tree)])
    socket.on('subscribe', async (room: unknown, ack?: Ack) => {
      const reply = typeof ack === 'function' ? ack : () => {}
      if (typeof room !== 'string' || room.length > 100) return reply({ ok: false, error: 'bad_room' })
      try {
        if (!(await mayJoin(deps.dbh.db, deps.units, user, room))) return reply({ ok: false, error: 'forbidden' })
        await socket.join(withMembers(room))
        reply({ ok: true })
        if (hasPresence(room)) await presence(room)
      } catch (err) {
        deps.log.error({ err, room, requestId, userId: user.userId }, 'subscribe failed')
        reply({ ok: false, error: 'internal' })
      }
    })
    socket.on('unsubscribe', async (room: unknown) => {
      // The user's own room and the members' rooms belong to the server; leaving them is not the client's call.
      if (typeof room !== 'string' || !isClientRoom(room) || !socket.rooms.has(room)) return
      for (const r of withMembers(room)) await socket.leave(r)
      if (hasPresence(room)) await presence(room)
    })
    socket.on('disconnecting', () => {
      const rooms = [...socket.rooms].filter(hasPresence)
      // After the socket has left, tell the others who remains.
      setImmediate(() => rooms.forEach((r) => void presence(r).catch(() => {})))
    })
  })

  return {
    io,
    emit: (m) => {
      if (m.rooms.length)
        io.to(m.rooms)
          .except(m.except ?? [])
          .emit(m.event, m.payload)
    },
    toUser: (userId, event, payload) => {
      io.to(`user:${userId}`).emit(event, payload)
    },
    endSessions(ended) {
      // By the session each socket authenticated with (across processes), not by a room it could leave.
      const ends = (d: { sessionId?: string; user?: { userId: string } }) =>
        'sessionId' in ended
          ? d.sessionId === ended.sessionId
          : d.user?.userId === ended.userId && d.sessionId !== ended.keepSession
      void io
        .fetchSockets()
        .then((sockets) => {
          for (const s of sockets) if (ends(s.data)) s.disconnect(true)
        })
        .catch((err) => deps.log.error({ err }, 'ending sessions failed'))
    },
    async ping() {
      if (redis) await redis.pub.ping()
    },
    async close() {
      io.disconnectSockets(true)
      await new Promise<void>((r) => {
        // io.close() also closes the HTTP server; the caller owns that, so close the engine only.
        io.engine.close()
        r()
      })
      if (redis) {
        redis.pub.disconnect()
        redis.sub.disconnect()
      }
    },
  }
}
