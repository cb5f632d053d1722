"""Reading a PDF back as a screen reader, an archive and a careful reader would: what every PDF we write must pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


@dataclass
class Element:
    """A node of the structure tree: its role (/H1, /P, /Table, …), alternative text and children."""

    role: str
    alt: str | None
    children: list[Element] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def structure(reader: pypdf.PdfReader) -> Element:
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    role_map = {str(k): str(v) for k, v in root.get("/RoleMap", {}).items()}

    def build(node) -> Element:
        role = str(node.get("/S", "/StructTreeRoot"))
        element = Element(role_map.get(role, role) if role in ("/Strong", "/Em", "/Datetime", "/Terms")
                          else role, node.get("/Alt"))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if isinstance(kid, DictionaryObject) and "/S" in kid:
                element.children.append(build(kid))
        return element

    return build(root)


def bookmarks(reader: pypdf.PdfReader) -> list:
    """The outline as [(title, [(title, […]), …]), …]."""
    def tree(items):
        out = []
        for item in items:
            if isinstance(item, list):
                out[-1] = (out[-1][0], tree(item))
            else:
                out.append((item.title, []))
        return out

    return tree(reader.outline)


def without_line_numbers(text: str) -> str:
    """Extracted text without the numbers of numbered lines (artifacts a plain extraction still returns)."""
    return re.sub(r"(?<!\S)\d{1,4}(?!\S)", " ", text)


def artifacts_and_content(page: pypdf.PageObject) -> tuple[str, str]:
    """A page's text split as a screen reader sees it: what is marked as an artifact, and the rest."""
    inside: list[bool] = []
    artifacts: list[str] = []
    content: list[str] = []

    def operator(op, args, cm, tm):
        if op in (b"BDC", b"BMC"):
            inside.append(bool(args) and args[0] == "/Artifact")
        elif op == b"EMC" and inside:
            inside.pop()

    def text(value, cm, tm, font, size):
        (artifacts if any(inside) else content).append(value)

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return "".join(artifacts), "".join(content)


def xmp(reader: pypdf.PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _objects(reader: pypdf.PdfReader):
    """Every dictionary in the file, reached from the trailer."""
    seen: set[int] = set()
    stack = [reader.trailer]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            yield node
            for key, value in node.items():
                if key not in ("/Parent", "/P", "/Pg"):
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)


def check(path: Path, title: str) -> tuple[pypdf.PdfReader, Element, list[str]]:
    """Everything every PDF we write must be: tagged, PDF/UA-1 and PDF/A-2a, titled, Dutch, numbered, safe.

    Returns the reader, its structure tree and the text of each page, for the checks of one kind of publication.
    """
    with pypdf.apply_configuration(array_maximum_element_count=ARRAY_ELEMENTS):
        return _check(path, title)


# pypdf refuses arrays of more than 100,000 elements against malicious files;
# the structure tree of a 20,000-amendment book (our own file) has more.
ARRAY_ELEMENTS = 10_000_000


def _check(path: Path, title: str) -> tuple[pypdf.PdfReader, Element, list[str]]:
    reader = pypdf.PdfReader(path, strict=True)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    tree = structure(reader)
    roles = [e.role for e in tree.walk()]
    assert "/H1" in roles and "/P" in roles
    metadata = xmp(reader)
    assert re.search(r'pdfuaid:part(="|>)1', metadata), "no PDF/UA-1 identification"
    assert re.search(r'pdfaid:part(="|>)[23]', metadata) and re.search(r'pdfaid:conformance(="|>)A', metadata)
    assert catalog["/Lang"] == "nl-NL"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == title
    assert reader.metadata.author.startswith("Griffie van de gemeenteraad ")
    assert [e for e in tree.walk() if e.role == "/Figure" and not e.alt] == []
    for node in _objects(reader):
        assert node.get("/S") not in ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm"), node
        assert "/JS" not in node and "/AA" not in node
        if node.get("/S") == "/URI":
            assert str(node["/URI"]).startswith(("http://", "https://", "mailto:")), node["/URI"]
        if node.get("/Type") == "/FontDescriptor":
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(node), node  # embedded
            assert "DejaVuSans" in node["/FontName"]
    assert "/Names" not in catalog or "/JavaScript" not in catalog["/Names"]
    assert "/OpenAction" not in catalog or "/S" not in catalog["/OpenAction"]
    texts = page_texts(reader)
    count = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"pagina {number} van {count}" in text, number
    return reader, tree, texts


def squeezed(text: str) -> str:
    """Text without spaces, line-end hyphens or break opportunities: how a wrapped title is compared."""
    return re.sub(r"[\s\u200b\u00ad]|-(?=\s)", "", text.replace("- ", ""))
