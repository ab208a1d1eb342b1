/**
 * Part of render: what a press file adds to the document — process colour
 * (every colour pdfkit writes turned into CMYK, the theme's text colour into
 * black alone), and the PDF/X identity: the output intent, the keys of the
 * document information, and for PDF/X-4 the XMP that names it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { PdfxIdentity } from '../press/profiles.js'

/** Colour channels from 0 to 1: three for RGB, four for CMYK. */
type Channels = number[]

/**
 * CMYK for an RGB colour, with all the grey taken into black (k = 1 − the
 * brightest channel), so that greys and black print on the black plate
 * alone; `black` (the theme's text colour) prints as 100 % K, as printers
 * ask of text.
 */
export function processColour(rgb: readonly number[], black?: readonly number[]): Channels {
  if (black && rgb.every((channel, index) => Math.abs(channel - black[index]!) < 1e-6)) return [0, 0, 0, 1]
  const [r, g, b] = rgb as [number, number, number]
  const k = 1 - Math.max(r, g, b)
  if (k >= 1 - 1e-9) return [0, 0, 0, 1]
  const round = (value: number): number => Math.round(value * 1e4) / 1e4
  return [round((1 - r - k) / (1 - k)), round((1 - g - k) / (1 - k)), round((1 - b - k) / (1 - k)), round(k)]
}

interface ColourNormaliser {
  _normalizeColor(colour: unknown): Channels | null
}

/** Make every colour the document writes from now on a process colour (see `processColour`). */
export function useProcessColour(doc: PDFKit.PDFDocument, textColour: string): void {
  const target = doc as unknown as ColourNormaliser
  const normalise = target._normalizeColor.bind(doc)
  const black = normalise(textColour) ?? [0, 0, 0]
  target._normalizeColor = (colour: unknown): Channels | null => {
    const channels = normalise(colour)
    return channels !== null && Array.isArray(channels) && channels.length === 3 ? processColour(channels, black) : channels
  }
}

/** A PDF name written as a value where pdfkit would write a string (the document information's `Trapped`). */
class PdfName {
  constructor(private readonly name: string) {}
  // pdfkit writes an object whose tag is not `Object` as the text of `toString`: here, a name.
  get [Symbol.toStringTag](): string {
    return 'PdfName'
  }
  toString(): string {
    return `/${this.name}`
  }
}

/** The document information's keys of a PDF/X file, added to what pdfkit writes. */
export function pdfxInfo(identity: PdfxIdentity): Record<string, unknown> {
  const info: Record<string, unknown> = { GTS_PDFXVersion: identity.version, Trapped: new PdfName('False') }
  if (identity.conformance) info.GTS_PDFXConformance = identity.conformance
  return info
}

/**
 * The output intent: the printing condition named by its identifier in the
 * ICC's registry, with its ICC profile embedded where the profile names one
 * (PDF/X-4 requires it; PDF/X-1a may name a registered condition alone).
 */
export function addOutputIntent(doc: PDFKit.PDFDocument, identity: PdfxIdentity): void {
  const data: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(identity.condition.identifier),
    OutputCondition: new String(identity.condition.info),
    Info: new String(identity.condition.info),
    RegistryName: new String('http://www.color.org'),
  }
  if (identity.profile !== undefined) {
    const profile = doc.ref({ N: 4 }) as unknown as { write(bytes: Buffer): void; end(): void }
    profile.write(readFileSync(new URL(`../../../assets/icc/${identity.profile}`, import.meta.url)))
    profile.end()
    data.DestOutputProfile = profile
  }
  const intent = doc.ref(data)
  ;(intent as unknown as { end(): void }).end()
  ;(doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.OutputIntents = [intent]
}

/** The XMP a PDF/X-4 file identifies itself by, with the document's ids that ISO 15930-7 asks for. */
export function pdfxXmp(identity: PdfxIdentity, title: string, modified: string): string {
  const date = `${modified.split('.')[0]!.replace(/Z$/, '')}Z`
  const id = uuidOf(`${title}\n${modified}`)
  return `<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<pdfxid:GTS_PDFXVersion>${identity.version}</pdfxid:GTS_PDFXVersion>
<pdf:Trapped>False</pdf:Trapped>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmpMM:DocumentID>uuid:${id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>`
}

/** A UUID made from text (the same book, the same id: builds stay reproducible). */
function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
