// Lets plain Node run the project's TypeScript tools (the demo) without a bundler: a module hook
// that transpiles .ts files with the project's own TypeScript. Type checking stays with `tsc`.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
