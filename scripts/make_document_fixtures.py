"""Writes the document fixtures of tests/fixtures/documents/ with the libraries ingestion
reads them with (fpdf2, python-docx, python-pptx) plus hand-written HTML, Markdown, text
and three hostile PDFs. Running it again gives the same documents: PDF, HTML, Markdown
and text byte for byte, DOCX/PPTX the same parts (their ZIP entry times change). Bombs are generated at test time (tests/support/hostile_documents.py).

    .venv/bin/python scripts/make_document_fixtures.py
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "documents"
FIXED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

# The safety handbook: one section per PDF page, so tests can check page numbers.
HANDBOOK = [
    ("Forklift safety", "Every driver checks the forks, the mast chains and the brakes before the first lift of a shift."),
    ("Loading docks", "Wheel chocks are placed under the trailer wheels before a forklift drives onto a trailer."),
    ("Battery charging", "Batteries are charged only in the ventilated charging bay, with the charger switched off before connecting."),
]


def handbook_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    pdf.set_font("Helvetica", size=12)
    for title, text in HANDBOOK:
        pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=16)
        pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(w=0, text=text)
    pdf.output(str(path))


def encrypted_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Confidential salary bands")
    pdf.output(str(path))


def scanned_pdf(path: Path) -> None:
    """Pages with only drawings (a scan has only images): no text layer at all."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    for _ in range(2):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(20, 20, 170, 250, style="F")
    pdf.output(str(path))


def circular_pdf(path: Path) -> None:
    """A page tree whose Pages node lists itself as its own kid, with a valid xref."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def procedures_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED.replace(tzinfo=None)
    document.core_properties.modified = FIXED.replace(tzinfo=None)
    document.add_heading("Warehouse procedures", level=1)
    document.add_paragraph("These procedures apply to every site and every shift.")
    document.add_heading("Receiving goods", level=2)
    document.add_paragraph("Check the delivery note against the order before signing.")
    document.add_paragraph("Count the pallets", style="List Bullet")
    document.add_paragraph("Inspect the wrapping for damage", style="List Bullet")
    document.add_paragraph("Record the delivery in the stock system", style="List Number")
    document.add_heading("Storage limits", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in zip(table.rows, [("Rack level", "Maximum load"), ("Floor", "2000 kg"), ("Top", "500 kg")],
                                  strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    document.add_paragraph("Heavier pallets are always stored at floor level.")
    document.save(str(path))


def training_pptx(path: Path) -> None:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Induction training"
    first.placeholders[1].text = "For new warehouse staff"
    second = deck.slides.add_slide(deck.slide_layouts[1])
    second.shapes.title.text = "Personal protective equipment"
    body = second.placeholders[1].text_frame
    body.text = "Safety shoes at all times"
    body.add_paragraph().text = "High-visibility vest on the floor"
    third = deck.slides.add_slide(deck.slide_layouts[5])
    third.shapes.title.text = "Emergency contacts"
    rows = [("Role", "Extension"), ("First aider", "2222"), ("Site manager", "2000")]
    table = third.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    deck.core_properties.created = FIXED.replace(tzinfo=None)
    deck.core_properties.modified = FIXED.replace(tzinfo=None)
    deck.save(str(path))


HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Visitor rules</title>
<style>body { font-family: sans-serif; }</style>
<script>window.secretTracking = "do-not-extract";</script></head>
<body>
<nav><a href="/">Home</a></nav>
<h1>Visitor rules</h1>
<p>Visitors sign in at reception &amp; wear a visitor badge.</p>
<h2>On the floor</h2>
<ul><li>Stay inside the <b>marked walkways</b></li><li>Never walk under a raised load</li></ul>
<table><tr><th>Area</th><th>Escort</th></tr><tr><td>Office</td><td>No</td></tr><tr><td>Warehouse</td><td>Yes</td></tr></table>
<noscript>Enable JavaScript</noscript>
</body></html>
"""

MARKDOWN = """# Cold store guide

Working in the cold store needs *insulated* clothing and short shifts.

## Time limits

- At most 45 minutes inside at a time
- A 15 minute break in the warm room after each stay

## Temperatures

| Zone | Temperature |
| --- | --- |
| Chiller | 2 °C |
| Freezer | -25 °C |

See the [site map](https://intranet.invalid/map) for the doors.
"""

TEXT = """Spill response

Stop work and keep people away from the spill.

Use the spill kit from the nearest yellow station, then report the spill to the shift lead.
"""


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    handbook_pdf(OUT / "handbook.pdf")
    encrypted_pdf(OUT / "encrypted.pdf")
    scanned_pdf(OUT / "scanned.pdf")
    circular_pdf(OUT / "circular.pdf")
    procedures_docx(OUT / "procedures.docx")
    training_pptx(OUT / "training.pptx")
    (OUT / "visitors.html").write_text(HTML, encoding="utf-8")
    (OUT / "cold-store.md").write_text(MARKDOWN, encoding="utf-8")
    (OUT / "spills.txt").write_text(TEXT, encoding="utf-8")
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
