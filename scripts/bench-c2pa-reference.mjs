// Times the C2PA reference SDK (c2pa-rs through @contentauth/c2pa-node) on the files `pramaan bench c2pa
// --list FILE` timed, in the same way: files in memory, default settings (no trust anchors, no remote or
// OCSP fetching), read + validate + JSON per file, warm-up rounds first. Prints the same columns.
//   node scripts/bench-c2pa-reference.mjs NODE_PREFIX LIST [warmup] [rounds]
// NODE_PREFIX: a folder with node_modules/@contentauth/c2pa-node (the tests install one in
// pramaan-core/target/c2pa-node).
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuUsage } from 'node:process';

const [prefix, list, warmup = '3', rounds = '5'] = process.argv.slice(2);
const { Reader } = await import(pathToFileURL(join(prefix, 'node_modules/@contentauth/c2pa-node/dist/index.js')));
const MIME = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg', '.mp4': 'video/mp4', '.mov': 'video/quicktime', '.m4a': 'audio/mp4',
  '.heic': 'image/heic', '.heif': 'image/heif', '.avif': 'image/avif', '.tif': 'image/tiff', '.tiff': 'image/tiff',
  '.dng': 'image/x-adobe-dng', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.avi': 'video/avi',
  '.c2pa': 'application/c2pa', '.flac': 'audio/flac',
};
const settings = { verify: { remote_manifest_fetch: false, ocsp_fetch: false } };
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((p) => {
  const mimeType = MIME[extname(p).toLowerCase()];
  return mimeType ? { buffer: readFileSync(p), mimeType, p } : { path: p, p };
});
async function one(f) {
  const r = await Reader.fromAsset(f.buffer ? { buffer: f.buffer, mimeType: f.mimeType } : { path: f.path }, settings);
  if (r) r.json();
}
for (let i = 0; i < +warmup; i++) for (const f of files) await one(f).catch(() => {});
const times = [];
const c0 = cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < +rounds; i++) {
  for (const f of files) {
    const t = process.hrtime.bigint();
    await one(f).catch(() => {});
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const c = cpuUsage(c0);
times.sort((a, b) => a - b);
const mb = files.reduce((s, f) => s + (f.buffer ? f.buffer.length : 0), 0) / 1e6;
const mean = times.reduce((s, t) => s + t, 0) / times.length;
const pad = (v, n) => String(v).padEnd(n);
console.log('reference: c2pa-node (c2pa-rs), node ' + process.version);
console.log(['files', 'MB', 'rounds', 'mean ms', 'p50 ms', 'p95 ms', 'max ms', 'files/s', 'cpu ms']
  .map((h, i) => pad(h, i < 1 || i === 2 ? 7 : i === 7 || i === 8 ? 8 : 9)).join(' '));
console.log([pad(files.length, 7), pad(mb.toFixed(1), 9), pad(rounds, 7), pad(mean.toFixed(2), 9),
  pad(times[times.length >> 1].toFixed(2), 9), pad(times[Math.min(times.length - 1, Math.round(times.length * 0.95))].toFixed(2), 9),
  pad(times[times.length - 1].toFixed(2), 9), pad((times.length / wall).toFixed(1), 8),
  pad(((c.user + c.system) / 1000 / times.length).toFixed(2), 8)].join(' '));
