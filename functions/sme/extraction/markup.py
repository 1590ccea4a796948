"""HTML with lxml (network off, no entity expansion, huge trees refused): headings,
paragraphs, list items and tables in document order; scripts, styles and other
non-content elements are dropped."""

from __future__ import annotations

from typing import Any

from functions.sme.extraction.model import Collector, Document, ExtractionError, Limits, table_text

_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "form",
                      "button", "select", "nav"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose text is a block of its own (text directly inside others joins their block).
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
                     "figure", "figcaption", "dd", "dt", "address", "body", "ul", "ol", "dl", "details", "summary"})


def extract_html(text: str, limits: Limits) -> Document:
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                             default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise ExtractionError("empty", "the HTML page has no content") from None
    collector = Collector(max_chars=limits.max_chars)
    _Walker(collector).block(root)
    return Document(format="html", blocks=collector.blocks)


class _Walker:
    def __init__(self, collector: Collector) -> None:
        self.collector = collector

    def block(self, element: Any) -> None:
        """Text of ``element`` (a block container): inline runs become paragraphs, child blocks their own."""
        run: list[str] = [element.text or ""]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            tag = tag.lower()
            if tag in _DROPPED or not tag:
                run.append(child.tail or "")
                continue
            if tag in _HEADINGS or tag in {"li", "table", "br", "hr"} or tag in _BLOCKS:
                self._flush(run)
                run = []
                self.special(child, tag)
            else:
                run.append(self.inline(child))
            run.append(child.tail or "")
        self._flush(run)

    def special(self, element: Any, tag: str) -> None:
        if tag in _HEADINGS:
            self.collector.add("heading", self.inline(element), level=_HEADINGS[tag])
        elif tag == "li":
            nested = [child for child in element if isinstance(child.tag, str) and child.tag.lower() in {"ul", "ol"}]
            own = [element.text or ""]
            for child in element:
                if child in nested:
                    own.append(child.tail or "")
                    continue
                own.append(self.inline(child) + (child.tail or ""))
            self.collector.add("list_item", "".join(own))
            for child in nested:
                self.block(child)
        elif tag == "table":
            rows = [[self.inline(cell) for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in {"td", "th"}]
                    for row in element.iter("tr")]
            self.collector.add("table", table_text(rows))
        elif tag in {"br", "hr"}:
            return
        else:
            self.block(element)

    def inline(self, element: Any) -> str:
        parts = [element.text or ""]
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in _DROPPED:
                parts.append(" " if tag == "br" else self.inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def _flush(self, run: list[str]) -> None:
        self.collector.add("paragraph", "".join(run))
