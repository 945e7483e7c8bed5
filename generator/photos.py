"""Photos for caption blocks: the editor's front matter `photos:`, checked at read time, and
the responsive copies the generator owns in docs/images/photos/<slug>/, made at build time.

    photos:
      - file: soyuz-launch.jpg     # beside the seed, in seeds/ (or a folder under it)
        caption: Russia Space Station   # the caption's label, its block id (b3) or number (2)
        alt: optional alt text     # otherwise the caption's text
      - crew.jpg                   # just a file: the next caption without a photo, in order

Each photo becomes WebP copies (the browser's first choice) and JPEG copies (the fallback), at
up to three widths, with no metadata (no EXIF, no colour profile, no time stamps), so the same
photo always gives the same bytes. A missing, unreadable or oversized photo is a one-line
error naming the file.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import GeneratorError
from .model import Article, Block, PhotoRef

SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PHOTO_BYTES = 20_000_000
MAX_PIXELS = 40_000_000  # a 40-megapixel camera's full frame
WIDTHS = (480, 960, 1440)
FALLBACK_WIDTH = 960  # the <img src> for browsers without srcset
SIZES = "(min-width: 76.25em) 38rem, 92vw"  # Material's content column, and a phone's width
PHOTO_DIR = "images/photos"


def photo_refs(
    path: str, values: dict[str, object], line: int | None, blocks: Sequence[Block]
) -> tuple[PhotoRef, ...]:
    """Front matter `photos:` → PhotoRefs tied to caption blocks, or a one-line error."""
    raw = values.get("photos")
    if raw is None or raw == []:
        return ()
    if not isinstance(raw, list):
        raise GeneratorError(path, "'photos' must be a list of photos (file, caption)", line)
    captions = [b for b in blocks if b.kind == "caption"]
    taken: dict[str, str] = {}
    refs: list[PhotoRef] = []
    for item in raw:
        if isinstance(item, str):
            item = {"file": item}
        if not isinstance(item, dict):
            raise GeneratorError(
                path, "each entry of 'photos' must be a file name or a mapping with 'file'", line
            )
        unknown = sorted(str(k) for k in item if k not in ("file", "caption", "alt"))
        if unknown:
            raise GeneratorError(
                path, f"'photos': unknown key '{unknown[0]}' (use file, caption, alt)", line
            )
        file = _file_name(path, item.get("file"), line)
        block = _caption_for(path, file, item.get("caption"), captions, blocks, taken, line)
        if block.id in taken:
            raise GeneratorError(
                path,
                f"'photos': {file} and {taken[block.id]} are both for caption {block.id}",
                line,
            )
        taken[block.id] = file
        alt = item.get("alt")
        if alt is not None and not isinstance(alt, str):
            raise GeneratorError(path, f"'photos': the alt text of {file} must be text", line)
        refs.append(PhotoRef(file, block.id, line or 0, " ".join(alt.split()) if alt else None))
    return tuple(refs)


def _file_name(path: str, value: object, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GeneratorError(
            path, "each entry of 'photos' needs a 'file' (the photo's file name)", line
        )
    name = value.strip().replace("\\", "/")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or ":" in name:
        raise GeneratorError(
            path,
            f"'photos': {name} must be a file beside the seed (no '..', no absolute path)",
            line,
        )
    if not name.lower().endswith(SUFFIXES):
        raise GeneratorError(
            path, f"'photos': {name} is not a .jpg, .jpeg, .png or .webp file", line
        )
    return pure.as_posix()


def _caption_for(
    path: str,
    file: str,
    selector: object,
    captions: Sequence[Block],
    blocks: Sequence[Block],
    taken: dict[str, str],
    line: int | None,
) -> Block:
    if selector is None:  # by order: the next caption without a photo
        for block in captions:
            if block.id not in taken:
                return block
        raise GeneratorError(path, f"'photos': {file} has no photo caption left to go with", line)
    if isinstance(selector, int) and not isinstance(selector, bool):
        if 1 <= selector <= len(captions):
            return captions[selector - 1]
        raise GeneratorError(
            path,
            f"'photos': {file} is for caption {selector}, but the article has "
            f"{len(captions)} photo caption(s)",
            line,
        )
    wanted = " ".join(str(selector).split())
    by_id = {b.id: b for b in blocks}
    if wanted in by_id:
        block = by_id[wanted]
        if block.kind != "caption":
            raise GeneratorError(
                path,
                f"'photos': {file} is for {wanted}, which is a {block.kind}, not a photo caption",
                line,
            )
        return block
    for block in captions:
        if block.label and " ".join(block.label.split()).casefold() == wanted.casefold():
            return block
    known = ", ".join(f"{b.id} ({b.label})" if b.label else b.id for b in captions) or "none"
    raise GeneratorError(
        path,
        f"'photos': {file} is for caption '{wanted}', which the article does not have "
        f"(its captions: {known})",
        line,
    )


# ---- build time -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    path: str  # docs-relative: images/photos/<slug>/b3-960.webp
    width: int
    height: int


@dataclass(frozen=True)
class PhotoView:
    """A photo as a page shows it: a <picture> with WebP and JPEG sources."""

    block: str
    alt: str
    webp: tuple[Rendition, ...]
    jpeg: tuple[Rendition, ...]
    sizes: str = SIZES

    @property
    def fallback(self) -> Rendition:
        fitting = [r for r in self.jpeg if r.width <= FALLBACK_WIDTH]
        return fitting[-1] if fitting else self.jpeg[0]

    @property
    def largest(self) -> Rendition:
        return self.jpeg[-1]


# (photo bytes digest) → encoded renditions: `mkdocs serve` rebuilds re-encode nothing.
_encoded: dict[str, tuple[tuple[int, int, bytes, bytes], ...]] = {}


def photo_key(slug: str, block: str) -> str:
    return f"{slug}#{block}"


def render_photos(
    seeds: Path, articles: Sequence[Article], shown: Callable[[Path], str]
) -> tuple[list[tuple[str, bytes]], dict[str, PhotoView]]:
    """Every article's photos → (docs outputs, views by photo_key(slug, block))."""
    outputs: list[tuple[str, bytes]] = []
    views: dict[str, PhotoView] = {}
    for article in articles:
        if not article.photos:
            continue
        blocks = {b.id: b for b in article.blocks}
        for ref in article.photos:
            source = seeds / ref.file
            data = _photo_bytes(source, seeds, shown, article.path)
            encoded = _encode(data, shown(source))
            folder = f"{PHOTO_DIR}/{article.slug}"
            webp, jpeg = [], []
            for width, height, webp_bytes, jpeg_bytes in encoded:
                name = f"{folder}/{ref.caption}-{width}"
                outputs += [(f"{name}.webp", webp_bytes), (f"{name}.jpg", jpeg_bytes)]
                webp.append(Rendition(f"{name}.webp", width, height))
                jpeg.append(Rendition(f"{name}.jpg", width, height))
            caption = blocks[ref.caption]
            alt = ref.alt or " ".join(caption.text.split())
            views[photo_key(article.slug, ref.caption)] = PhotoView(
                ref.caption, alt, tuple(webp), tuple(jpeg)
            )
    return outputs, views


def _photo_bytes(source: Path, seeds: Path, shown: Callable[[Path], str], seed: str) -> bytes:
    where = shown(source)
    try:
        inside = source.resolve().is_relative_to(seeds.resolve())
    except OSError:
        inside = False
    if not inside:
        raise GeneratorError(where, f"is outside seeds/ (named in the 'photos' of {seed})")
    try:
        size = source.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise GeneratorError(
                where,
                f"is {size / 1_000_000:.1f} MB; a photo may be at most "
                f"{MAX_PHOTO_BYTES // 1_000_000} MB",
            )
        return source.read_bytes()
    except FileNotFoundError:
        raise GeneratorError(where, f"does not exist (named in the 'photos' of {seed})") from None
    except IsADirectoryError:
        raise GeneratorError(
            where, f"is a folder, not a photo (named in the 'photos' of {seed})"
        ) from None
    except OSError as exc:
        raise GeneratorError(where, f"cannot be read ({exc.strerror})") from None


def _encode(data: bytes, where: str) -> tuple[tuple[int, int, bytes, bytes], ...]:
    key = hashlib.sha256(data).hexdigest()
    found = _encoded.get(key)
    if found is None:
        found = _encode_uncached(data, where)
        if len(_encoded) > 256:
            _encoded.clear()
        _encoded[key] = found
    return found


def _encode_uncached(data: bytes, where: str) -> tuple[tuple[int, int, bytes, bytes], ...]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    unreadable = "is not a readable JPEG, PNG or WebP image (is the file damaged?)"
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FORMATS:
                raise GeneratorError(where, f"is a {image.format} image; use JPEG, PNG or WebP")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise GeneratorError(
                    where,
                    f"is {width}×{height} pixels; a photo may have at most "
                    f"{MAX_PIXELS // 1_000_000} megapixels",
                )
            image.load()
            upright = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        raise GeneratorError(
            where,
            f"has too many pixels; a photo may have at most {MAX_PIXELS // 1_000_000} megapixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise GeneratorError(where, unreadable) from None
    if upright.width < 16 or upright.height < 16:
        raise GeneratorError(
            where, f"is {upright.width}×{upright.height} pixels, too small for a photo"
        )
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    ):
        flat = Image.new("RGB", upright.size, (255, 255, 255))
        flat.paste(upright.convert("RGBA"), mask=upright.convert("RGBA").getchannel("A"))
        upright = flat
    rgb = upright.convert("RGB")
    widths = sorted({w for w in WIDTHS if w < rgb.width} | {min(rgb.width, WIDTHS[-1])})
    encoded = []
    for width in widths:
        height = max(1, round(rgb.height * width / rgb.width))
        resized = (
            rgb if width == rgb.width else rgb.resize((width, height), Image.Resampling.LANCZOS)
        )
        webp, jpeg = io.BytesIO(), io.BytesIO()
        resized.save(webp, "WEBP", quality=80, method=4)
        resized.save(jpeg, "JPEG", quality=82, optimize=True, progressive=True)
        encoded.append((width, height, webp.getvalue(), jpeg.getvalue()))
    return tuple(encoded)


def srcset(renditions: Sequence[Rendition], url: Callable[[str], str]) -> str:
    return ", ".join(f"{url(r.path)} {r.width}w" for r in renditions)
