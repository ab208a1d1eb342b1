/**
 * What may reach an XML file. The model's text is cleaned by the parser, but
 * epub-gen-memory passes anything through, so every string the emitter writes
 * goes through here once more.
 */

/**
 * Code points XML 1.0 forbids (C0 controls other than tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF) and the C1 controls, which XHTML validators reject.
 */
const forbidden = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** `text` with every code point XML cannot carry removed. */
export function xmlSafe(text: string): string {
  return text.replace(forbidden, '')
}
