import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = new URL('../', import.meta.url);

/** Extensionless relative imports and the "@/…" alias resolve to .ts files, as they do in Vite. */
export async function resolve(specifier, context, next) {
  const base = specifier.startsWith('@/') ? new URL(specifier.slice(2), ROOT) : null;
  if (base || ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.endsWith('.ts'))) {
    const url = base ?? new URL(specifier, context.parentURL);
    for (const candidate of [url.href, `${url.href}.ts`, `${url.href}.tsx`, `${url.href}/index.ts`]) {
      const path = fileURLToPath(candidate);
      if (/\.(ts|tsx|js|mjs|json)$/.test(path) && existsSync(path)) {
        return next(pathToFileURL(path).href, context);
      }
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!/\.tsx?$/.test(url)) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: 'preact',
      verbatimModuleSyntax: false,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
