"""YAML data files read safely, remembering the line of every key.

Sidecars and data files are validated after loading; to report problems
with their line, mappings load as :class:`LineDict`, which records where
each key stands. A key given twice is an error naming both lines (YAML
would silently keep the last). Aliases (``*name``) are refused before
anything is built from them: a few lines of them can stand for billions
of values ("billion laughs"), and no file of ours needs one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefingError


class LineDict(dict[str, Any]):
    """A mapping from a YAML file; ``line_of(key)`` is the key's 1-based line."""

    start_line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.start_line)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are LineDicts; never builds Python objects."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out", mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        result = LineDict()
        result.start_line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in result.key_lines:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"key '{key}' is given twice, on lines {result.key_lines[key]} and {line}",
                    key_node.start_mark,
                )
            result[key] = self.construct_object(value_node, deep=deep)
            result.key_lines[key] = line
        return result


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


def _text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str, file: str, error: type[BriefingError]) -> Any:
    """Parse ``text``; a syntax error becomes ``error`` naming file and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise error(file, f"not valid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise error(file, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise error(file, "not valid YAML: nested too deeply") from None


# Dates stay text so that validation, not the loader, reports a bad one.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _text)


def read_data_file(filename: str, path: Path | None = None) -> tuple[str, str]:
    """``(name for messages, text)`` of a data file: ``path``, else the packaged one."""
    if path is None:
        text = resources.files("briefing.data").joinpath(filename).read_text("utf-8")
        return f"briefing/data/{filename}", text
    return str(path), path.read_text("utf-8")
