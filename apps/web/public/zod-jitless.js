// Runs before the app's modules (a classic script; modules are deferred): zod reads this when it
// first loads, so every schema, also those evaluated in a shared chunk before the app's own first
// module, is built without compiled parsers and never probes `new Function`, which the content
// security policy (no 'unsafe-eval') forbids.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
