"""Every kind of unusable file gets one clear Dutch sentence, and nothing is imported."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.office import read_document
from tests.importing.office.builders import (
    TRACKED_DELETION,
    TRACKED_INSERTION,
    draft_docx,
    draft_odt,
)

TRACKED = "bevat bijgehouden wijzigingen. Zijn het amendementen van een fractie op een ronde"


def refused(path) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = caught.value.message
    assert "\n" not in message
    return message


@pytest.mark.parametrize("change", [TRACKED_INSERTION, TRACKED_DELETION])
def test_word_tracked_changes_are_refused_not_half_applied(tmp_path, change):
    path = tmp_path / "concept.docx"
    document = draft_docx(path)
    document.paragraphs[-1]._p.append(parse_xml(change))
    document.save(path)
    message = refused(path)
    assert message.startswith("concept.docx " + TRACKED)
    assert "in Word (tabblad Controleren)" in message and "Er is niets geïmporteerd" in message
    # A party's tracked amendments have a way in of their own: the message names it.
    assert "Bestand → Wijzigingen uit Word inlezen… of raadsakkoord import-changes" in message


def test_a_formatting_change_alone_is_a_tracked_change_too(tmp_path):
    path = tmp_path / "concept.docx"
    document = draft_docx(path)
    run = document.paragraphs[-1].runs[0]
    run.bold = True
    run._r.get_or_add_rPr().append(parse_xml(
        '<w:rPrChange xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="5" '
        'w:author="Bram Blauw" w:date="2026-10-02T09:00:00Z"><w:rPr/></w:rPrChange>'))
    document.save(path)
    assert TRACKED in refused(path)


def test_opendocument_tracked_changes_are_refused(tmp_path):
    from odf.dc import Creator, Date
    from odf.office import ChangeInfo
    from odf.text import (
        ChangedRegion,
        ChangeEnd,
        ChangeStart,
        Insertion,
        P,
        TrackedChanges,
    )

    def extra(doc):
        changes = TrackedChanges()
        region = ChangedRegion(check_grammar=False)  # odfpy cannot set the xml:id it requires
        region.setAttrNS("http://www.w3.org/XML/1998/namespace", "id", "ct1")
        insertion = Insertion()
        info = ChangeInfo()
        info.addElement(Creator(text="Gerda Groen"))
        info.addElement(Date(text="2026-10-01T10:00:00"))
        insertion.addElement(info)
        region.addElement(insertion)
        changes.addElement(region)
        doc.text.insertBefore(changes, doc.text.childNodes[0])
        p = P(text="Oud ")
        p.addElement(ChangeStart(changeid="ct1"))
        p.addText("nieuw")
        p.addElement(ChangeEnd(changeid="ct1"))
        doc.text.addElement(p)

    draft_odt(tmp_path / "concept.odt", extra=extra)
    message = refused(tmp_path / "concept.odt")
    assert message.startswith("concept.odt " + TRACKED) and "LibreOffice" in message


def test_an_encrypted_word_file_is_refused(tmp_path):
    import msoffcrypto  # the test extra: encrypts as Word does (an OLE file with an EncryptedPackage)
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.docx"
    draft_docx(plain)
    encrypted = tmp_path / "geheim.docx"
    with plain.open("rb") as source, encrypted.open("wb") as target:
        OOXMLFile(source).encrypt("raadsgeheim", target)
    with encrypted.open("rb") as file:
        assert msoffcrypto.OfficeFile(file).is_encrypted()
    assert refused(encrypted) == ("geheim.docx is met een wachtwoord beveiligd. Sla het zonder wachtwoord op "
                                  "en probeer het opnieuw; er is niets geïmporteerd.")


def test_an_encrypted_opendocument_file_is_refused(tmp_path):
    # LibreOffice keeps the zip but encrypts content.xml and says so in the manifest.
    plain = tmp_path / "plain.odt"
    draft_odt(plain)
    encrypted = tmp_path / "geheim.odt"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(encrypted, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                data = bytes(range(256)) * 8
            elif info.filename == "META-INF/manifest.xml":
                data = data.replace(b'manifest:full-path="content.xml"',
                                    b'manifest:full-path="content.xml"><manifest:encryption-data '
                                    b'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry'
                                    b'><manifest:file-entry manifest:media-type="" manifest:full-path="x"')
            target.writestr(info, data)
    assert "met een wachtwoord beveiligd" in refused(encrypted)


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_files_that_are_no_word_document(tmp_path):
    assert refused(_write(tmp_path, "concept.docx", b"# Wonen\n\n## Bouwen\n\nTekst\n")) == (
        "concept.docx is geen Word-document (.docx) of OpenDocument-tekst (.odt); er is niets geïmporteerd.")
    assert "oude formaat (.doc)" in refused(_write(tmp_path, "oud.docx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)))
    assert "RTF-bestand" in refused(_write(tmp_path, "brief.docx", b"{\\rtf1\\ansi Hallo}"))
    assert "is een PDF" in refused(_write(tmp_path, "akkoord.docx", b"%PDF-1.7\n"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("foto.jpg", b"\xff\xd8")
    assert "is geen Word-document" in refused(_write(tmp_path, "map.docx", archive.getvalue()))


def test_a_spreadsheet_in_opendocument_format_is_not_a_text(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet

    OpenDocumentSpreadsheet().save(str(tmp_path / "begroting.ods"))
    assert refused(tmp_path / "begroting.ods") == (
        "begroting.ods is een OpenDocument-bestand, maar geen tekstdocument (.odt); er is niets geïmporteerd.")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_file_is_damaged(tmp_path, cut):
    whole = tmp_path / "heel.docx"
    draft_docx(whole)
    data = whole.read_bytes()
    assert refused(_write(tmp_path, "kapot.docx", data[: int(len(data) * cut)])) == (
        "kapot.docx is beschadigd of onvolledig en kan niet worden gelezen; er is niets geïmporteerd.")


def test_a_docx_with_broken_xml_is_damaged(tmp_path):
    whole = tmp_path / "heel.docx"
    draft_docx(whole)
    broken = tmp_path / "kapot.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[:200] if info.filename == "word/document.xml" else data)
    assert "is beschadigd" in refused(broken)


def test_a_missing_file(tmp_path):
    assert refused(tmp_path / "nergens.docx") == f"bestand niet gevonden: {tmp_path / 'nergens.docx'}"


def _docx(tmp_path, fill, name="concept.docx"):
    document = docx.Document()
    fill(document)
    document.save(tmp_path / name)
    return tmp_path / name


def test_an_empty_document(tmp_path):
    assert refused(_docx(tmp_path, lambda d: d.add_paragraph(""))) == "concept.docx bevat geen tekst."


def test_a_document_without_any_heading_names_the_rules_tried(tmp_path):
    def fill(d):
        d.add_paragraph("Wonen", style="Title")
        d.add_paragraph("We bouwen.")
    assert refused(_docx(tmp_path, fill)) == (
        "concept.docx: er zijn geen hoofdstukken en hoofdlijnen gevonden (geprobeerd: de stijlen Kop 1 en Kop 2, "
        "overzichtsniveaus 1 en 2, genummerde vetgedrukte alinea's, korte vetgedrukte alinea's gevolgd door "
        "tekst). Geef elk hoofdstuk de stijl Kop 1 en elke hoofdlijn de stijl Kop 2, en probeer het opnieuw.")


def test_a_section_before_the_first_chapter(tmp_path):
    def fill(d):
        d.add_heading("Bouwen", level=2)
        d.add_paragraph("We bouwen.")
        d.add_heading("Wonen", level=1)
    assert refused(_docx(tmp_path, fill)) == (
        "concept.docx: de hoofdlijn 'Bouwen' staat vóór het eerste hoofdstuk; maak er een hoofdstuk van of "
        "zet er een hoofdstuk boven.")


def test_a_section_whose_only_content_was_an_image(tmp_path):
    from tests.importing.office.builders import tiny_png

    png = tmp_path / "foto.png"
    png.write_bytes(tiny_png())

    def fill(d):
        d.add_heading("Wonen", level=1)
        d.add_heading("Bouwen", level=2)
        d.add_picture(str(png))
        d.add_heading("Huur", level=2)
        d.add_paragraph("Betaalbaar.")
    assert refused(_docx(tmp_path, fill)) == "concept.docx: de hoofdlijn 'Bouwen' heeft geen tekst."


def test_a_heading_that_is_too_long(tmp_path):
    def fill(d):
        d.add_heading("Wonen " * 40, level=1)
        d.add_heading("Bouwen", level=2)
        d.add_paragraph("Tekst.")
    assert "is langer dan 200 tekens" in refused(_docx(tmp_path, fill))
