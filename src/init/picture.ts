/**
 * The picture a new book starts with: a lighthouse on a headland at dusk,
 * drawn pixel by pixel and written as a PNG (pngjs), so that `octavo init`
 * needs no image file of its own and writes the same bytes every time.
 */
import { pngWriter } from '../lazy.js'

const WIDTH = 480
const HEIGHT = 300

type Rgb = readonly [number, number, number]

const mix = (from: Rgb, to: Rgb, amount: number): Rgb => [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * amount)) as unknown as Rgb

const skyTop: Rgb = [38, 52, 94]
const skyHorizon: Rgb = [238, 170, 120]
const sun: Rgb = [255, 224, 160]
const seaNear: Rgb = [22, 44, 70]
const seaFar: Rgb = [64, 92, 128]
const land: Rgb = [34, 40, 36]
const tower: Rgb = [240, 236, 226]
const band: Rgb = [178, 44, 40]
const lamp: Rgb = [255, 238, 150]

const horizon = 190

/** The colour of the pixel at (x, y). */
function pixel(x: number, y: number): Rgb {
  // The headland rises from the right, the tower standing on its crest.
  const crest = 150 + 0.0009 * (x - 430) ** 2
  const inTower = x >= 380 && x < 400 && y >= 95 && y < crest + 2
  if (inTower) {
    if (y < 108) return lamp
    return Math.floor((y - 108) / 14) % 2 === 0 ? band : tower
  }
  if (x >= 376 && x < 404 && y >= 88 && y < 95) return band
  if (y >= crest && x > 300) return land
  if (y < horizon) {
    const distance = Math.hypot(x - 140, y - 170)
    if (distance < 26) return sun
    const sky = mix(skyTop, skyHorizon, y / horizon)
    return distance < 60 ? mix(sun, sky, (distance - 26) / 34) : sky
  }
  const sea = mix(seaFar, seaNear, (y - horizon) / (HEIGHT - horizon))
  // The sun's path on the water: a few lighter strokes below it.
  return Math.abs(x - 140) < 30 - (y - horizon) / 6 && (y - horizon) % 7 < 2 ? mix(sea, sun, 0.6) : sea
}

export const pictureAlt = 'A lighthouse with a red lamp room on a dark headland, the sun setting over the sea beside it'

export function picturePng(): Uint8Array {
  const PNG = pngWriter()
  const png = new PNG({ width: WIDTH, height: HEIGHT, colorType: 2 })
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const [r, g, b] = pixel(x, y)
      const offset = (y * WIDTH + x) * 4
      png.data[offset] = r
      png.data[offset + 1] = g
      png.data[offset + 2] = b
      png.data[offset + 3] = 255
    }
  }
  return PNG.sync.write(png, { colorType: 2 })
}
