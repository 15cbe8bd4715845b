// The web app runs under a content security policy without 'unsafe-eval'. Zod (used through
// @hub/domain's schemas) would otherwise probe `new Function` on its first parse to decide whether
// to compile fast parsers; the browser reports that probe as a CSP violation even though zod
// catches it. Imported first by main.tsx; public/zod-jitless.js (a classic script in index.html)
// sets the same before any module runs, for schemas evaluated in chunks loaded ahead of this one.
import { config } from 'zod'

config({ jitless: true })
