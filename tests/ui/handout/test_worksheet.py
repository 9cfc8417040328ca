"""The fill-in-the-blanks sheet: which sentences, what is blanked, the word bank."""

from __future__ import annotations

from karaoke.ui.handout.worksheet import BLANK, Source, make_blanks, sentences, word_bank


def test_sentences_are_cut_at_their_ends_but_not_after_et_al() -> None:
    text = "Una red aprende. Brown et al. (2020) lo midieron!\n- Un punto de lista\n¿Y ahora? Sí…"
    assert sentences(text) == [
        "Una red aprende.",
        "Brown et al. (2020) lo midieron!",
        "Un punto de lista",
        "¿Y ahora?",
        "Sí…",
    ]


def test_a_term_is_blanked_in_a_sentence_of_its_own_stanza_explanation_first() -> None:
    first = Source(
        lines=("Con mi burrito voy entrenando mi red neuronal",),
        explanation="Una red neuronal es un programa hecho de neuronas artificiales conectadas.",
        terms=("Red neuronal",),
    )
    (blank,) = make_blanks([first])
    assert blank.term == "Red neuronal"
    assert blank.text == f"Una {BLANK} es un programa hecho de neuronas artificiales conectadas."
    assert (
        blank.answer == "Una red neuronal es un programa hecho de neuronas artificiales conectadas."
    )


def test_a_term_not_in_any_text_gets_no_blank_and_a_repeated_term_one() -> None:
    stanzas = [
        Source(
            (),
            "La atención decide en qué palabras fijarse para entender otra.",
            ("Atención", "Perceptrón"),
        ),
        Source(("Atención, atención, mecanismo de atención",), "", ("atención",)),
    ]
    blanks = make_blanks(stanzas)
    assert [blank.term for blank in blanks] == ["Atención"]


def test_whole_words_only_and_never_inside_a_hyphenated_name() -> None:
    source = Source(
        (),
        "GPT-3 tiene 96 capas y muchos parámetros en total. GPT significa transformer generativo preentrenado.",
        ("GPT", "Capa"),
    )
    blanks = {blank.term: blank.text for blank in make_blanks([source])}
    assert blanks["GPT"] == f"{BLANK} significa transformer generativo preentrenado."
    assert "Capa" not in blanks  # "capas" is another word


def test_each_sentence_is_used_once_and_the_bank_is_alphabetical() -> None:
    source = Source(
        ("Token tras token, vector tras vector, así aprende la red",),
        "Cada token se convierte en un vector de números que la red puede sumar y multiplicar.",
        ("Vector", "Token"),
    )
    blanks = make_blanks([source])
    assert len({blank.answer for blank in blanks}) == 2
    assert word_bank(blanks) == ["Token", "Vector"]
