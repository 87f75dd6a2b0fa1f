import pytest

from briefing.input.slug import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "A New Rapprochement Between Moscow and Tehran",
            "a-new-rapprochement-between-moscow-and-tehran",
        ),
        ("Москва и Тегеран", "moskva-i-tegeran"),
        ("../../etc", "etc"),
        ("CON", "con-brief"),
        (".hidden", "hidden"),
        ("", "brief"),
        ("???", "brief"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_long_titles_are_cut_at_a_word() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= 60 and not slug.endswith("-")
