// Security headers for the hub's two faces: the API's, and the web app's with the content security
// policy it runs under. Mounted by app.ts.

import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/** HSTS, sent only when the hub is served over HTTPS (PUBLIC_URL https://…): a year, subdomains included. */
const hsts = (https: boolean) => (https ? 'max-age=31536000; includeSubDomains' : false)

/**
 * Headers of the API: no sniffing, no framing, same-origin resources, HSTS behind HTTPS. JSON needs
 * no content policy; the API reference page (/api/docs) runs Swagger UI's inline start script.
 */
export function apiHeaders(https: boolean): MiddlewareHandler {
  return secureHeaders({ crossOriginResourcePolicy: 'same-origin', strictTransportSecurity: hsts(https) })
}

/**
 * Headers of the web app, with a content security policy it works under: scripts only from the
 * hub itself (Vite emits no inline script); styles from the hub and inline (Mantine and Tiptap set
 * style attributes and tags at run time); images and fonts from the hub, data: and blob: (pasted
 * images, generated charts); connections to the hub itself (API, socket.io and collab websockets);
 * no plugins, no framing by other sites, forms and <base> to the hub only.
 */
export function webHeaders(https: boolean): MiddlewareHandler {
  return secureHeaders({
    strictTransportSecurity: hsts(https),
    xFrameOptions: 'DENY',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  })
}
