// The hub's HTTP app: the middleware every API request passes (log, headers, origin, input guard,
// session, idempotency), each resource's routes under /api, and the built web app beside them.
// Built by hub.ts, and in-process by the API tests.

import { OpenAPIHono } from '@hono/zod-openapi'
import type { CollabServer } from '@hub/collab'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Deps } from './context'
import { ApiError, diskFull, errorResponse, notFound } from './errors'
import { closeUnreadBodies } from './middleware/close-unread'
import { diskLowWrites } from './middleware/disk-guard'
import { idempotency } from './middleware/idempotency'
import { bodyMethods, inputGuard } from './middleware/input-guard'
import { sameOriginWrites } from './middleware/origin'
import { requestLog } from './middleware/request-log'
import { requireUser, sessionMiddleware } from './middleware/session'
import { apiHeaders, webHeaders } from './middleware/web-headers'
import { assignmentRoutes } from './routes/assignments'
import { authRoutes } from './routes/auth'
import { changeRoutes } from './routes/changes'
import { cityReportRoutes } from './routes/city-reports'
import { directiveLifecycleRoutes } from './routes/directive-lifecycle'
import { directiveRoutes } from './routes/directives'
import { documentRoutes } from './routes/documents'
import { dutyRoutes } from './routes/duty'
import { historyRoutes } from './routes/history'
import { inspectionRoutes } from './routes/inspections'
import { measureRoutes } from './routes/measure'
import { meetingRoutes } from './routes/meetings'
import { isAttachmentUpload, modelRoutes } from './routes/models'
import { notificationRoutes } from './routes/notifications'
import { peopleRoutes } from './routes/people'
import { periodicReportRoutes } from './routes/periodic-reports'
import { isReportPhotoUpload, reportPhotoRoutes } from './routes/report-photos'
import { reportRoutes } from './routes/reports'
import { searchRoutes } from './routes/search'
import { healthRoutes, metricsRoutes, mountDocs, mountPrometheus, mountWeb, readyRoutes } from './routes/system'
import { taskRoutes } from './routes/tasks'
import { publicDutyRoutes, unitRoutes } from './routes/units'
import { ATTACHMENT_MAX_BYTES } from './services/model-attachments'

export interface AppOptions {
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string
  /** Largest accepted JSON body. */
  maxBodyBytes?: number
  /** The in-process collaboration server, for named versions of documents. */
  collab?: CollabServer
  /** Without 'api' (SERVICES=collab) the process answers only health and metrics over HTTP. */
  services?: ReadonlySet<string>
}

/** Builds the HTTP app: one sub-app per resource under /api, errors in one shape. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>()
  app.onError((err, c) => {
    deps.diskGuard?.failed(err)
    return errorResponse(err, c, deps.log)
  })
  app.notFound((c) => errorResponse(notFound('Đường dẫn / Route'), c))

  app.use('/api/*', requestLog(deps.log, deps.metrics))
  app.use('/api/*', closeUnreadBodies())
  app.use('/api/*', apiHeaders(deps.secureCookies))
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn / Request body too large')
      },
    })
  const jsonBodyLimit = limitOf(options.maxBodyBytes ?? 2 * 1024 * 1024)
  // A model's attachment upload may be larger (the route checks the file itself); no path is unbounded,
  // since the input guard reads a JSON body before the session is known.
  const uploadBodyLimit = limitOf(ATTACHMENT_MAX_BYTES + 64 * 1024)
  // Reads (GET, HEAD, OPTIONS) never read a body, so they skip the limit: it would wrap the raw request's
  // body stream on every board poll (measured 7.5 % of a cached answer's CPU, bench-results/profile.md).
  app.use('/api/*', (c, next) =>
    !bodyMethods.has(c.req.method)
      ? next()
      : isAttachmentUpload(c.req.method, c.req.path) || isReportPhotoUpload(c.req.method, c.req.path)
        ? uploadBodyLimit(c, next)
        : jsonBodyLimit(c, next),
  )
  app.use('/api/*', sameOriginWrites(deps.publicOrigin))
  if (deps.diskGuard) app.use('/api/*', diskLowWrites(deps.diskGuard, diskFull))
  app.use('/api/*', inputGuard())
  app.use('/api/*', sessionMiddleware(deps))
  app.use('/api/*', idempotency(deps))

  app.route('/api/health', healthRoutes(deps))
  app.route('/api/ready', readyRoutes(deps))
  app.route('/api/metrics', metricsRoutes(deps, options.collab))
  mountPrometheus(app, deps)
  if (options.services && !options.services.has('api')) {
    app.all('/api/*', (c) => errorResponse(notFound('Đường dẫn / Route'), c))
    return app
  }
  app.route('/api/auth', authRoutes(deps))
  app.route('/api/public', publicDutyRoutes(deps))
  // Everything but health, auth and the public duty roster needs a session.
  for (const resource of [
    'units',
    'people',
    'tasks',
    'directives',
    'meetings',
    'notifications',
    'documents',
    'metrics',
    'models',
    'search',
    'measure',
    'reports',
    'city-reports',
    'inspections',
    'duty',
    'history',
    'changes',
  ]) {
    app.use(`/api/${resource}`, requireUser)
    app.use(`/api/${resource}/*`, requireUser)
  }
  app.route('/api/units', unitRoutes(deps))
  app.route('/api/people', peopleRoutes(deps))
  app.route('/api/tasks', taskRoutes(deps))
  app.route('/api/tasks', reportRoutes(deps))
  app.route('/api/meetings', meetingRoutes(deps))
  app.route('/api/meetings', assignmentRoutes(deps, 'meeting'))
  app.route('/api/notifications', notificationRoutes(deps))
  if (options.collab) app.route('/api/documents', documentRoutes(deps, options.collab))
  app.route('/api/directives', directiveLifecycleRoutes(deps))
  app.route('/api/directives', directiveRoutes(deps))
  app.route('/api/directives', assignmentRoutes(deps, 'directive'))
  app.route('/api/models', modelRoutes(deps))
  app.route('/api/search', searchRoutes(deps))
  app.route('/api/measure', measureRoutes(deps))
  app.route('/api/reports', periodicReportRoutes(deps))
  app.route('/api/city-reports', cityReportRoutes(deps))
  app.route('/api/reports', reportPhotoRoutes(deps))
  app.route('/api/inspections', inspectionRoutes(deps))
  app.route('/api/duty', dutyRoutes(deps))
  app.route('/api/history', historyRoutes(deps))
  app.route('/api/changes', changeRoutes(deps))

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Hệ thống điều phối – Coordination hub API',
      version: '0.1.0',
      description:
        'Sessions use the `hub_session` cookie from POST /api/auth/login. Every write must carry an Origin header naming the hub. Errors: {"error": {"code", "message"}}.',
    },
  })
  mountDocs(app)
  app.all('/api/*', (c) => errorResponse(notFound('Đường dẫn / Route'), c))
  if (options.webDist) {
    app.use('*', webHeaders(deps.secureCookies))
    mountWeb(app, options.webDist)
  }
  return app
}
