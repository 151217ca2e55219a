// zod's `locales` (every language's messages, 350 KB) as werkboek bundles
// it: only the Dutch ones (definition/check.ts) and zod's default English.
// See the zodLocales plugin in scripts/build.mjs.
export { default as nl } from 'zod/v4/locales/nl.js';
export { default as en } from 'zod/v4/locales/en.js';
