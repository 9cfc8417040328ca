<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>StudyPack</name>
    <message>
        <source>Study pack</source>
        <translation>Material de estudio</translation>
    </message>
    <message>
        <source>Lesson study pack</source>
        <translation>Material de estudio de la lección</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Créditos</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Songs in this lesson</source>
        <translation>Canciones de esta lección</translation>
    </message>
    <message>
        <source>In this pack</source>
        <translation>En este material</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>Letra</translation>
    </message>
    <message>
        <source>Under each sung line, in grey italics: its translation (%1).</source>
        <translation>Bajo cada verso cantado, en cursiva gris: su traducción (%1).</translation>
    </message>
    <message>
        <source>Stanza %1</source>
        <translation>Estrofa %1</translation>
    </message>
    <message>
        <source>Stanzas %1 to %2</source>
        <translation>Estrofas %1 a %2</translation>
    </message>
    <message>
        <source>The science, stanza by stanza</source>
        <translation>La ciencia, estrofa a estrofa</translation>
    </message>
    <message>
        <source>Key idea</source>
        <translation>Idea clave</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Recuerda</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Sources: %1 (see References)</source>
        <translation>Fuentes: %1 (ver Referencias)</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Scan a code with a phone&apos;s camera to open the source.</source>
        <translation>Escanea un código con la cámara del móvil para abrir la fuente.</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Ficha de trabajo</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Fill in the blanks</source>
        <translation>Completa los huecos</translation>
    </message>
    <message>
        <source>Complete each sentence with a word or phrase from the word bank.</source>
        <translation>Completa cada frase con una palabra o expresión del banco de palabras.</translation>
    </message>
    <message>
        <source>Word bank</source>
        <translation>Banco de palabras</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Choose one answer for each question.</source>
        <translation>Elige una respuesta en cada pregunta.</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>Solucionario</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Por qué: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
</context>
<context>
    <name>StudyPackDialog</name>
    <message>
        <source>Export study pack</source>
        <extracomment>Where the last pack was written (for the tests and the next default folder).</extracomment>
        <translation>Exportar material de estudio</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Worksheet: fill in the blanks and the questions</source>
        <translation>Ficha de trabajo: huecos para completar y preguntas</translation>
    </message>
    <message>
        <source>Answer key, on pages of its own</source>
        <translation>Solucionario, en páginas aparte</translation>
    </message>
    <message>
        <source>Pack of:</source>
        <translation>Material de:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open a song first: the study pack is made from the song on screen.</source>
        <translation>Abre antes una canción: el material de estudio se hace con la canción que está en pantalla.</translation>
    </message>
    <message>
        <source>Save the study pack</source>
        <translation>Guardar el material de estudio</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The study pack could not be made.</source>
        <translation>No se ha podido hacer el material de estudio.</translation>
    </message>
    <message>
        <source>Study pack saved (%n page(s)).</source>
        <translation>Material de estudio guardado (%n página).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
</TS>
