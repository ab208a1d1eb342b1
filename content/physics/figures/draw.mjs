// Draws the book's figures: two vector diagrams (SVG) and one plotted curve (PNG).
// Run: node content/physics/figures/draw.mjs (it writes beside itself)
import { writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'

const f = (x) => x.toFixed(2)

// 1. A simple pendulum: pivot, string at angle theta, bob, arc, gravity arrow.
{
  const px = 150, py = 30, len = 170, th = 0.45
  const bx = px + len * Math.sin(th), by = py + len * Math.cos(th)
  const arc = `M ${px} ${py + 60} A 60 60 0 0 0 ${f(px + 60 * Math.sin(th))} ${f(py + 60 * Math.cos(th))}`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="240" viewBox="0 0 300 240">
  <rect x="90" y="22" width="120" height="8" fill="#999"/>
  <line x1="${px}" y1="${py}" x2="${px}" y2="${py + len + 10}" stroke="#888" stroke-width="1" stroke-dasharray="4 3"/>
  <line x1="${px}" y1="${py}" x2="${f(bx)}" y2="${f(by)}" stroke="#000" stroke-width="1.5"/>
  <path d="${arc}" fill="none" stroke="#000" stroke-width="1"/>
  <text x="${px + 14}" y="${py + 78}" font-family="serif" font-style="italic" font-size="16">θ</text>
  <text x="${f(px + 0.55 * len * Math.sin(th) + 8)}" y="${f(py + 0.55 * len * Math.cos(th))}" font-family="serif" font-style="italic" font-size="16">ℓ</text>
  <circle cx="${f(bx)}" cy="${f(by)}" r="12" fill="#444"/>
  <line x1="${f(bx)}" y1="${f(by + 12)}" x2="${f(bx)}" y2="${f(by + 50)}" stroke="#000" stroke-width="1.5"/>
  <path d="M ${f(bx - 5)} ${f(by + 42)} L ${f(bx)} ${f(by + 52)} L ${f(bx + 5)} ${f(by + 42)} Z" fill="#000"/>
  <text x="${f(bx + 10)}" y="${f(by + 48)}" font-family="serif" font-style="italic" font-size="16">mg</text>
</svg>
`
  writeFileSync(new URL('pendulum.svg', import.meta.url), svg)
}

// 2. The two normal modes of two equal masses joined by three equal springs.
{
  const spring = (x1, x2, y) => {
    const n = 8, w = (x2 - x1) / (n + 1)
    let d = `M ${f(x1)} ${y} L ${f(x1 + w / 2)} ${y}`
    for (let i = 0; i < n; i++) d += ` L ${f(x1 + w / 2 + (i + 0.5) * w)} ${y + (i % 2 ? 7 : -7)}`
    d += ` L ${f(x2 - w / 2)} ${y} L ${f(x2)} ${y}`
    return `<path d="${d}" fill="none" stroke="#000" stroke-width="1.2"/>`
  }
  const row = (y, s1, s2, label) => {
    const m1 = 110 + s1, m2 = 230 + s2
    return `<rect x="18" y="${y - 22}" width="6" height="44" fill="#999"/>
  <rect x="396" y="${y - 22}" width="6" height="44" fill="#999"/>
  ${spring(24, m1 - 16, y)}${spring(m1 + 16, m2 - 16, y)}${spring(m2 + 16, 396, y)}
  <rect x="${m1 - 16}" y="${y - 16}" width="32" height="32" fill="#555"/>
  <rect x="${m2 - 16}" y="${y - 16}" width="32" height="32" fill="#555"/>
  <path d="M ${m1 - 16} ${y - 26} l ${s1 > 0 ? 30 : -30} 0" stroke="#000" stroke-width="1.3" marker-end="url(#head)"/>
  <path d="M ${m2 - 16} ${y - 26} l ${s2 > 0 ? 30 : -30} 0" stroke="#000" stroke-width="1.3" marker-end="url(#head)"/>
  <text x="210" y="${y + 40}" font-family="serif" font-size="15" text-anchor="middle">${label}</text>`
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="200" viewBox="0 0 420 200">
  <defs><marker id="head" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 Z" fill="#000"/></marker></defs>
  ${row(50, 12, 12, 'slow mode: the masses move together')}
  ${row(140, 12, -12, 'fast mode: the masses move against each other')}
</svg>
`
  writeFileSync(new URL('normal-modes.svg', import.meta.url), svg)
}

// 3. The resonance curve: steady amplitude against driving frequency for three dampings, as a plotted PNG.
{
  const width = 600, height = 360, png = new PNG({ width, height })
  png.data.fill(255)
  const dot = (x, y, shade, r = 1.6) => {
    for (let dx = -r; dx <= r; dx += 0.5) for (let dy = -r; dy <= r; dy += 0.5) {
      const ix = Math.round(x + dx), iy = Math.round(y + dy)
      if (ix < 0 || iy < 0 || ix >= width || iy >= height || dx * dx + dy * dy > r * r) continue
      const i = (iy * width + ix) * 4
      png.data[i] = png.data[i + 1] = png.data[i + 2] = Math.min(png.data[i], shade)
    }
  }
  const x0 = 50, y0 = 330, xs = 250, ys = 55
  for (let x = x0; x < width - 20; x++) dot(x, y0, 0, 0.8)
  for (let y = 20; y <= y0; y++) dot(x0, y, 0, 0.8)
  for (let k = 1; k <= 2; k++) for (let y = y0 - 6; y <= y0; y++) dot(x0 + k * xs, y, 0, 0.8)
  for (const [q, shade] of [[5, 0], [2, 90], [0.8, 160]]) {
    for (let w = 0.02; w <= 2.15; w += 0.0005) {
      const a = 1 / Math.sqrt((1 - w * w) ** 2 + (w / q) ** 2)
      const y = y0 - ys * a
      if (y > 15) dot(x0 + xs * w, y, shade)
    }
  }
  writeFileSync(new URL('resonance.png', import.meta.url), PNG.sync.write(png))
}
