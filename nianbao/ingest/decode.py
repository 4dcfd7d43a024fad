"""Bytes -> text: BOMs, binary sniffing, encoding detection, line ends.

`decode_bytes(data)` returns a `Decoded` with either `text` (line ends
normalised to '\\n', BOM removed) and the `encoding` used, or a quarantine
`reason` ('empty', 'binary', 'undecodable') with a one-line `detail`.

The steps, in order:

1. zero bytes -> 'empty';
2. a byte-order mark (UTF-32 LE/BE, UTF-8, UTF-16 LE/BE) decides the codec;
3. a known magic number (PNG, JPEG, GIF, ZIP, gzip, 7z, RAR, OLE2, ELF, ...)
   -> 'binary';
4. NUL bytes or more than 1 % C0 control bytes (other than tab, line ends,
   form feed, ESC, Ctrl-Z) -> 'binary' (UTF-16/32 text has been caught by
   its BOM in step 2);
5. `charset_normalizer.from_bytes(...).best()` detects the encoding; a
   GB2312/GBK answer is widened to GB18030 (a strict superset), Big5 to
   Big5-HKSCS when the narrower codec fails;
6. when nothing decodes the whole file (a truncated multi-byte sequence at
   the end, a few corrupt bytes), the detection is repeated on the file
   without its last bytes (on its first MiB for big files), and the whole
   file is decoded with that codec (or UTF-8/GB18030/Big5-HKSCS, whichever
   replaces fewest bytes), replacing bad bytes with U+FFFD; it is accepted
   when at most `max(4, 0.1 %)` characters were replaced, else 'undecodable';
7. text that is empty or only whitespace after decoding -> 'empty'.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode_bytes", "sniff_magic", "normalise_newlines", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (prefix, offset, description). Checked against the first bytes of the file.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"WEBP", 8, "WebP image"),
    (b"\x00\x00\x01\x00", 0, "ICO image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive"),
    (b"PK\x05\x06", 0, "ZIP archive (empty)"),
    (b"PK\x07\x08", 0, "ZIP archive (spanned)"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"BZh", 0, None),  # bzip2, checked below (BZh is also plain text)
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"(\xb5/\xfd", 0, "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "OLE2 compound file (legacy .doc/.xls/.ppt)"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"DUCK", 8, "DuckDB database"),
    (b"OggS", 0, "Ogg media"),
    (b"ID3", 0, None),  # mp3, only with a binary-looking header
    (b"ftyp", 4, "MP4/MOV media"),
    (b"\x00asm", 0, "WebAssembly binary"),
    (b"\xca\xfe\xba\xbe", 0, "Java class / Mach-O"),
)

# C0 control bytes that do not occur in text (tab, LF, VT, FF, CR, ESC, SUB allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))


def sniff_magic(data: bytes) -> str | None:
    """A description of a known binary format at the start of `data`, else None."""
    for magic, off, desc in _MAGIC:
        if data[off : off + len(magic)] == magic:
            if desc is not None:
                return desc
            if magic == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
                return "bzip2 archive"
            if magic == b"ID3" and len(data) > 10 and data[3] < 10 and data[5] & 0x0F == 0:
                return "MP3 audio"
    head = data[:1024]
    if b"%PDF-" in head:
        return "PDF document"
    return None


def looks_binary(data: bytes, sample: int = 65536) -> str | None:
    """Why `data` (without a BOM) is not text, or None when it may be text."""
    desc = sniff_magic(data)
    if desc is not None and desc != "PDF document":
        return desc
    chunk = data[:sample]
    if len(data) > sample:  # also look at the middle and the end
        mid = len(data) // 2
        chunk += data[mid : mid + sample // 4] + data[-sample // 4 :]
    nul = chunk.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    n_ctrl = len(chunk) - len(chunk.translate(None, _CONTROL))
    if chunk and n_ctrl > max(2, len(chunk) // 100):
        return f"{n_ctrl} control bytes in {len(chunk)} sampled bytes"
    return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR -> LF; a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


# Widen narrow legacy codecs to their supersets (same bytes, more characters).
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": None,
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
}


def _codec_name(enc: str) -> str:
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return enc


def _decode_with(data: bytes, enc: str) -> str | None:
    """Strict decode with `enc`, falling back to its wider superset."""
    name = _codec_name(enc)
    for cand in (name, _WIDER.get(name.replace("-", "_"))):
        if not cand:
            continue
        try:
            return data.decode(cand)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


# Without a BOM, UTF-16/32 is never guessed: short GBK text "decodes" as UTF-16.
_EXCLUDE = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
# Preference among equally plausible answers for Chinese reports.
_PREFERRED = ("utf_8", "ascii", "gb18030", "big5", "big5hkscs", "cp1252", "latin_1")
# Very common characters of Chinese library reports, simplified and traditional:
# a tie-break when several codecs decode a short text equally well.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    "书馆读服务场册元个览借阅藏县市省区街镇村室站点馆员志愿培训讲座展览亲子少儿数字资源网络平台疫情"
    "書館讀務場冊個覽閱縣區鎮點員誌願訓講親兒數資網絡臺們這為來時國會說對現實發經過從點後應還"
)


_HAN_RE = re.compile("[\u4e00-\u9fff]")
_COMMON_RE = re.compile("[" + "".join(sorted(_COMMON)) + "]")


def _non_ascii_sample(data: bytes, limit: int = 65536) -> bytes:
    """Lines of `data` that contain non-ASCII bytes, up to `limit` bytes."""
    out: list[bytes] = []
    n = 0
    for line in data.split(b"\n"):
        if not line.isascii():
            out.append(line)
            n += len(line)
            if n >= limit:
                break
    return b"\n".join(out)


def _best_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data, cp_exclusion=_EXCLUDE))
    if not results:
        return None
    best = results[0]
    close = [m for m in results if m.chaos <= best.chaos + 0.05]
    if len(close) == 1:
        return best.encoding
    sample = _non_ascii_sample(data)

    def score(m) -> tuple:
        text = sample.decode(m.encoding, errors="replace")
        han = len(_HAN_RE.findall(text))
        common = len(_COMMON_RE.findall(text))
        pref = _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED)
        return (text.count("\ufffd"), -(common / han) if han else 0.0, pref, m.chaos)

    return min(close, key=score).encoding


_SAMPLE = 1 << 20


def _tolerance(n_chars: int) -> int:
    return max(4, n_chars // 1000)


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw file bytes to text (see the module docstring for the rules)."""
    if not data:
        return Decoded(None, None, "empty", "zero bytes")

    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if enc.startswith("utf-32") and len(body) % 4:
                continue  # FF FE 00 00 can also be a UTF-16 LE BOM + U+0000
            text = body.decode(enc, errors="replace")
            bad = text.count("\ufffd") - body.decode(enc, errors="ignore").count("\ufffd")
            if bad > _tolerance(len(text)):
                return Decoded(None, enc, "undecodable", f"{enc} byte-order mark but {bad} undecodable sequences")
            return _finish(
                text,
                enc + "-bom" if enc != "utf-8" else "utf-8-sig",
                f"{bad} damaged sequence(s) replaced" if bad else None,
            )

    why = looks_binary(data)
    if why is not None:
        return Decoded(None, None, "binary", why)

    enc = _best_encoding(data)
    if enc is not None:
        text = _decode_with(data, enc)
        if text is not None:
            return _finish(text, _codec_name(enc), None)

    # Nothing decodes everything: a truncated or damaged sequence. Detect on
    # the file without its tail (a cut multi-byte character is at most 4
    # bytes), then decode the whole file replacing what does not decode.
    cands: list[str] = []
    if len(data) <= _SAMPLE:
        for k in (1, 2, 3, 4, 16, 64):
            if len(data) > k + 8:
                e = _best_encoding(data[:-k])
                if e is not None:
                    cands.append(e)
                    break
    else:  # a big file: detect on its first MiB, cut at a line end
        cut = data.rfind(b"\n", 0, _SAMPLE)
        e = _best_encoding(data[: cut if cut > 0 else _SAMPLE - 4])
        if e is not None:
            cands.append(e)
    # a few corrupt bytes in the middle: the usual suspects for Chinese text
    for e in ("utf-8", "gb18030", "big5hkscs"):
        if e not in cands:
            cands.append(e)
    best_text, best_enc, best_bad = None, None, None
    for e in cands:
        name = _codec_name(e)
        name = _WIDER.get(name.replace("-", "_"), name) or name
        try:
            text = data.decode(name, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best_bad is None or bad < best_bad:
            best_text, best_enc, best_bad = text, name, bad
    if best_text is not None and best_bad <= _tolerance(len(best_text)):
        tail = "at the end" if "\ufffd" in best_text[-4:] and best_bad <= 2 else "in the text"
        return _finish(best_text, best_enc, f"{best_bad} undecodable byte sequence(s) {tail} replaced with U+FFFD")
    if best_text is None:
        return Decoded(None, None, "undecodable", "no encoding decodes the bytes")
    return Decoded(
        None, None, "undecodable", f"no encoding decodes the bytes; best {best_enc} leaves {best_bad} bad sequences"
    )


def _finish(text: str, enc: str, note: str | None) -> Decoded:
    text = normalise_newlines(text)
    if not text.strip():
        return Decoded(None, enc, "empty", "only whitespace" if text else "no characters")
    return Decoded(text, enc, None, note)
