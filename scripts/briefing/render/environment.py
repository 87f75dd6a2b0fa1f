"""The one Jinja environment every page is rendered with, and its filters."""

from __future__ import annotations

import functools
import json

import jinja2

from .. import words
from ..analysis.claims import outlet_id, outlet_name
from ..analysis.othernames import outlet_names
from ..compiled_templates import compiled_templates
from ..escape import attr, fenced, front_matter, md, url_link
from .mix import affiliation, affiliations
from .names import country_name, full_name, language_name, other_names, outlet_kind
from .parts import href, tag_path

GENERATED = "briefing"
"""Value of the ``generated_by`` front-matter key marking pages we own."""


@functools.cache
def environment() -> jinja2.Environment:
    """The one template environment, made once (compiling the templates takes
    longer than rendering them), with every filter any template uses: nothing
    changes it afterwards. Compiled templates are kept for the next process
    (:mod:`briefing.compiled_templates`)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing.render", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=compiled_templates(),
    )
    env.filters.update(
        md=md,
        urllink=url_link,
        attr=attr,
        meta=front_matter,
        fenced=fenced,
        yaml=lambda value: json.dumps(value, ensure_ascii=True),
        plural=words.plural,
        cited_date=words.cited_date,
        tag_path=tag_path,
        iso_date=words.iso_date,
        country_name=country_name,
        language_name=language_name,
        outlet_kind=outlet_kind,
        full_name=full_name,
        other_names=other_names,
        affiliation=affiliation,
        affiliations=affiliations,
        outlet_id=outlet_id,
        outlet_name=outlet_name,
    )
    env.globals.update(words=words, generated=GENERATED, href=href, outlet_names=outlet_names)
    return env
