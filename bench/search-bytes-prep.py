"""Make the harvested corpus buildable: reference-style links whose definitions were left
behind, bare e-mail addresses and scheme-less www. links would be reported as broken links,
so they become plain text or absolute links (page bodies only)."""
import re, sys, pathlib
root = pathlib.Path(sys.argv[1]) / "content"
ref = re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]")
short = re.compile(r"(?<!!)\[([^\]\n]*)\](?!\()")
mail = re.compile(r"([\w.+-]+)\\?@([\w-]+\.[\w.]+)")
www = re.compile(r"(?<![/\w.])www\.")
for p in root.rglob("*.md"):
    t = p.read_text(encoding="utf-8")
    end = t.find("\n---", 3) + 4 if t.startswith("---") else 0
    body = www.sub("https://www.", mail.sub(r"\1 at \2", short.sub(r"\1", ref.sub(r"\1", t[end:]))))
    if t[end:] != body:
        p.write_text(t[:end] + body, encoding="utf-8")
