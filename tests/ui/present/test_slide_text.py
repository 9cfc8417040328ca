"""The short texts the projector shows about a stanza: source captions, fallback points."""

from __future__ import annotations

import pytest

from karaoke.ui.present.slide_text import first_sentences, plain, short_caption


@pytest.mark.parametrize(
    ("title", "caption"),
    [
        # Journal or venue and year.
        ("LeCun, Bengio & Hinton (2015). Deep learning. Nature 521, 436–444", "Nature, 2015"),
        (
            "Turing (1950). Computing Machinery and Intelligence. Mind 59(236), 433–460",
            "Mind, 1950",
        ),
        (
            "Weizenbaum (1966). ELIZA — a computer program for the study of natural language "
            "communication between man and machine. Communications of the ACM 9(1)",
            "Communications of the ACM, 1966",
        ),
        (
            "Bender, Gebru, McMillan-Major & Shmitchell (2021). On the Dangers of Stochastic "
            "Parrots: Can Language Models Be Too Big? FAccT '21",
            "FAccT, 2021",
        ),
        # No venue: the title, shortened, and the year.
        (
            "Brown et al. (2020). Language Models are Few-Shot Learners, section 2.2 and table 2.2",
            "Language Models are Few-Shot Learners, 2020",
        ),
        (
            "Vaswani et al. (2017). Attention Is All You Need (arXiv)",
            "Attention Is All You Need, 2017",
        ),
        (
            "Abadi et al. (2016). TensorFlow: Large-Scale Machine Learning on Heterogeneous "
            "Distributed Systems",
            "TensorFlow, 2016",
        ),
        (
            "Moore (1965). Cramming more components onto integrated circuits (reprinted in "
            "Proc. IEEE 86(1), 1998)",
            "Cramming more components onto integrated…, 1965",
        ),
        (
            "The Guardian (2020). A robot wrote this entire article. Are you scared yet, human?",
            "A robot wrote this entire article, 2020",
        ),
        # No year: the title alone, shortened.
        ("arXiv: About arXiv", "arXiv: About arXiv"),
        (
            "Stanford Encyclopedia of Philosophy: The Turing Test",
            "Stanford Encyclopedia of Philosophy",
        ),
    ],
)
def test_a_source_gets_a_caption_of_a_few_words(title, caption):
    assert short_caption(title) == caption
    assert len(short_caption(title)) <= 50


def test_markdown_becomes_plain_blocks():
    markdown = "Una **red** y un [enlace](https://x.org).\n\n- primer punto\n- *segundo*\n\n## Nota"
    assert plain(markdown) == ["Una red y un enlace.", "primer punto", "segundo", "Nota"]


def test_first_sentences_are_whole_and_short():
    text = (
        "Una red aprende ajustando pesos. Cada peso es un número (véase Brown et al., 2020). "
        "Tercera frase aquí. Cuarta frase."
    )
    assert first_sentences(text) == (
        "Una red aprende ajustando pesos.",
        "Cada peso es un número (véase Brown et al., 2020).",
        "Tercera frase aquí.",
    )
    assert first_sentences(text, chars=40) == ("Una red aprende ajustando pesos.",)
    # The first sentence always goes in, whole, however long it is.
    long = "Una frase muy larga " * 20 + "termina aquí. Otra."
    assert first_sentences(long, chars=10) == (long.split(" Otra.")[0],)


def test_a_sentence_announcing_a_list_is_left_out():
    text = "GPT-3 leyó mucho texto. La mezcla fue:\n\n- Common Crawl: 60 %\n- Libros: 16 %"
    assert first_sentences(text) == (
        "GPT-3 leyó mucho texto.",
        "Common Crawl: 60 %",
        "Libros: 16 %",
    )
