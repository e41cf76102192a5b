"""Writes the small hostile files of `corpus/` (run once; the files are committed, the large ones are made by tests).

python tests/robustness/make_corpus.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "corpus"
SENTENCE = "Acme raised $5 million from Beta Capital."

FILES: dict[str, bytes] = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "invalid_utf8.txt": "Café raised $5 million.\n".encode("latin-1") + b"Acme raised $7 million.\n",
    "bom.md": b"\xef\xbb\xbf" + f"{SENTENCE}\n".encode(),
    "utf16le.txt": f"Intro line.\n{SENTENCE}\n".encode("utf-16"),  # with its BOM
    "utf16be.txt": b"\xfe\xff" + f"Intro line.\n{SENTENCE}\n".encode("utf-16-be"),
    "utf16_odd.txt": b"\xff\xfe" + f"{SENTENCE}\n".encode("utf-16-le") + b"\x41",  # a dangling byte
    "crlf.txt": f"Title line\r\n\r\n{SENTENCE}\r\n".encode(),
    "cr_only.txt": f"Title line\r\r{SENTENCE}\r".encode(),
    "empty.txt": b"",
    "bad_front_matter.md": f"---\ntitle: [unclosed\ndate: 2024-01-02\n---\n\n{SENTENCE}\n".encode(),
    "list_front_matter.md": f"---\n- just\n- a list\n---\n\n{SENTENCE}\n".encode(),
    "unsafe_yaml_front_matter.md": (
        f"---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\n\n{SENTENCE}\n".encode()
    ),
    "page.html": (
        b"<!DOCTYPE html>\n<html>\n<head>\n<title>Ignored head</title>\n<script>\n"
        b"var x = '<p>Acme raised $99 million.</p>';\n</script>\n<style>p { color: red; }</style>\n</head>\n"
        b"<body>\n<h1>Acme &amp; Beta</h1>\n"
        b"<p>Acme raised &#36;5&nbsp;million from Beta&nbsp;Capital.</p><p>It was &lt;b&gt;big&lt;/b&gt;.</p>\n"
        b"<!-- factcheck: ignore numeric_disagreement -->\n<p>Gamma paid $7 million.</p>\n</body>\n</html>\n"
    ),
    "unicode_numbers.txt": (
        "Unicode numbers\n\n"
        "Acme raised $\u0665 million from Beta.\n"  # Arabic-Indic five
        "Delta raised $\uff11\uff12 million from Beta.\n"  # fullwidth 12
        "Gamma raised $5\u200d000 from Beta.\n"  # zero-width joiner inside the number
        "Omega raised \u200f$7 million\u200f from Beta.\n"  # right-to-left marks around it
        "Sigma raised $3\u2009000\u2009000 from Beta.\n"  # thin spaces as group separators
        "Tau raised $4\u00a0million from Beta.\n"  # no-break space
    ).encode(),
    "hostile_markdown.txt": (
        b"Acme | <script>alert(1)</script> [click](http://evil.example) `code` **bold** raised $5 million.\n"
        b"Beta <img src=x onerror=alert(1)> raised $6 million | ![x](y) <!-- c --> & &amp;.\n"
    ),
    "space and ünïcödé name.txt": f"{SENTENCE}\n".encode(),
}


def write() -> None:
    HERE.mkdir(exist_ok=True)
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    write()
