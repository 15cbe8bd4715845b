// The web app runs under a content security policy without 'unsafe-eval'. Zod (used through
// @hub/domain's schemas) would otherwise probe `new Function` on its first parse to decide whether
// to compile fast parsers; the browser reports that probe as a CSP violation even though zod
// catches it. Imported first by main.tsx, before any schema parses.
import { config } from 'zod'

config({ jitless: true })
