// The C2PA reference SDK (c2pa-rs via @contentauth/c2pa-node 0.8.0) as a long-lived peer for the
// Java interop tests: one JSON request per stdin line, one JSON reply per stdout line, in order.
//   {"id":1,"cmd":"read","path":"...","trustAnchorsPem":"...?","trustConfig":"...?"}
//     -> {"id":1,"ok":true,"json":<reader json>|null}  or  {"id":1,"ok":false,"error":"<err.name>","message":"..."}
//   {"id":2,"cmd":"sign","in":"...","out":"...","certPem":"...","keyPem":"...","alg":"es256",
//    "manifestDefinition":{...},"settings":{...}?}  ->  {"id":2,"ok":true} or ok:false as above
// Reads run with remote-manifest and OCSP fetching off: the peer must not need the network.
import { createInterface } from 'node:readline';
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

async function sign(req) {
  const settings = req.settings ?? { builder: { thumbnail: { enabled: false } } };
  const builder = Builder.withJson(req.manifestDefinition, settings);
  const signer = LocalSigner.newSigner(Buffer.from(req.certPem), Buffer.from(req.keyPem), req.alg);
  builder.sign(signer, { path: req.in }, { path: req.out });
  return {};
}

const commands = { read, sign, ping: async () => ({ version: process.version }) };
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
