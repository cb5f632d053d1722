"""Named styles and real headings in the ODT that Qt writes, so it reads back like LibreOffice's own.

Qt's ODF writer gives every paragraph an automatic style ("p7") and writes
headings as plain paragraphs: LibreOffice's navigator then shows no
headings, and a round's ODT edited with track changes could not be read
back per section. ``outline`` rewrites the written file: headings become
``text:h`` with their outline level (the HTML's h2 a chapter at level 1,
h3 a section at level 2, as in the Word export), the cover's title gets
the named style Title and the support line under each section the named
style Klein, the names the tracked-changes reader looks for.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
TITLE = "Title"
SUPPORT = "Klein"  # as in the Word export
# Named styles carry no look of their own: each paragraph keeps the automatic style Qt gave it.
_NAMED = {TITLE: {"class": "chapter"}, SUPPORT: {"class": "text"},
          "Heading_20_1": {"class": "text", "display-name": "Heading 1", "default-outline-level": "1"},
          "Heading_20_2": {"class": "text", "display-name": "Heading 2", "default-outline-level": "2"}}


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def outline(path: Path, roles: dict[str, str]) -> None:
    """Rewrite the ODT at ``path``: ``roles`` maps an automatic paragraph style to "title", "support",
    "1" or "2" (a heading's outline level)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    content = etree.fromstring(parts["content.xml"], parser)
    for style in content.iter(q("style:style")):
        role = roles.get(style.get(q("style:name"), ""))
        if style.get(q("style:family")) != "paragraph" or role is None:
            continue
        parent = {"title": TITLE, "support": SUPPORT}.get(role, f"Heading_20_{role}")
        style.set(q("style:parent-style-name"), parent)
    for paragraph in list(content.iter(q("text:p"))):
        level = roles.get(paragraph.get(q("text:style-name"), ""), "")
        if level.isdigit():
            paragraph.tag = q("text:h")
            paragraph.set(q("text:outline-level"), level)
    parts["content.xml"] = etree.tostring(content, xml_declaration=True, encoding="UTF-8")
    if "styles.xml" not in parts:
        parts["styles.xml"] = _styles()
        parts["META-INF/manifest.xml"] = _listed(parts["META-INF/manifest.xml"], parser)
    with zipfile.ZipFile(path, "w") as archive:
        # The mimetype first and stored: how an ODF file is told from any other zip.
        archive.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"), zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)


def _styles() -> bytes:
    root = etree.Element(q("office:document-styles"), nsmap={k: v for k, v in NS.items() if k != "manifest"})
    root.set(q("office:version"), "1.2")
    styles = etree.SubElement(root, q("office:styles"))
    for name, attributes in _NAMED.items():
        style = etree.SubElement(styles, q("style:style"))
        style.set(q("style:name"), name)
        style.set(q("style:family"), "paragraph")
        for key, value in attributes.items():
            style.set(q(f"style:{key}"), value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _listed(manifest: bytes, parser) -> bytes:
    root = etree.fromstring(manifest, parser)
    entry = etree.SubElement(root, q("manifest:file-entry"))
    entry.set(q("manifest:full-path"), "styles.xml")
    entry.set(q("manifest:media-type"), "text/xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
