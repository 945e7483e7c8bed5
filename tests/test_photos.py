"""Photos for caption blocks: tied in front matter, copied and resized by the generator
(WebP + JPEG, no metadata, same bytes every time), refused with one line when bad."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from support import SEED, make_photo

from generator import photos
from generator.build import build, generate
from generator.cli import main
from generator.errors import GeneratorError
from generator.model import Block
from generator.photos import photo_refs
from generator.site import Project
from generator.write import read_manifest

TEXT = SEED.read_text(encoding="utf-8")
BLOCKS = (
    Block("b1", "paragraph", "Text.", 5),
    Block("b2", "caption", "The rocket lifts off.", 7, "Launch Day", "Agency/AP"),
    Block("b3", "paragraph", "More.", 10),
    Block("b4", "caption", "The crew waves.", 12, "Crew", "Agency/AP"),
)


def refs(value: object) -> list[tuple[str, str, str | None]]:
    return [(r.file, r.caption, r.alt) for r in photo_refs("a.md", {"photos": value}, 3, BLOCKS)]


def test_photos_tie_to_captions_by_label_id_number_or_order() -> None:
    assert refs([{"file": "a.jpg", "caption": "launch day"}]) == [("a.jpg", "b2", None)]
    assert refs([{"file": "a.jpg", "caption": "b4", "alt": "Three people wave."}]) == [
        ("a.jpg", "b4", "Three people wave.")
    ]
    assert refs([{"file": "sub/a.PNG", "caption": 2}]) == [("sub/a.PNG", "b4", None)]
    assert refs(["a.jpg", "b.webp"]) == [("a.jpg", "b2", None), ("b.webp", "b4", None)]
    # Order fills the captions the others leave free.
    assert refs([{"file": "a.jpg", "caption": "Crew"}, "b.jpg"]) == [
        ("a.jpg", "b4", None),
        ("b.jpg", "b2", None),
    ]
    assert refs(None) == [] and refs([]) == []


BAD = {
    "not a list": ("a.jpg", "'photos' must be a list"),
    "no file": ([{"caption": "b2"}], "needs a 'file'"),
    "unknown key": ([{"file": "a.jpg", "credit": "x"}], "unknown key 'credit'"),
    "not an image name": (["a.gif"], "a.gif is not a .jpg, .jpeg, .png or .webp file"),
    "outside": (["../secret.jpg"], "must be a file beside the seed"),
    "absolute": (["/etc/a.jpg"], "must be a file beside the seed"),
    "no such caption": ([{"file": "a.jpg", "caption": "Nope"}], "which the article does not have"),
    "a paragraph": ([{"file": "a.jpg", "caption": "b3"}], "b3, which is a paragraph"),
    "caption number": ([{"file": "a.jpg", "caption": 3}], "the article has 2 photo caption(s)"),
    "two for one": (["a.jpg", {"file": "b.jpg", "caption": "b2"}], "both for caption b2"),
    "more than captions": (["a.jpg", "b.jpg", "c.jpg"], "c.jpg has no photo caption left"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_photos_entries_are_one_line_errors(case: str) -> None:
    value, message = BAD[case]
    with pytest.raises(GeneratorError) as error:
        refs(value)
    assert message in str(error.value)
    assert str(error.value).startswith("a.md:3: ")


def seed_with_photos(entries: str) -> str:
    return TEXT.replace("---\n", f"---\nphotos:\n{entries}", 1)


@pytest.fixture
def photo_project(project_factory: Callable[..., Path]) -> Path:
    project = project_factory(
        {SEED.name: seed_with_photos("  - file: launch.jpg\n    caption: b10\n")}
    )
    make_photo(project / "seeds" / "launch.jpg", (1600, 1000))
    return project


def test_photo_copies_are_owned_responsive_and_shown_with_the_caption(photo_project: Path) -> None:
    result = build(Project(photo_project))
    assert result.applied
    folder = "images/photos/first-film-in-orbit"
    expected = {f"{folder}/b10-{w}.{ext}" for w in (480, 960, 1440) for ext in ("webp", "jpg")}
    assert expected <= set(read_manifest(photo_project / "docs"))
    for path in expected:
        with Image.open(photo_project / "docs" / path) as image:
            width = int(path.rsplit("-", 1)[1].split(".")[0])
            assert image.size == (width, round(1000 * width / 1600))
            assert image.format == ("WEBP" if path.endswith(".webp") else "JPEG")
    page = (photo_project / "docs" / "articles" / "first-film-in-orbit.md").read_text()
    figure = next(line for line in page.splitlines() if 'id="b10"' in line)
    assert (
        '<source type="image/webp" srcset="../../images/photos/first-film-in-orbit/b10-480.webp'
        in figure
    )
    assert 'src="../../images/photos/first-film-in-orbit/b10-960.jpg"' in figure
    assert 'width="960" height="600"' in figure
    assert 'alt="The Soyuz spaceship blasts off from Baikonur cosmodrome' in figure
    assert 'loading="lazy"' in figure
    assert 'class="caption__credit">Roscosmos Space Agency/AP' in figure  # credit kept
    other = next(line for line in page.splitlines() if 'id="b17"' in line)
    assert "<picture" not in other  # a caption without a photo stays as it was
    # The themed page that shows this caption as a passage shows the photo too.
    themed = [o for o in generate(Project(photo_project)) if o.path.endswith(".md")]
    assert any(b"b10-480.webp" in o.content for o in themed if not o.path.startswith("articles/"))
    # Taking the photo out of the front matter removes its copies.
    (photo_project / "seeds" / SEED.name).write_text(TEXT, encoding="utf-8")
    assert build(Project(photo_project)).applied
    assert not [p for p in (photo_project / "docs" / folder).parent.rglob("*") if p.is_file()]


def test_photos_beside_their_seeds_give_no_warning(
    photo_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A warning fails `mkdocs build --strict` (the hook logs each one): a photo the README says
    # to put in seeds/, named or not by a seed's `photos:`, is no "file that is not read".
    make_photo(photo_project / "seeds" / "spare.png", (800, 500))
    assert build(Project(photo_project)).warnings == ()
    assert main(["build", "--project", str(photo_project)]) == 0
    assert "warning" not in capsys.readouterr().err
    (photo_project / "seeds" / "notes.docx").write_text("x", encoding="utf-8")
    assert build(Project(photo_project)).warnings == (
        "seeds/notes.docx: is not read: seeds end in .md, .markdown or .txt (rename it, or move "
        "it out of seeds/)",
    )


def test_photo_copies_carry_no_metadata_and_are_the_same_bytes_every_time(
    photo_project: Path,
) -> None:
    source = photo_project / "seeds" / "launch.jpg"
    with Image.open(source) as image:
        exif = Image.Exif()
        exif[0x0132] = "2021:10:05 08:55:00"  # DateTime
        exif[0x010F] = "Camera maker"
        exif[0x0112] = 6  # orientation: rotated: the copies must be upright
        image.save(source, "JPEG", exif=exif.tobytes(), quality=90)
    first = {o.path: o.content for o in generate(Project(photo_project)) if "/photos/" in o.path}
    photos._encoded.clear()
    second = {o.path: o.content for o in generate(Project(photo_project)) if "/photos/" in o.path}
    assert first == second and first
    for path, data in first.items():
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), path
            assert "icc_profile" not in image.info and "exif" not in image.info
            if path.endswith("-480.jpg"):
                assert image.size == (480, 768)  # 1000×1600 once turned upright


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "seeds/launch.jpg: does not exist (named in the 'photos' of seeds/"),
        ("corrupt", "seeds/launch.jpg: is not a readable JPEG, PNG or WebP image"),
        ("truncated", "seeds/launch.jpg: is not a readable JPEG, PNG or WebP image"),
        ("gif", "seeds/launch.jpg: is a GIF image; use JPEG, PNG or WebP"),
        ("too many bytes", "seeds/launch.jpg: is 0.1 MB; a photo may be at most 0 MB"),
        ("too many pixels", "seeds/launch.jpg: is 1600×1000 pixels; a photo may have at most"),
    ],
)
def test_bad_photo_is_one_line_naming_the_file_and_docs_untouched(
    photo_project: Path,
    setup: str,
    message: str,
    tree_bytes: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photos._encoded.clear()
    source = photo_project / "seeds" / "launch.jpg"
    assert main(["build", "--project", str(photo_project)]) == 0
    photos._encoded.clear()
    capsys.readouterr()
    before = tree_bytes(photo_project / "docs")
    if setup == "missing":
        source.unlink()
    elif setup == "corrupt":
        source.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG " * 50)
    elif setup == "truncated":
        source.write_bytes(source.read_bytes()[:2000])
    elif setup == "gif":
        Image.new("RGB", (64, 64), (10, 20, 30)).save(source, "GIF")
    elif setup == "too many bytes":
        monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 100)
        source.write_bytes(source.read_bytes()[:100_000])
    elif setup == "too many pixels":
        monkeypatch.setattr(photos, "MAX_PIXELS", 1_000_000)
    assert main(["build", "--project", str(photo_project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert tree_bytes(photo_project / "docs") == before
