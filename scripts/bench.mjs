#!/usr/bin/env node
// Start-up benchmark: wall time of werkboek commands against a bare
// `node -e 0`, run interleaved (round-robin) so that noise from the machine
// hits every command alike.
//
//   npm run bench                      (builds first)
//   node scripts/bench.mjs --runs 30   more runs
//   node scripts/bench.mjs --imports   also time what cli.js imports at start-up
//   node scripts/bench.mjs --strict    exit 1 when a target is missed
//
// Targets: `werkboek --help` at most 1.3x `node -e 0`, `werkboek rapport alles` at most 2x.
// The last line times only loading and using yaml + liquidjs (what any report
// needs), as the floor that werkboek's own code adds to.
//
// Then `werkboek overzicht` over 100, 1,000 and 5,000 generated dossiers
// (three answers files each, scripts/gen-dossiers.mjs): wall time and time
// per dossier, also without the start-up (measured on 1 dossier); target:
// 1,000 dossiers in under 1 s, and linear (the last column stays flat).
//   node scripts/bench.mjs --geen-overzicht   skip it
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDossiers } from './gen-dossiers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'werkboek.js');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const RUNS = Math.max(15, option('--runs', 15));
const WARMUP = 2;

if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js ontbreekt: voer eerst npm run build uit (npm run bench doet dat zelf).');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'werkboek-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const emptyMap = path.join(tmp, 'leeg');
const reportMap = path.join(tmp, 'rapport');
mkdirSync(emptyMap);
mkdirSync(reportMap);
const fixtures = path.join(root, 'test', 'fixtures', 'reports');
const fixtureFiles = existsSync(fixtures) ? readdirSync(fixtures).filter((n) => n.endsWith('.yaml')) : [];
for (const name of fixtureFiles) cpSync(path.join(fixtures, name), path.join(reportMap, name));

const baseEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', HOME: tmp };
delete baseEnv.WERKBOEK_DEBUG;
delete baseEnv.NODE_OPTIONS;

// The floor for a report: only loading yaml and liquidjs, parsing one answers
// file and rendering one line, without any werkboek code.
const floorScript = path.join(tmp, 'floor.cjs');
writeFileSync(
  floorScript,
  [
    `const { parseDocument } = require(${JSON.stringify(path.join(root, 'node_modules', 'yaml'))});`,
    `const { Liquid } = require(${JSON.stringify(path.join(root, 'node_modules', 'liquidjs'))});`,
    `const fs = require('node:fs');`,
    `const file = ${JSON.stringify(path.join(reportMap, 'randvoorwaarden.yaml'))};`,
    `const doc = fs.existsSync(file) ? parseDocument(fs.readFileSync(file, 'utf8')).toJS() : {};`,
    `new Liquid({ locale: 'nl-NL' }).parseAndRender('{{ a }}', { a: Object.keys(doc).length }).then((s) => process.stdout.write(s));`,
  ].join('\n'),
);

/** @type {{ name: string, argv: string[], env?: Record<string,string>, target?: number, times: number[], skipped?: string }[]} */
const commands = [
  { name: 'node -e 0', argv: ['-e', '0'], times: [] },
  { name: 'werkboek --help', argv: [bin, '--help'], target: 1.3, times: [] },
  { name: 'werkboek lijst', argv: [bin, 'lijst'], env: { WERKBOEK_MAP: emptyMap }, times: [] },
  { name: 'werkboek rapport alles', argv: [bin, 'rapport', 'alles'], env: { WERKBOEK_MAP: reportMap }, target: 2, times: [] },
  { name: '(alleen yaml + liquidjs)', argv: [floorScript], times: [] },
];

function run(cmd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmd.argv, {
    cwd: tmp,
    env: { ...baseEnv, ...cmd.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: r.status, stderr: String(r.stderr ?? ''), error: r.error };
}

// A command that fails (e.g. no report fixtures yet) is skipped with a note.
if (!fixtureFiles.length) commands[3].skipped = 'geen antwoordbestanden in test/fixtures/reports/';
for (const cmd of commands) {
  if (cmd.skipped) continue;
  const r = run(cmd);
  if (r.error || r.status !== 0) {
    cmd.skipped = `mislukt (exit ${r.status ?? r.error?.message}): ${r.stderr.trim().split('\n')[0] ?? ''}`;
  }
}
const active = commands.filter((c) => !c.skipped);

for (let i = 0; i < WARMUP; i++) for (const cmd of active) run(cmd);
for (let i = 0; i < RUNS; i++) for (const cmd of active) cmd.times.push(run(cmd).ms);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const baseline = median(commands[0].times);
console.log(`node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs per command (interleaved, na ${WARMUP} opwarmrondes)\n`);
console.log(`${'opdracht'.padEnd(26)}${'mediaan'.padStart(10)}${'min'.padStart(9)}${'p90'.padStart(9)}${'× node'.padStart(9)}   doel`);
let missed = 0;
for (const cmd of commands) {
  if (cmd.skipped) {
    console.log(`${cmd.name.padEnd(26)}overgeslagen: ${cmd.skipped}`);
    continue;
  }
  const med = median(cmd.times);
  const ratio = med / baseline;
  let goal = '';
  if (cmd.target) {
    const ok = ratio <= cmd.target;
    if (!ok) missed++;
    goal = `≤ ${cmd.target}×  ${ok ? 'gehaald' : 'NIET gehaald'}`;
  }
  console.log(
    `${cmd.name.padEnd(26)}${(med.toFixed(1) + ' ms').padStart(10)}${(Math.min(...cmd.times).toFixed(1)).padStart(9)}` +
      `${quantile(cmd.times, 0.9).toFixed(1).padStart(9)}${(ratio.toFixed(2) + '×').padStart(9)}   ${goal}`,
  );
}

const help = commands[1];
if (flag('--imports') || (!help.skipped && median(help.times) / baseline > 1.3)) {
  // What cli.js loads before it can print help, timed inside one process per
  // run (in this order; a later module only pays for what is not loaded yet).
  const dist = (name) => pathToFileURL(path.join(root, 'dist', name)).href;
  const modules = [
    ['commander', import.meta.resolve('commander')],
    ['dist/support/errors.js', dist('support/errors.js')],
    ['dist/support/version.js (leest package.json)', dist('support/version.js')],
    ['dist/support/output.js', dist('support/output.js')],
    ['dist/cli.js (de rest)', dist('cli.js')],
  ];
  const probe = [
    'const out = [];',
    `for (const spec of ${JSON.stringify(modules.map((m) => m[1]))}) {`,
    '  const t = performance.now(); await import(spec); out.push(performance.now() - t);',
    '}',
    'out.push(performance.now());',
    'console.log(JSON.stringify(out));',
  ].join('\n');
  const samples = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, env: baseEnv, encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`\nImport-meting mislukt: ${String(r.stderr).trim().split('\n')[0]}`);
      break;
    }
    if (i >= WARMUP) samples.push(JSON.parse(r.stdout));
  }
  if (samples.length) {
    console.log('\nImports bij het starten van cli.js (in het proces gemeten, mediaan):');
    modules.forEach(([name], i) => console.log(`  ${name.padEnd(40)} ${median(samples.map((s) => s[i])).toFixed(1).padStart(6)} ms`));
    const sum = median(samples.map((s) => s.slice(0, modules.length).reduce((a, b) => a + b, 0)));
    console.log(`  ${'samen'.padEnd(40)} ${sum.toFixed(1).padStart(6)} ms`);
    console.log(`  ${'(tijd sinds processtart na de imports)'.padEnd(40)} ${median(samples.map((s) => s[modules.length])).toFixed(1).padStart(6)} ms`);
  }
}

if (!flag('--geen-overzicht')) {
  // The overview for advisers: generated dossiers, the whole command timed (start-up included).
  const OVERVIEW_RUNS = 5;
  console.log(`\nwerkboek overzicht (${OVERVIEW_RUNS} runs per grootte, mediaan, inclusief opstarten):`);
  console.log(`${'dossiers'.padEnd(12)}${'bestanden'.padStart(10)}${'mediaan'.padStart(11)}${'min'.padStart(9)}${'per dossier'.padStart(14)}${'zonder start'.padStart(15)}   doel`);
  // One dossier first: the start-up, taken off in the last column ("zonder start": the time that grows with the count).
  let startup;
  for (const count of [1, 100, 1000, 5000]) {
    const root = path.join(tmp, `overzicht-${count}`);
    generateDossiers(root, count);
    const cmd = { argv: [bin, 'overzicht', root] };
    run(cmd); // warm-up (and the page cache)
    const times = [];
    let failed;
    for (let i = 0; i < OVERVIEW_RUNS; i++) {
      const r = run(cmd);
      if (r.error || r.status !== 0) failed = r.stderr.trim().split('\n')[0] ?? String(r.error);
      times.push(r.ms);
    }
    rmSync(root, { recursive: true, force: true });
    if (failed) {
      console.log(`${String(count).padEnd(12)}mislukt: ${failed}`);
      missed++;
      continue;
    }
    const med = median(times);
    startup ??= med;
    const marginal = count > 1 ? `${((med - startup) / (count - 1)).toFixed(3)} ms` : '';
    let goal = '';
    if (count === 1000) {
      const ok = med < 1000;
      if (!ok) missed++;
      goal = `< 1 s  ${ok ? 'gehaald' : 'NIET gehaald'}`;
    }
    console.log(
      `${String(count).padEnd(12)}${String(count * 3).padStart(10)}${(med.toFixed(0) + ' ms').padStart(11)}${Math.min(...times).toFixed(0).padStart(9)}` +
        `${((med / count).toFixed(3) + ' ms').padStart(14)}${marginal.padStart(15)}   ${goal}`,
    );
  }
}

if (flag('--strict') && missed) process.exitCode = 1;
