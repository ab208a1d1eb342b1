#!/usr/bin/env bash
# The README's pictures: the first page of the article's PDF, and the same
# article's EPUB chapter as a browser engine shows it, side by side.
# Needs poppler-utils and chromium (apt-get install -y poppler-utils chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
make --quiet dist/article.pdf dist/article.epub

pdftoppm -png -r 96 -f 1 -l 1 -singlefile dist/article.pdf docs/article-pdf
# A page of the worked example with matrices, a determinant and a figure (content/physics).
make --quiet dist/physics.pdf
pdftoppm -png -r 96 -f 20 -l 20 -singlefile dist/physics.pdf docs/physics-pdf

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && unzip -q "$OLDPWD/dist/article.epub")
chapter=$(cd "$scratch" && ls OEBPS/chapter-*.xhtml | head -1)
# An e-reader draws the page's margins itself: a frame stands in for it here.
cat > "$scratch/reader.html" <<HTML
<!DOCTYPE html><html><body style="margin:0;background:#fff">
<iframe src="$chapter" style="position:absolute;border:0;left:56px;top:56px;width:448px;height:694px"></iframe>
</body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$scratch/profile" \
  --window-size=560,794 --screenshot="$PWD/docs/article-epub.png" "file://$scratch/reader.html" 2>/dev/null
echo "wrote docs/article-pdf.png, docs/physics-pdf.png and docs/article-epub.png"
