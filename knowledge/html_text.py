"""HTML -> text for product descriptions, and -> heading-structured Markdown for pages.

Shop pages carry navigation, scripts and cookie banners around the content; those are
dropped so chunks hold what a buyer would read.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "footer", "header", "aside")
_BLOCKS = ("p", "li", "dt", "dd", "tr", "pre", "blockquote", "div", "section", "article", "br", "table", "ul", "ol")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _squash(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (a product body): one line per block element."""
    if not html or "<" not in html:
        return " ".join((html or "").split())
    soup = _soup(html)
    for tag in soup(list(_DROP)):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(("td", "th")):
        cell.insert_after(" | ")
    return _squash(soup.get_text())


def html_to_markdown(html: str) -> tuple[str | None, str]:
    """(page title, Markdown) where the page's headings become "#"/"##" lines.

    The top heading level that appears once is the title ("# "); the next level marks
    sections ("## "); deeper headings stay inside their section as bold lines.
    """
    soup = _soup(html)
    title_tag = soup.find("title")
    page_title = " ".join(title_tag.get_text().split()) if isinstance(title_tag, Tag) else None
    body = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in body(list(_DROP)):
        tag.decompose()
    headings = [h for h in body.find_all(_HEADINGS) if h.get_text(strip=True)]
    levels = sorted({int(h.name[1]) for h in headings})
    title_level = levels[0] if levels and sum(int(h.name[1]) == levels[0] for h in headings) == 1 and len(
        levels) > 1 else None
    section_level = next((lv for lv in levels if lv != title_level), None)
    for heading in headings:
        level = int(heading.name[1])
        text = " ".join(heading.get_text().split())
        mark = "# " if level == title_level else "## " if level == section_level else "**"
        heading.replace_with(f"\n\n{mark}{text}{'**' if mark == '**' else ''}\n\n")
    for tag in body.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in body.find_all(("td", "th")):
        cell.insert_after(" | ")
    text = _squash(body.get_text())
    if title_level is None and page_title:
        text = f"# {page_title}\n\n{text}"
    return page_title, text
