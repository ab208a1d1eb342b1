// fontkit's glyph outlines, which the cover draws (the rest of fontkit is declared with the typesetter).
import 'fontkit'

declare module 'fontkit' {
  interface Glyph {
    path: { toSVG(): string }
  }
}
