// The C2PA reference SDK (c2pa-rs via @contentauth/c2pa-node 0.8.0) as a long-lived peer for the
// Java interop tests: one JSON request per stdin line, one JSON reply per stdout line, in order.
//   {"id":1,"cmd":"read","path":"...","trustAnchorsPem":"...?","trustConfig":"...?"}
//     -> {"id":1,"ok":true,"json":<reader json>|null}  or  {"id":1,"ok":false,"error":"<err.name>","message":"..."}
//   {"id":2,"cmd":"sign","in":"...","out":"...","certPem":"...","keyPem":"...","alg":"es256",
//    "manifestDefinition":{...},"settings":{...}?,"sidecar":"...?"}  ->  {"id":2,"ok":true} or ok:false as above
//     (with "sidecar" the store is not embedded but written there, C2PA 2.2 §11.5)
//   {"id":3,"cmd":"readStore","store":"<.c2pa path>","path":"<asset path>", trust as for read}
//     -> as read: Reader.fromManifestDataAndAsset validates the sidecar store against the asset
// Reads run with remote-manifest and OCSP fetching off: the peer must not need the network.
import { createInterface } from 'node:readline';
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, Builder, LocalSigner } from '@contentauth/c2pa-node';

function readSettings(req) {
  const s = { verify: { remote_manifest_fetch: false, ocsp_fetch: false } };
  if (req.trustAnchorsPem) {
    s.verify.verify_trust = true;
    s.trust = { trust_anchors: req.trustAnchorsPem };
    if (req.trustConfig) s.trust.trust_config = req.trustConfig;
  }
  return s;
}

async function read(req) {
  const reader = await Reader.fromAsset({ path: req.path }, readSettings(req));
  return { json: reader ? reader.json() : null };
}

async function readStore(req) {
  const reader = await Reader.fromManifestDataAndAsset(readFileSync(req.store), { path: req.path }, readSettings(req));
  return { json: reader ? reader.json() : null };
}

async function sign(req) {
  const settings = req.settings ?? { builder: { thumbnail: { enabled: false } } };
  const builder = Builder.withJson(req.manifestDefinition, settings);
  const signer = LocalSigner.newSigner(Buffer.from(req.certPem), Buffer.from(req.keyPem), req.alg);
  if (req.sidecar) builder.setNoEmbed(true);
  const store = builder.sign(signer, { path: req.in }, { path: req.out });
  if (req.sidecar) writeFileSync(req.sidecar, store);
  return {};
}

// ping answers at start-up; sleep lets the harness test its own time limit.
const sleep = (req) => new Promise((done) => setTimeout(() => done({}), req.ms));
const commands = { read, readStore, sign, sleep, ping: async () => ({ version: process.version }) };
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
// One request at a time keeps replies in request order and the native library single-threaded.
let queue = Promise.resolve();
rl.on('line', (line) => {
  queue = queue.then(async () => {
    let req;
    try {
      req = JSON.parse(line);
      const cmd = commands[req.cmd];
      if (!cmd) throw Object.assign(new Error('unknown command ' + req.cmd), { name: 'UnknownCommand' });
      out({ id: req.id, ok: true, ...(await cmd(req)) });
    } catch (e) {
      out({ id: req?.id ?? null, ok: false, error: e?.name ?? 'Error', message: String(e?.message ?? e) });
    }
  });
});
rl.on('close', () => queue.then(() => process.exit(0)));
