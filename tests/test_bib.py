from pathlib import Path

import bibtexparser
from hypothesis import given
from hypothesis import strategies as st

from briefing.references.bibtex import bibtex_value, unescape_bibtex, write_bibtex
from tests.html_safety import read_page


def test_references_bib_parses_back(seed_site: Path) -> None:
    """The bibliography a fresh build of the seed offers, not the copy in the checkout."""
    built = seed_site.parent / "project" / "references.bib"
    assert (seed_site / "references.bib").read_bytes() == built.read_bytes()
    library = bibtexparser.parse_string(built.read_text("utf-8"))
    assert library.failed_blocks == []
    keys = [e.key for e in library.entries]
    # The seed's 18 sources, each the target of a footnote on its text page, and the brief.
    assert len(keys) == len(set(keys)) == 19
    text = seed_site / "briefs" / "a-new-rapprochement-between-moscow-and-tehran" / "text"
    links = read_page((text / "index.html").read_text("utf-8")).links
    cited = {link.split("#", 1)[1] for link in links if "/bibliography/#" in link}
    assert set(keys) == cited | {"edm-8-212-a-new-rapprochement"}
    assert "edm-8-212-a-new-rapprochement" in keys and "interfax-avn-2011-02-03" in keys
    entry = library.entries_dict["interfax-avn-2011-02-03"]
    assert entry["date"] == "2011-02-03" and entry["journaltitle"] == "Interfax-AVN"
    article = library.entries_dict["edm-8-212-a-new-rapprochement"]
    assert (article["volume"], article["number"], article["date"]) == ("8", "212", "2011")


@given(st.text())
def test_any_value_survives_a_round_trip(text: str) -> None:
    from bibtexparser import model

    written = write_bibtex(
        [model.Entry("article", "k", [model.Field("title", bibtex_value(text))])]
    )
    library = bibtexparser.parse_string(written)
    assert library.failed_blocks == []
    assert unescape_bibtex(library.entries[0]["title"]) == " ".join(text.split())
