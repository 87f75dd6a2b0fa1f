"""The mutation score of each mutated module, from mutmut's results in mutants/.

Run by `make mutate` after `mutmut run`; ``--survivors`` lists the mutants
that survived instead, module by module (``mutmut show NAME`` gives a diff).
Killed counts mutants a test failed on (a timeout counts as killed: the
mutant made a test loop); the score is killed out of all mutants checked,
and "not checked" shows how much a run left to do.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 24, -24, 36, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def verdict(code: int | None) -> str:
    if code is None:
        return "not checked"
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    return "other"


def survivors(root: Path) -> int:
    for meta in sorted(root.glob("mutants/src/briefing/**/*.py.meta")):
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        alive = sorted((k for k, code in codes.items() if code in SURVIVED), key=_natural)
        if alive:
            print(f"{meta.relative_to(root / 'mutants/src').as_posix().removesuffix('.py.meta')}:")
            print("".join(f"  {name}\n" for name in alive), end="")
    return 0


def _natural(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number or 0)


def main(root: Path) -> int:
    rows = []
    total: Counter[str] = Counter()
    for meta in sorted(root.glob("mutants/src/briefing/**/*.py.meta")):
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"].values()
        counts = Counter(verdict(code) for code in codes)
        if not counts:
            continue
        total.update(counts)
        module = meta.relative_to(root / "mutants/src").as_posix().removesuffix(".py.meta")
        rows.append((module, counts))
    rows.append(("all", total))
    print(f"{'module':44} {'score':>6} {'killed':>6} {'alive':>6} {'untested':>8} {'unchecked':>9}")
    for module, counts in rows:
        checked = sum(counts.values()) - counts["not checked"]
        score = f"{100 * counts['killed'] / checked:.1f}" if checked else "-"
        print(
            f"{module:44} {score:>6} {counts['killed']:>6} {counts['survived']:>6}"
            f" {counts['no tests']:>8} {counts['not checked']:>9}"
        )
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--survivors"]
    root = Path(arguments[0]) if arguments else Path(".")
    sys.exit(survivors(root) if "--survivors" in sys.argv else main(root))
