"""The explanation's wrapper writes exactly what textwrap writes, on any text."""

from __future__ import annotations

import textwrap

from hypothesis import assume, example, given
from hypothesis import strategies as st

from clausekit.render._wrap import fill

WORDS = st.text(alphabet="ab—ü.:/-\xa0", min_size=0, max_size=30)
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", " \n "])
PLAIN = st.lists(st.text(alphabet="ab—ü.:/-", min_size=1, max_size=30), min_size=1).map(" ".join)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    """Mostly plain sentences, sometimes with the whitespace textwrap rewrites."""
    words = draw(st.lists(WORDS, max_size=40))
    out = ""
    for word in words:
        out += word + draw(SEPARATORS)
    return out[: draw(st.integers(min_value=0, max_value=len(out)))]


class TestFill:
    @given(
        text=st.one_of(PLAIN, paragraphs()),
        width=st.integers(min_value=1, max_value=100),
        initial=st.sampled_from(["", "  ", "     ", "  [12] - "]),
        subsequent=st.sampled_from(["", "     ", "         "]),
        break_long_words=st.booleans(),
    )
    @example(
        text="one two three four", width=9, initial="- ", subsequent="  ", break_long_words=True
    )
    @example(text="a " + "b" * 20, width=10, initial="", subsequent="", break_long_words=False)
    @example(
        text="ab " * 5 + "c" * 30 + " d",
        width=12,
        initial="",
        subsequent="  ",
        break_long_words=False,
    )
    @example(text="ab cd", width=3, initial="    ", subsequent="    ", break_long_words=False)
    @example(text=": : : :", width=1, initial="", subsequent="     ", break_long_words=False)
    @example(text="", width=10, initial="- ", subsequent="", break_long_words=True)
    def test_same_as_textwrap(
        self, text: str, width: int, initial: str, subsequent: str, break_long_words: bool
    ) -> None:
        """Every text, width and indent gives the string textwrap.fill gives, to the character."""
        # textwrap itself never returns when it must break words on a line its indent fills.
        assume(not break_long_words or width > max(len(initial), len(subsequent)))
        expected = textwrap.fill(
            text,
            width=width,
            initial_indent=initial,
            subsequent_indent=subsequent,
            break_long_words=break_long_words,
            break_on_hyphens=False,
        )
        assert (
            fill(
                text,
                width=width,
                initial_indent=initial,
                subsequent_indent=subsequent,
                break_long_words=break_long_words,
            )
            == expected
        )
