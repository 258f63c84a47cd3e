#!/usr/bin/env node
// Writes images/icon.png (128×128, the size the VS Code marketplace asks for): three flowing waves — a data
// stream — on a rounded dark square, with a highlighted "record" dot. Plain Node (zlib), so the icon can be
// regenerated anywhere: `node scripts/make-icon.js`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges
const CORNER = 24;
const MARGIN = 14;
const BACKGROUND = [35, 47, 62]; // #232F3E, the galleryBanner colour
const WAVES = [
  { y: 42, amp: 9, phase: 0.0, width: 7, color: [255, 153, 0] }, // AWS orange
  { y: 64, amp: 9, phase: 0.9, width: 7, color: [255, 184, 77] },
  { y: 86, amp: 9, phase: 1.8, width: 7, color: [255, 214, 153] },
];
const DOT = { x: 92, y: 64 + 9 * Math.sin((92 / SIZE) * 2 * Math.PI + 0.9), r: 9, color: [255, 255, 255] };

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), SIZE - CORNER);
  const cy = Math.min(Math.max(y, CORNER), SIZE - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** Colour of one sample point, or null outside the icon (transparent). */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if ((x - DOT.x) ** 2 + (y - DOT.y) ** 2 <= DOT.r ** 2) return DOT.color;
  for (const w of WAVES) {
    const waveY = w.y + w.amp * Math.sin((x / SIZE) * 2 * Math.PI + w.phase);
    // The waves keep a margin from the rounded edges.
    if (Math.abs(y - waveY) <= w.width / 2 && x > MARGIN && x < SIZE - MARGIN) return w.color;
  }
  return BACKGROUND;
}

function pixels() {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (None), then RGBA
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = 1 + px * 4;
      if (covered > 0) for (let i = 0; i < 3; i++) row[o + i] = Math.round(sum[i] / covered);
      row[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
