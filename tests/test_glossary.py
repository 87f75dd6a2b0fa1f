"""The glossary: a validated data file, tooltips on every page, no snippet injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.analysis.glossary import abbreviations, load_glossary
from briefing.errors import DataFileError
from briefing.escape import md
from tests.conftest import mkdocs_build, write

SNIPPET_LINES = ('--8<-- "abbreviations.md"', ';--8<-- "abbreviations.md"', "--8<--")


def test_packaged_glossary_defines_the_seed_abbreviations() -> None:
    terms = {e.term for e in load_glossary()}
    assert {"IAEA", "NATO", "UN", "S-300", "EDM", "AFP"} <= terms


def test_abbreviations_file_has_one_definition_per_term() -> None:
    entries = load_glossary()
    lines = abbreviations(entries).splitlines()
    assert len(lines) == len(entries)
    assert "*[IAEA]: International Atomic Energy Agency" in lines[3]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("UN: United Nations\nNATO:\n", r"g.yml:2: 'NATO': expected a definition"),
        ("UN: '--8<-- \"x.md\"'\n", r"g.yml:1: 'UN': the definition may not hold"),
        ("'[X]': a bracket\n", r"g.yml:1: '\[X\]': not a term"),
    ],
)
def test_glossary_errors_name_file_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_glossary(write(tmp_path / "g.yml", text))


@pytest.mark.parametrize("line", SNIPPET_LINES)
def test_escaped_text_cannot_form_a_snippet_marker(line: str) -> None:
    assert "--8<" not in md(line)


def test_seed_text_never_includes_a_snippet(project: Path) -> None:
    seed = "\n\n".join(
        [
            "Snippet Test",
            "Publication: Eurasia Daily Monitor Volume: 8 Issue: 1",
            "The IAEA met.",
            *SNIPPET_LINES,
        ]
    )
    write(project / "seeds" / "snippet.txt", seed + "\n")
    out = project / "site"
    done = mkdocs_build(project, out)
    assert done.returncode == 0, done.stderr
    html = (out / "briefs/snippet-test/text/index.html").read_text("utf-8")
    assert html.count("--8&lt;--") == len(SNIPPET_LINES)
    assert '<abbr title="International Atomic Energy Agency' in html
    assert (out / "glossary/index.html").is_file()
