import pty from '@lydell/node-pty';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
const strip = (s) => s.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').replace(/\x1b\][^\x07]*\x07/g, '');
function timeTo(argv, target, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = pty.spawn(process.execPath, argv, { cols: 100, rows: 30, env: { ...process.env, ...env }, cwd: os.tmpdir() });
    let buf = ''; let done = false;
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error('timeout ' + strip(buf).slice(-300))); }, 10000);
    p.onData((d) => { buf += d; if (!done && strip(buf).includes(target)) { done = true; const ms = Number(process.hrtime.bigint() - t0) / 1e6; clearTimeout(timer); p.kill('SIGKILL'); resolve(ms); } });
    p.onExit(() => { if (!done) { clearTimeout(timer); reject(new Error('exit ' + strip(buf).slice(-300))); } });
  });
}
const bin = process.argv[2];
const med = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const A = [], B = [], C = [];
for (let i = 0; i < 17; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wbpty-'));
  A.push(await timeTo(['-e', "console.log('x')"], 'x', {}));
  B.push(await timeTo([bin, 'start', 'gemeentelandschap'], 'Naam:', { WERKBOEK_MAP: dir, HOME: dir }));
  rmSync(dir, { recursive: true, force: true });
}
A.splice(0, 2); B.splice(0, 2);
console.log('node', med(A).toFixed(1), 'start', med(B).toFixed(1), (med(B) / med(A)).toFixed(2) + 'x');
