"""A round's export shows that round, even after chapters moved."""

from raadsakkoord import operations as ops
from raadsakkoord.cli import main


def test_chapter_intros_follow_the_chapter_not_its_position(setup, tmp_path):
    with setup.workspace.action() as s:
        ops.update_chapter(s, setup.griffie, setup.wonen, intro="Iedereen een thuis.")
        ops.publish_round(s, setup.griffie)
        ops.add_chapter(s, setup.griffie, title="Nieuw", intro="NIEUWE INTRO, na ronde 1.", position=1)
    out = tmp_path / "ronde1.md"
    assert main(["export", setup.workspace.label, "--what", "agreement", "--format", "md", "--round", "1",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Iedereen een thuis." in text
    assert "NIEUWE INTRO" not in text
