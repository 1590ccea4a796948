"""Hostile documents made at test time (too large to commit): zip bombs dressed as
DOCX/PPTX, XML entity bombs inside an Office package and in HTML, a PDF over the page limit."""

from __future__ import annotations

import io
import zipfile

MIB = 1024 * 1024

_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                  b'content-types"></Types>')
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
          + b']>\n')


def zip_bomb(main_part: str = "word/document.xml", *, expanded_mib: int = 300) -> bytes:
    """A package whose main part inflates to ``expanded_mib`` MiB of spaces (~1000:1), written
    in streamed 1 MiB steps so making it needs no more memory than reading it should."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open(main_part, "w", force_zip64=True) as part:
            block = b" " * MIB
            for _ in range(expanded_mib):
                part.write(block)
    return out.getvalue()


def many_parts(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for n in range(count):
            archive.writestr(f"word/media/{n}.bin", b"")
    return out.getvalue()


def entity_bomb_docx(real_docx: bytes) -> bytes:
    """``real_docx`` with its document part replaced by a billion-laughs one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real_docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = LAUGHS + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' \
                    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
            target.writestr(member, data)
    return out.getvalue()


def entity_bomb_html() -> bytes:
    return LAUGHS.replace(b"lolz", b"html") + b"<html><body><p>&lol9;</p><p>Visible text</p></body></html>"


def long_pdf(pages: int, *, text: str = "Page {n}: the rule of this page is rule number {n}.") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(w=0, text=text.format(n=n))
    return bytes(pdf.output())
