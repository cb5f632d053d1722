"""Sample programmes whose headings are not Kop 1 and Kop 2, written as raw OOXML and ODF.

Written by hand, not with python-docx or odfpy, so that each file holds
exactly what the case is about: style ids that are not "Heading1", a house
style based on a heading, outline levels on a style or on one paragraph,
bold or larger type, Word's own numbering. Each ``*_docx``/``*_odt``
function writes one file and returns the outline the import must propose,
as (kind, title, plain text of each body part).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# -- Word ---------------------------------------------------------------------------------------

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{R}/numbering" Target="numbering.xml"/>
</Relationships>"""
# One numbered list ("1.", "1.1") as Word writes it for a numbered heading list.
_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def style(style_id: str, name: str, *, based_on: str | None = None, outline: int | None = None,
          bold: bool = False, size: int | None = None, kind: str = "paragraph", default: bool = False) -> str:
    """A w:style; ``outline`` is the outline level as Word shows it (1–9), ``size`` in points."""
    ppr = f'<w:pPr><w:outlineLvl w:val="{outline - 1}"/></w:pPr>' if outline else ""
    rpr = ("<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size * 2}"/>' if size else "")
           + "</w:rPr>") if bold or size else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}"><w:name w:val="{escape(name)}"/>'
            f"{based}{ppr}{rpr}</w:style>")


# What Word itself puts in styles.xml: the built-in styles keep their English names in every language.
BUILT_IN = [
    style("Normal", "Normal", default=True),
    style("Heading1", "heading 1", based_on="Normal", outline=1, bold=True, size=16),
    style("Heading2", "heading 2", based_on="Normal", outline=2, bold=True, size=13),
    style("Heading3", "heading 3", based_on="Normal", outline=3, bold=True),
    style("Title", "Title", based_on="Normal", size=28),
]


def para(text: str, *, style_id: str | None = None, bold: bool = False, size: int | None = None,
         outline: int | None = None, numbered: int | None = None) -> str:
    """A w:p with one run; ``numbered`` is the level (0, 1) in Word's own numbered list."""
    ppr = ""
    if style_id or outline or numbered is not None:
        ppr = ("<w:pPr>" + (f'<w:pStyle w:val="{style_id}"/>' if style_id else "")
               + (f'<w:numPr><w:ilvl w:val="{numbered}"/><w:numId w:val="1"/></w:numPr>'
                  if numbered is not None else "")
               + (f'<w:outlineLvl w:val="{outline - 1}"/>' if outline else "") + "</w:pPr>")
    rpr = ("<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size * 2}"/>' if size else "")
           + "</w:rPr>") if bold or size else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def write_docx(path: Path, paragraphs: list[str], styles: list[str], *, body_size: int = 11) -> Path:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(paragraphs)}'
                f"<w:sectPr/></w:body></w:document>")
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
                  f'<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="{body_size * 2}"/></w:rPr></w:rPrDefault>'
                  f'</w:docDefaults>{"".join(styles)}</w:styles>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles_xml)
        archive.writestr("word/numbering.xml", _NUMBERING)
    return path


# -- the samples --------------------------------------------------------------------------------

def one_level_docx(path: Path):
    """Heading 1 only, under a Title: each heading a section in one chapter named after the title."""
    write_docx(path, [
        para("Samen verder in Dorp", style_id="Title"),
        para("Dit akkoord is van de hele raad.", style_id="Normal"),
        para("Wonen", style_id="Heading1"),
        para("We bouwen 500 woningen."),
        para("Ook in de dorpen."),
        para("Verkeer", style_id="Heading1"),
        para("De Hoofdstraat wordt autoluw."),
    ], BUILT_IN)
    return "one_level", [
        ("chapter", "Samen verder in Dorp", ["Dit akkoord is van de hele raad."]),
        ("section", "Wonen", ["We bouwen 500 woningen.", "Ook in de dorpen."]),
        ("section", "Verkeer", ["De Hoofdstraat wordt autoluw."]),
    ]


def numbered_bold_docx(path: Path):
    """No heading styles at all: "1." chapters and "1.1" sections typed in bold, body text in Normal."""
    write_docx(path, [
        para("Inleiding: dit akkoord is van de hele raad."),
        para("1. Wonen", bold=True),
        para("Wonen is een grondrecht."),
        para("1.1 Bouwen", bold=True),
        para("We bouwen 500 woningen."),
        para("1.2 Huur", bold=True),
        para("De huren stijgen niet harder dan de inflatie."),
        para("2. Financiën", bold=True),
        para("2.1 Begroting", bold=True),
        para("De begroting is structureel sluitend."),
    ], BUILT_IN)
    return "numbered", [
        ("chapter", "Wonen", ["Wonen is een grondrecht."]),
        ("section", "Bouwen", ["We bouwen 500 woningen."]),
        ("section", "Huur", ["De huren stijgen niet harder dan de inflatie."]),
        ("chapter", "Financiën", []),
        ("section", "Begroting", ["De begroting is structureel sluitend."]),
    ]


def articles_docx(path: Path):
    """"Artikel 1", "Artikel 2" in larger type: one level, sections in one chapter named after the file."""
    write_docx(path, [
        para("Artikel 1", size=14),
        para("De raad werkt samen."),
        para("Artikel 2", size=14),
        para("Ieder jaar is er een evaluatie."),
    ], BUILT_IN)
    return "numbered_large", [
        ("chapter", "akkoord", []),
        ("section", "Artikel 1", ["De raad werkt samen."]),
        ("section", "Artikel 2", ["Ieder jaar is er een evaluatie."]),
    ]


def word_numbered_docx(path: Path):
    """Headings numbered by Word's own list numbering, in bold (by a style or by hand): the list level is the depth."""
    styles = BUILT_IN + [style("GenummerdeKop", "Genummerde kop", based_on="Normal", bold=True)]
    write_docx(path, [
        para("Wonen", style_id="GenummerdeKop", numbered=0),
        para("Bouwen", bold=True, numbered=1),
        para("We bouwen 500 woningen."),
        para("Huur", bold=True, numbered=1),
        para("De huren stijgen niet."),
    ], styles)
    return "numbered", [
        ("chapter", "Wonen", []),
        ("section", "Bouwen", ["We bouwen 500 woningen."]),
        ("section", "Huur", ["De huren stijgen niet."]),
    ]


def bold_paragraphs_docx(path: Path):
    """Short bold paragraphs followed by body text, nothing numbered: one level."""
    write_docx(path, [
        para("Raadsprogramma Dorp", style_id="Title"),
        para("Wonen", bold=True),
        para("We bouwen 500 woningen."),
        para("Let op: dit is vetgedrukt maar geen kop.", bold=True),
        para("Zorg", bold=True),
        para("Niemand valt tussen wal en schip."),
    ], BUILT_IN)
    return "bold", [
        ("chapter", "Raadsprogramma Dorp", []),
        ("section", "Wonen", ["We bouwen 500 woningen.", "Let op: dit is vetgedrukt maar geen kop."]),
        ("section", "Zorg", ["Niemand valt tussen wal en schip."]),
    ]


def title_and_outline_levels_docx(path: Path):
    """A Title, chapters in a house style with an outline level, sections with a direct outline level."""
    styles = BUILT_IN + [style("Hoofdstuktitel", "Hoofdstuktitel", based_on="Normal", outline=1, size=15)]
    write_docx(path, [
        para("Raadsakkoord Dorp 2026–2030", style_id="Title"),
        para("Wonen", style_id="Hoofdstuktitel"),
        para("Bouwen", outline=2),
        para("We bouwen 500 woningen."),
        para("Verkeer", style_id="Hoofdstuktitel"),
        para("Fiets", outline=2),
        para("Meer fietspaden."),
    ], styles)
    return "outline", [
        ("chapter", "Wonen", []),
        ("section", "Bouwen", ["We bouwen 500 woningen."]),
        ("chapter", "Verkeer", []),
        ("section", "Fiets", ["Meer fietspaden."]),
    ]


def dutch_styles_docx(path: Path):
    """A Dutch Word file whose styles are named "Kop 1"/"Kop 2"/"Titel", with ids that are not "Heading1"."""
    styles = [
        style("Standaard", "Standaard", default=True),
        style("Kop1", "Kop 1", based_on="Standaard", bold=True, size=16),
        style("Kop2", "Kop 2", based_on="Standaard", bold=True, size=13),
        style("Titel", "Titel", based_on="Standaard", size=28),
    ]
    write_docx(path, [
        para("Raadsakkoord Dorp", style_id="Titel"),
        para("Wonen", style_id="Kop1"),
        para("Bouwen", style_id="Kop2"),
        para("We bouwen 500 woningen."),
        para("Financiën", style_id="Kop1"),
        para("Begroting", style_id="Kop2"),
        para("De begroting sluit."),
    ], styles)
    return "styles", [
        ("chapter", "Wonen", []),
        ("section", "Bouwen", ["We bouwen 500 woningen."]),
        ("chapter", "Financiën", []),
        ("section", "Begroting", ["De begroting sluit."]),
    ]


def house_style_docx(path: Path):
    """The municipality's own heading styles, based on Heading 1 and Heading 2."""
    styles = BUILT_IN + [
        style("GemeenteKop", "Gemeente hoofdstuk", based_on="Heading1", size=18),
        style("GemeenteSubkop", "Gemeente onderwerp", based_on="Heading2"),
    ]
    write_docx(path, [
        para("Wonen", style_id="GemeenteKop"),
        para("Bouwen", style_id="GemeenteSubkop"),
        para("We bouwen 500 woningen."),
        para("Waar", style_id="Heading3"),
        para("In het centrum."),
    ], styles)
    return "styles", [
        ("chapter", "Wonen", []),
        ("section", "Bouwen", ["We bouwen 500 woningen.", "Waar", "In het centrum."]),
    ]


# -- OpenDocument ----------------------------------------------------------------------------------

_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def write_odt(path: Path, body: str, styles: str = "") -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODF_NS} office:version="1.2">'
               f"<office:automatic-styles/><office:body><office:text>{body}</office:text></office:body>"
               f"</office:document-content>")
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODF_NS} office:version="1.2">'
                  f"<office:styles>{styles}</office:styles></office:document-styles>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles_xml)
    return path


def outline_levels_odt(path: Path):
    """Headings in LibreOffice's own styles named "Hoofdstuk" and "Onderwerp", by outline level only;
    one section is a plain paragraph whose style carries the outline level."""
    styles = ('<style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="Hoofdstuk" style:family="paragraph" style:default-outline-level="1"/>'
              '<style:style style:name="Onderwerp" style:family="paragraph" style:default-outline-level="2"/>'
              '<style:style style:name="Title" style:family="paragraph"/>')
    write_odt(path, (
        '<text:p text:style-name="Title">Raadsakkoord Dorp</text:p>'
        '<text:h text:style-name="Hoofdstuk" text:outline-level="1">Wonen</text:h>'
        '<text:h text:style-name="Onderwerp" text:outline-level="2">Bouwen</text:h>'
        '<text:p text:style-name="Standard">We bouwen 500 woningen.</text:p>'
        '<text:h text:style-name="Hoofdstuk" text:outline-level="1">Zorg</text:h>'
        '<text:p text:style-name="Onderwerp">Jeugd</text:p>'
        '<text:p text:style-name="Standard">Geen wachtlijsten.</text:p>'), styles)
    return "outline", [
        ("chapter", "Wonen", []),
        ("section", "Bouwen", ["We bouwen 500 woningen."]),
        ("chapter", "Zorg", []),
        ("section", "Jeugd", ["Geen wachtlijsten."]),
    ]


def one_level_odt(path: Path):
    """Only LibreOffice's "Heading 1", larger "Standard" paragraphs nowhere: one level."""
    styles = ('<style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
              'style:default-outline-level="1"/>')
    write_odt(path, (
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Wonen</text:h>'
        '<text:p text:style-name="Standard">We bouwen.</text:p>'
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Zorg</text:h>'
        '<text:p text:style-name="Standard">We zorgen.</text:p>'), styles)
    return "one_level", [
        ("chapter", "programma", []),
        ("section", "Wonen", ["We bouwen."]),
        ("section", "Zorg", ["We zorgen."]),
    ]


def large_type_odt(path: Path):
    """No headings: chapters in larger type, sections in bold, followed by body text or by a section."""
    styles = ('<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt"/>'
              '</style:default-style>'
              '<style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="Groot" style:family="paragraph" style:parent-style-name="Standard">'
              '<style:text-properties fo:font-size="16pt"/></style:style>')
    bold = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:text-properties fo:font-weight="bold"/></style:style>')
    write_odt(path, (
        '<text:p text:style-name="Groot">Wonen</text:p>'
        '<text:p text:style-name="Standard">Wonen is een grondrecht.</text:p>'
        '<text:p text:style-name="P1">Bouwen</text:p>'
        '<text:p text:style-name="Standard">We bouwen.</text:p>'
        '<text:p text:style-name="Groot">Financiën</text:p>'
        '<text:p text:style-name="P1">Begroting</text:p>'
        '<text:p text:style-name="Standard">De begroting sluit.</text:p>'), styles)
    # The bold paragraph style is automatic (direct formatting), as LibreOffice writes it in content.xml.
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"<office:automatic-styles/>", f"<office:automatic-styles>{bold}</office:automatic-styles>".encode())
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"))
        for name, data in parts.items():
            archive.writestr(name, data)
    return "large_bold", [
        ("chapter", "Wonen", ["Wonen is een grondrecht."]),
        ("section", "Bouwen", ["We bouwen."]),
        ("chapter", "Financiën", []),
        ("section", "Begroting", ["De begroting sluit."]),
    ]


DOCX_SAMPLES = {
    "een-kopniveau.docx": one_level_docx,
    "genummerd-vet.docx": numbered_bold_docx,
    "akkoord.docx": articles_docx,
    "word-nummering.docx": word_numbered_docx,
    "vette-alineas.docx": bold_paragraphs_docx,
    "titel-en-overzichtsniveaus.docx": title_and_outline_levels_docx,
    "kop-nederlands.docx": dutch_styles_docx,
    "huisstijl.docx": house_style_docx,
}
ODT_SAMPLES = {
    "overzichtsniveaus.odt": outline_levels_odt,
    "programma.odt": one_level_odt,
    "grote-letters.odt": large_type_odt,
}
