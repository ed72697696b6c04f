/**
 * The extension's icons as the stores want them: the 128 px one (the manifest's and the store
 * listing's) is 96 px of artwork centred in 128, with a transparent border of 16 px.
 */
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';

/** Bytes joined (@types/pouchdb-core declares a global Buffer that Node's Buffer.concat and zlib no longer accept). */
const join = (parts: readonly ArrayLike<number>[]): Buffer => Buffer.from(parts.flatMap((part) => Array.from(part)));
import { describe, expect, it } from 'vitest';

interface Rgba {
  width: number;
  height: number;
  /** 4 bytes a pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what our icons are); throws on any other kind. */
function decodePng(file: Buffer): Rgba {
  const chunks: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error('not an 8-bit RGBA, non-interlaced PNG');
    }
    if (type === 'IDAT') chunks.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(new Uint8Array(join(chunks)));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** The box of the pixels that are not fully transparent: [left, top, right, bottom), right and bottom excluded. */
function artworkBox({ width, height, pixels }: Rgba): [number, number, number, number] {
  let [left, top, right, bottom] = [width, height, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[(y * width + x) * 4 + 3] === 0) continue;
      [left, top] = [Math.min(left, x), Math.min(top, y)];
      [right, bottom] = [Math.max(right, x + 1), Math.max(bottom, y + 1)];
    }
  }
  return [left, top, right, bottom];
}

describe('the icons', () => {
  it('has a 128 px icon of 96 px artwork centred in a transparent border of 16 px, named in the manifest', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { icons: Record<string, string> };
    expect(manifest.icons['128']).toBe('icons/icon-128.png');
    const icon = decodePng(readFileSync('public/icons/icon-128.png'));
    expect([icon.width, icon.height]).toEqual([128, 128]);
    // The artwork's rounded corners may leave a pixel or so of its own box transparent.
    const [left, top, right, bottom] = artworkBox(icon);
    for (const edge of [left, top, 128 - right, 128 - bottom]) expect(edge).toBeGreaterThanOrEqual(16);
    for (const edge of [left, top, 128 - right, 128 - bottom]) expect(edge).toBeLessThanOrEqual(18);
  });

  it('reads a PNG it is given, and finds its artwork', () => {
    // A 2 x 2 with one opaque pixel, bottom right, encoded with the Sub and Up filters.
    const row = (filter: number, ...bytes: number[]) => [filter, ...bytes];
    const raw = Buffer.from([...row(1, 0, 0, 0, 0, 0, 0, 0, 0), ...row(2, 0, 0, 0, 0, 255, 0, 0, 255)]);
    const chunk = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length);
      head.write(type, 4, 'latin1');
      return join([head, body, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
    const png = join([Buffer.alloc(8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(new Uint8Array(raw))), chunk('IEND', Buffer.alloc(0))]);
    expect(artworkBox(decodePng(png))).toEqual([1, 1, 2, 2]);
  });
});
