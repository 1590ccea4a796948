"""Mail templates: ``templates/<locale>/<name>.subject.txt``, ``<name>.txt`` and ``<name>.html``.

Jinja2 with ``StrictUndefined`` (a missing variable is an error, not an empty
hole) and autoescaping for the HTML part only: a company called
``<b>Acme</b>`` reads as such in both parts. The locale picks a template set
(``de-AT`` → ``de-at``, then ``de``) and falls back to English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from functions.mail.messages import DEFAULT_LOCALE

_LOCALE_DIR = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class RenderedMail:
    locale: str
    subject: str
    text: str
    html: str


class TemplateError(Exception):
    """A template set cannot render the request (a missing variable, a broken template)."""


def locale_candidates(locale: str) -> list[str]:
    """``pt_BR`` → ``["pt-br", "pt", "en"]``: the most specific set first, English last."""
    parts = locale.strip().lower().replace("_", "-").split("-")
    chosen = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    # Only names a template folder can have: a locale never walks out of the templates.
    return [*dict.fromkeys([*(c for c in chosen if _LOCALE_DIR.fullmatch(c)), DEFAULT_LOCALE])]


class MailTemplates:
    def __init__(self, root: Path = TEMPLATES_DIR) -> None:
        self._root = root
        # Escaping follows the file: ``.html`` parts are escaped, plain text never (it would show "&amp;").
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )

    def locale_for(self, name: str, locale: str) -> str:
        for candidate in locale_candidates(locale):
            if (self._root / candidate / f"{name}.txt").is_file():
                return candidate
        raise TemplateError(f"no {name} template for {locale!r} nor {DEFAULT_LOCALE!r}")

    def render(self, name: str, *, locale: str, variables: dict[str, Any]) -> RenderedMail:
        chosen = self.locale_for(name, locale)
        try:
            subject = self._env.get_template(f"{chosen}/{name}.subject.txt").render(variables)
            text = self._env.get_template(f"{chosen}/{name}.txt").render(variables)
            html = self._env.get_template(f"{chosen}/{name}.html").render(variables)
        except jinja2.TemplateError as err:
            raise TemplateError(f"{chosen}/{name}: {err.message or type(err).__name__}") from None
        # A subject is one header line, whatever the variables held.
        return RenderedMail(locale=chosen, subject=" ".join(subject.split()), text=text, html=html)
