import pytest

from briefing.errors import SeedError
from briefing.input.reading import decode_seed


def test_bom_and_line_ends_are_normalised() -> None:
    assert decode_seed(b"\xef\xbb\xbfTitle\r\n\r\nOne.\rTwo.", "a.txt") == "Title\n\nOne.\nTwo."


def test_invisible_and_odd_spaces() -> None:
    assert decode_seed("a\u200bb\u00a0c\td".encode(), "a.txt") == "ab c d"


@pytest.mark.parametrize("data", [b"", b"  \n\n \t"])
def test_empty_file_is_an_error(data: bytes) -> None:
    with pytest.raises(SeedError, match=r"a.txt:1: the file is empty"):
        decode_seed(data, "a.txt")


def test_windows_1252_names_line_and_byte() -> None:
    with pytest.raises(SeedError) as info:
        decode_seed(b"Title\n\nIt\x92s here.", "seeds/x.txt")
    assert info.value.line == 3
    assert "0x92" in str(info.value) and "seeds/x.txt:3" in str(info.value)


def test_nul_byte_is_an_error_with_its_line() -> None:
    with pytest.raises(SeedError, match=r"x.txt:2: contains a NUL byte"):
        decode_seed(b"Title\nbad\x00", "x.txt")
