"""Word and OpenDocument files built to trip the readers: each is read whole or refused with one message.

Content controls nested in content controls, entities and document types,
parts nested beyond any real document, and a reader that fails in a way
nobody foresaw.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.office import read_document
from tests.importing.office.builders import draft_docx, draft_odt

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _edited(source: Path, target: Path, part: str, edit) -> Path:
    """``source`` with one part's text passed through ``edit``; every other part as it was."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            new.writestr(info, data)
    return target


def _at_body_start(fragment: str):
    def edit(xml: str) -> str:
        at = xml.index("<w:body>") + len("<w:body>")
        return xml[:at] + fragment + xml[at:]
    return edit


def _with_doctype(declaration: str):
    def edit(xml: str) -> str:
        at = xml.index("?>") + 2
        return xml[:at] + declaration + xml[at:]
    return edit


@pytest.fixture
def docx_file(tmp_path) -> Path:
    draft_docx(tmp_path / "concept.docx")
    return tmp_path / "concept.docx"


def _sdt(inner: str) -> str:
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def test_text_in_a_content_control_inside_a_content_control_is_imported(docx_file, tmp_path):
    paragraph = "<w:p><w:r><w:t>Genest maar gelezen.</w:t></w:r></w:p>"
    target = _edited(docx_file, tmp_path / "genest.docx", "word/document.xml",
                     _at_body_start(_sdt(_sdt(_sdt(paragraph)))))
    markdown, _report = read_document(target)
    assert "Genest maar gelezen." in markdown


def test_table_rows_inside_nested_content_controls_keep_their_text(docx_file, tmp_path):
    row = "<w:tr><w:tc><w:p><w:r><w:t>Celtekst</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>"
    table = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{_sdt(_sdt(row))}</w:tbl>"
    heading = ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Tabellen</w:t></w:r></w:p>')
    target = _edited(docx_file, tmp_path / "tabel.docx", "word/document.xml",
                     lambda xml: xml.replace("<w:sectPr", heading + _sdt(_sdt(table)) + "<w:sectPr", 1))
    markdown, _report = read_document(target)
    assert "Celtekst" in markdown


def test_nested_bookmarks_and_links_in_a_header_are_no_trouble(docx_file, tmp_path):
    # python-docx's default document has no header: give it one with nested anchors.
    header = (f'<w:hdr xmlns:w="{W}"><w:p><w:bookmarkStart w:id="1" w:name="a">'
              '<w:bookmarkStart w:id="2" w:name="b"/></w:bookmarkStart>'
              '<w:hyperlink w:anchor="a"><w:hyperlink w:anchor="b"><w:r><w:t>Kop</w:t></w:r></w:hyperlink>'
              '</w:hyperlink>' + _sdt(_sdt('<w:r><w:t>x</w:t></w:r>')) + '</w:p></w:hdr>')
    target = tmp_path / "kop.docx"
    with zipfile.ZipFile(docx_file) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("word/header1.xml", header)
    markdown, _report = read_document(target)
    assert "Wonen is een grondrecht." in markdown


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE w:document [<!ENTITY woord "grondrecht">]>',
    '<!DOCTYPE w:document [<!ENTITY woord SYSTEM "file:///etc/hostname">]>',
    '<!DOCTYPE w:document [<!ENTITY woord SYSTEM "http://example.invalid/woord">]>',
    ('<!DOCTYPE w:document [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY woord "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'),
])
def test_a_part_with_entities_is_refused_whole_instead_of_losing_a_word(docx_file, tmp_path, declaration):
    # Before, the reference was left unexpanded and the paragraph's text after
    # it vanished: "Wonen is een" came in, "grondrecht." silently did not.
    edit = _with_doctype(declaration)
    target = _edited(docx_file, tmp_path / "entiteit.docx", "word/document.xml",
                     lambda xml: edit(xml).replace("grondrecht.", "&woord;."))
    with pytest.raises(InputError) as refused:
        read_document(target)
    message = str(refused.value)
    assert "entiteit.docx" in message and "word/document.xml" in message and "entiteiten" in message


def test_a_document_type_in_any_part_is_refused(docx_file, tmp_path):
    target = _edited(docx_file, tmp_path / "stijlen.docx", "word/styles.xml",
                     _with_doctype('<!DOCTYPE w:styles SYSTEM "http://example.invalid/s.dtd">'))
    with pytest.raises(InputError, match="word/styles.xml"):
        read_document(target)


def test_an_odt_with_entities_is_refused(tmp_path):
    draft_odt(tmp_path / "concept.odt")
    target = _edited(tmp_path / "concept.odt", tmp_path / "entiteit.odt", "content.xml",
                     _with_doctype('<!DOCTYPE office:document-content [<!ENTITY x "y">]>'))
    with pytest.raises(InputError, match="content.xml"):
        read_document(target)


@pytest.mark.parametrize("depth", [210, 400])
def test_a_part_nested_beyond_any_real_document_is_refused_with_the_reason(docx_file, tmp_path, depth):
    deep = "<w:p><w:r><w:t>diep</w:t></w:r></w:p>"
    for _ in range(depth):
        deep = f"<w:customXml>{deep}</w:customXml>"
    target = _edited(docx_file, tmp_path / "diep.docx", "word/document.xml", _at_body_start(deep))
    with pytest.raises(InputError, match="dieper genest dan 200 niveaus"):
        read_document(target)


def test_a_text_too_long_for_any_draft_is_refused_with_that_reason(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Wonen", 1)
    document.add_heading("Bouwen", 2)
    document.add_paragraph("woord " * 1_800_000)
    document.save(tmp_path / "lang.docx")
    with pytest.raises(InputError, match="meer dan 10 miljoen tekens"):
        read_document(tmp_path / "lang.docx")


def test_a_reader_failing_unforeseen_gives_a_message_not_a_crash(docx_file, monkeypatch):
    from raadsakkoord.importing.office import docx_reader

    def broken(self):
        raise ValueError("iets dat niemand voorzag")

    monkeypatch.setattr(docx_reader.DocxReader, "read", broken)
    with pytest.raises(InputError) as refused:
        read_document(docx_file)
    assert "concept.docx" in str(refused.value) and "er is niets geïmporteerd" in str(refused.value)
