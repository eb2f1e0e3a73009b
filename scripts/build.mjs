// Builds what the package ships into dist/: the core and CLI compiled by tsc (with type
// declarations), the rule docs beside them, and the site (TypeScript, .astro components, CSS)
// as source.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const isTest = (name) => /\.test\.ts$/.test(name) || name === 'testing.ts';

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('__fixtures__'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function place(file) {
  const target = path.join(dist, path.relative(src, file));
  mkdirSync(path.dirname(target), { recursive: true });
  return target;
}

// `--clean` (npm pack) starts from nothing, so no file of an older build ships; the test run
// builds in place, because other test processes may be running the CLI from dist/ meanwhile.
if (process.argv.includes('--clean')) rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

// Rule docs: read by the site's /rules/ pages and SARIF's help text.
for (const file of filesUnder(path.join(src, 'core/rules'))) if (file.endsWith('.md')) copyFileSync(file, place(file));

// The site's entry points ship as TypeScript source, as Starlight's own package does: Astro's
// Vite compiles them in the user's build (Node could not load a compiled entry that imports
// Starlight's .ts). Every module also gets its JavaScript beside it, so each `./x.js` import
// names a file that exists (for Node, Vite and package linters alike); the core they import is
// the compiled one above, the one the CLI runs.
for (const folder of ['astro', 'components', 'site']) {
  if (!existsSync(path.join(src, folder))) continue;
  for (const file of filesUnder(path.join(src, folder))) {
    if (isTest(path.basename(file))) continue;
    copyFileSync(file, place(file));
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(place(file).replace(/\.ts$/, '.js'), outputText);
    }
  }
}
