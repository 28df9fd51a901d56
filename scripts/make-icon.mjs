// Draws packaging/icon.png (a shield crossed by a data flow and a dashed trust boundary), so the icon is ours and reproducible: node scripts/make-icon.mjs packaging/icon.png
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
const size = 512
const pixels = Buffer.alloc(size * size * 4)
function set(x, y, r, g, b, a = 255) { const i = (y * size + x) * 4; pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; pixels[i + 3] = a }
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const cx = x - 256, top = 64, bottom = 460
  // shield: flat top, sides curving to a point
  const t = (y - top) / (bottom - top)
  const half = t < 0.5 ? 180 : 180 * Math.cos((t - 0.5) * Math.PI)
  const inShield = y >= top && y <= bottom && Math.abs(cx) <= half
  const inInner = y >= top + 20 && y <= bottom - 24 && Math.abs(cx) <= half - 20
  if (inShield && !inInner) set(x, y, 20, 60, 110)
  else if (inInner) set(x, y, 40, 110, 180)
  // arrow
  const onShaft = y >= 246 && y <= 266 && x >= 150 && x <= 320
  const onHead = x >= 320 && x <= 380 && Math.abs(y - 256) <= (380 - x) * 0.9
  if (inInner && (onShaft || onHead)) set(x, y, 255, 255, 255)
  // dashed trust boundary
  if (inInner && x >= 250 && x <= 258 && Math.floor(y / 24) % 2 === 0 && y > 120 && y < 400) set(x, y, 230, 80, 70)
}
const raw = Buffer.alloc((size * 4 + 1) * size)
for (let y = 0; y < size; y++) { raw[y * (size * 4 + 1)] = 0; pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4) }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0 })
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0 }
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]) }
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6
writeFileSync(process.argv[2], Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]))
