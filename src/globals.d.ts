/** The package's version, replaced at build time (scripts/build.mjs) and in tests (vitest.config.ts). */
declare const __MQ_VERSION__: string;
/**
 * True in the bundle: the quiz loader runs the parser from dist/fast/*.cjs with V8's code cache
 * (src/code-cache.ts); false in tests, which import the TypeScript modules (vitest.config.ts).
 */
declare const __MQ_CODE_CACHE__: boolean;
