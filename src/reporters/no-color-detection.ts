/**
 * Stands in for chalk's own colour detection (its `#supports-color`) in the bundle: scripts/build.mjs
 * points chalk there. We never use chalk's detected level (makeStyle gives every Chalk its level,
 * decided by colorLevel from main()'s streams and environment), and its detection costs start-up:
 * loading node:tty and node:os and probing the terminal at import time (docs/SPEED.md).
 */
const supportsColor = { stdout: false as const, stderr: false as const };
export default supportsColor;
