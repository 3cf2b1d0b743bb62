#!/usr/bin/env node
// Regenerates GraphQL code into a temp dir and fails if it differs from the
// committed src/gql/ (CI uses this to detect drift against ../schema.graphql).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'src', 'gql');
const tmp = mkdtempSync(path.join(tmpdir(), 'beacon-codegen-'));

function listFiles(dir, base = dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

let exitCode = 0;
try {
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'graphql-codegen.cmd' : 'graphql-codegen');
  const res = spawnSync(bin, ['--config', 'codegen.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CODEGEN_OUT: `${tmp}/` },
  });
  if (res.status !== 0) {
    console.error(`codegen:check: graphql-codegen failed (exit ${res.status ?? res.signal})`);
    process.exit(1);
  }

  const want = listFiles(tmp);
  const have = listFiles(committed);
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing: src/gql/${f}`);
    else if (readFileSync(path.join(tmp, f), 'utf8') !== readFileSync(path.join(committed, f), 'utf8'))
      problems.push(`outdated: src/gql/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`unexpected: src/gql/${f}`);

  if (problems.length > 0) {
    console.error('codegen:check: src/gql is out of date with ../schema.graphql / the documents in src/:');
    for (const p of problems) console.error(`  ${p}`);
    console.error('Run `npm run codegen` and commit the result.');
    exitCode = 1;
  } else {
    console.log(`codegen:check: src/gql is up to date (${want.length} files).`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
