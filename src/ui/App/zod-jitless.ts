/**
 * Imported first by the entry (src/main.tsx), before any chunk that defines a zod schema.
 * Zod compiles object parsers with `new Function` unless told not to, and probes for it when a
 * schema is created. Our CSP (`script-src 'self'`, no 'unsafe-eval') blocks that probe and the
 * browser files a CSP violation on every page load of the sync, backup or reviewer chunks.
 * "jitless" makes zod skip the probe and parse without eval. Zod keeps its global configuration
 * on `globalThis.__zod_globalConfig` (zod/v4/core/core.js), so setting it here costs the first
 * screen no zod bytes. The server keeps zod's faster compiled parsers.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
