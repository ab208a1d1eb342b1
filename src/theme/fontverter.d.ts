declare module 'fontverter' {
  /** The format of a font's bytes: `sfnt` (TrueType or OpenType), `woff` or `woff2`. */
  export function detectFormat(buffer: Uint8Array): 'sfnt' | 'woff' | 'woff2'
  export function convert(buffer: Uint8Array, toFormat: 'sfnt' | 'woff' | 'woff2' | 'truetype', fromFormat?: string): Promise<Buffer>
}
