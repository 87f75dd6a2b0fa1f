"""The seed's generated Markdown and BibTeX, compared with reviewed copies.

Run ``pytest tests/test_golden.py --update-golden`` to accept new output,
then review the diff of tests/golden/ before committing.
"""

from pathlib import Path

from briefing.build import BuildResult, plan
from briefing.config import BuildConfig

GOLDEN = Path(__file__).parent / "golden" / "seed"


def outputs(project: Path) -> dict[str, str]:
    return golden_names(plan(BuildConfig(root=project)), project)


def golden_names(result: BuildResult, project: Path) -> dict[str, str]:
    """A build's outputs by the name of their golden copy (``docs__index.md``)."""
    return {
        p.relative_to(project).as_posix().replace("/", "__"): t for p, t in result.outputs.items()
    }


def test_seed_outputs_match_golden(project: Path, update_golden: bool) -> None:
    produced = outputs(project)
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.iterdir():
            old.unlink()
        for name, text in produced.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text("utf-8") for p in GOLDEN.iterdir()}
    assert sorted(produced) == sorted(expected)
    for name, text in produced.items():
        assert text == expected[name], f"{name} differs from its golden copy"


def test_seed_text_has_a_footnote_per_citation(project: Path) -> None:
    text = next(t for n, t in outputs(project).items() if n.endswith("text.md"))
    import re

    assert all(len(re.findall(rf"\[\^{n}\](?!:)", text)) == 1 for n in range(1, 19))
    assert all(text.count(f"[^{n}]:") == 1 for n in range(1, 19))
    assert "[^19]" not in text
    assert all(f"{{ #p{n} .brief-para }}" in text for n in range(1, 8))


def test_outputs_are_deterministic(project: Path) -> None:
    assert outputs(project) == outputs(project)
