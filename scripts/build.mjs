// Builds what the package ships into dist/: the core and CLI compiled by tsc (with type
// declarations), the site's TypeScript transpiled file by file (its types are checked by
// `astro check`, which needs Starlight's sources), and the files the site and the rules read at
// run time (.astro components, CSS, browser scripts, rule docs) copied beside them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The site: .ts → .js, with the browser scripts also kept as .ts (components import them so,
// and the site's Vite compiles them).
for (const folder of ['astro', 'components']) {
  for (const file of filesUnder(path.join(src, folder))) {
    const name = path.basename(file);
    if (isTest(name)) continue;
    if (name.endsWith('.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      });
      writeFileSync(place(file).replace(/\.ts$/, '.js'), outputText);
      const declaration = ts.transpileDeclaration(readFileSync(file, 'utf8'), { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext } });
      writeFileSync(place(file).replace(/\.ts$/, '.d.ts'), declaration.outputText);
      if (name.endsWith('-client.ts')) copyFileSync(file, place(file));
    } else {
      copyFileSync(file, place(file));
    }
  }
}
