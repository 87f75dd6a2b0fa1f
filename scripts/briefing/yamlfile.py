"""YAML data files read safely, remembering the line of every key.

Sidecars and data files are validated after loading; to report problems
with their line, mappings load as :class:`LineDict`, which records where
each key stands. A key given twice is an error naming both lines (YAML
would silently keep the last). Aliases (``*name``) are refused before
anything is built from them: a few lines of them can stand for billions
of values ("billion laughs"), and no file of ours needs one.

The packaged data files are parsed by libyaml (fifteen times faster: the
people data, a few hundred entries, took 0.6 s in pure Python, paid by every
process that builds); a test checks that it reads each exactly as the
pure-Python parser does. Any other text, and whatever libyaml refuses or finds
an alias in, is read by the pure-Python parser: libyaml lets through a few
things it refuses (a tab after a value), and its messages differ.
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


class _Lines(yaml.constructor.SafeConstructor):
    """A constructor whose mappings are LineDicts; never builds Python objects."""

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


class _LineLoader(_Lines, yaml.SafeLoader):
    """The pure-Python parser: refuses an alias where it stands."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out", mark
            )
        return super().compose_node(parent, index)


class _FastLoader(_Lines, yaml.CSafeLoader):
    """libyaml's parser (aliases are looked for after it, by :func:`_one_node_each`)."""


_Fast = _FastLoader if yaml.__with_libyaml__ else None
"""libyaml's parser with our constructor, when PyYAML was built with it."""


def _mapping(loader: _LineLoader | _FastLoader, node: yaml.MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


def _text(loader: _LineLoader | _FastLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


class _Refused(Exception):
    """What the fast parser leaves to the pure-Python one."""


def _one_node_each(root: yaml.Node) -> None:
    """Raise :class:`_Refused` if a node is reached twice: an alias (libyaml
    composes one into the node it names)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _Refused
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _fast(text: str) -> Any:
    """``text`` parsed by libyaml, or :class:`_Refused` for anything but a clean parse."""
    if _Fast is None:
        raise _Refused
    loader = _Fast(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _one_node_each(node)
        return loader.construct_document(node)
    except Exception as exc:  # every error is reported by the parser below
        raise _Refused from exc
    finally:
        loader.dispose()


_PACKAGED: set[str] = set()
"""The texts of the packaged data files read so far (by :func:`read_data_file`)."""


def load_yaml(text: str, file: str, error: type[BriefingError]) -> Any:
    """Parse ``text``; a syntax error becomes ``error`` naming file and line."""
    if text in _PACKAGED:
        try:
            return _fast(text)
        except _Refused:
            pass
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise error(file, f"not valid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise error(file, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise error(file, "not valid YAML: nested too deeply") from None


for _loader in (_LineLoader, _Fast):
    if _loader is not None:
        _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
        # Dates stay text so that validation, not the loader, reports a bad one.
        _loader.add_constructor("tag:yaml.org,2002:timestamp", _text)


def read_data_file(filename: str, path: Path | None = None) -> tuple[str, str]:
    """``(name for messages, text)`` of a data file: ``path``, else the packaged one."""
    if path is None:
        text = resources.files("briefing.data").joinpath(filename).read_text("utf-8")
        _PACKAGED.add(text)
        return f"briefing/data/{filename}", text
    return str(path), path.read_text("utf-8")
