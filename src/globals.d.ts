/** The package's version, put in at build time (scripts/build.mjs) and in tests (vitest.config.ts). */
declare const __MQ_VERSION__: string;
